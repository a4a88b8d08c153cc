package io.platforminfra.config;

import io.platforminfra.components.validation.Problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stack file that cannot be deployed. The message lists every problem at once, one per line, each naming the
 * file, the key, the value and what would be accepted, for example
 * {@code Pulumi.qa.yaml: platform-infra:cluster.systemPool.count must be between 1 and 100 (value: 0)}.
 */
public final class StackConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stackFile;
    private final transient List<Problem> problems;

    /**
     * @param stackFile file name of the stack, such as {@code Pulumi.dev.yaml}
     * @param problems  every problem found, with fully qualified keys as fields; must not be empty
     */
    public StackConfigException(String stackFile, List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + stackFile + ":\n"
                + problems.stream().map(p -> stackFile + ": " + p.describe(p.field())).collect(Collectors.joining("\n")));
        this.stackFile = stackFile;
        this.problems = List.copyOf(problems);
    }

    /** File name of the stack, such as {@code Pulumi.dev.yaml}. */
    public String stackFile() {
        return stackFile;
    }

    /** Every problem, with fully qualified keys as fields. */
    public List<Problem> problems() {
        return problems;
    }
}
