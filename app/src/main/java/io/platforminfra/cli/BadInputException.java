package io.platforminfra.cli;

/**
 * An option or a file named on the command line cannot be used (a missing project directory, an output that would
 * overwrite an input, a stage named twice): a user mistake, reported with exit code {@link Main#BAD_INPUT} and its
 * message alone, never a stack trace.
 */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the option or the path and the fix */
    BadInputException(String message) {
        super(message);
    }
}
