package io.platforminfra.report;

/**
 * The pipeline's variables do not say which pull request to comment on or give no token: a mistake in the pipeline
 * definition, reported without a stack trace and never with the token.
 */
public final class PipelineEnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing or wrong, naming the variables */
    public PipelineEnvironmentException(String message) {
        super(message);
    }
}
