package io.platforminfra.config;

/**
 * {@code Pulumi.yaml} or a stack file cannot be read at all (missing, not YAML, not a map): a user mistake named
 * with its file, reported without a stack trace.
 */
public final class StackFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, starting with the file's name */
    public StackFileException(String message) {
        super(message);
    }
}
