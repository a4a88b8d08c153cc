package io.platforminfra.plan;

import java.util.List;

/**
 * The stage cannot be planned because its stack files are wrong: a user mistake, reported without a stack trace.
 */
public class PlanRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message every problem, one per line, each naming the file, the key, the value and what is accepted */
    public PlanRefusedException(String message) {
        super(message);
    }

    /** The problems of several stages together. */
    public static PlanRefusedException of(List<PlanRefusedException> refusals) {
        return new PlanRefusedException(String.join("\n", refusals.stream().map(Throwable::getMessage).toList()));
    }
}
