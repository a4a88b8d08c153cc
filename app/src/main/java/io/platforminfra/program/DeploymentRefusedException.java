package io.platforminfra.program;

/**
 * An update the {@link DeploymentGuard} refused, thrown after the stack file was read and before anything was
 * registered; the message says why and what to do instead.
 */
public final class DeploymentRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason why the update was refused, and what to do instead */
    public DeploymentRefusedException(String reason) {
        super(reason);
    }
}
