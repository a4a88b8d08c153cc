package io.platforminfra.components.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a component whose settings are invalid, before it registers anything. The message lists every
 * problem, one per line, each naming the field, the value and what would be accepted.
 */
public final class InvalidSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * @param subject  what was being built, for example {@code AksCluster 'aks'}
     * @param problems every problem found; must not be empty
     */
    public InvalidSettingsException(String subject, List<Problem> problems) {
        super(subject + " has invalid settings:\n" + problems.stream()
                .map(p -> "  - " + p.describe(p.field()))
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, for callers that render them differently (the stack program names the stack file). */
    public List<Problem> problems() {
        return problems;
    }
}
