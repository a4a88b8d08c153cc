package io.platforminfra.plan;

/**
 * The stack file is valid, but a waiver in it names a resource the stage does not have: it would waive nothing
 * today, and silently waive whatever later takes that name. Only the plan knows the stage's resources, so the gate
 * refuses it (exit 2 offline; the gate before a real run stops the run), where the program itself would not.
 */
public final class WaiverRefusedException extends PlanRefusedException {
    private static final long serialVersionUID = 1L;

    /** @param message one line per refused waiver, naming the stack file, the waiver and the resource */
    WaiverRefusedException(String message) {
        super(message);
    }
}
