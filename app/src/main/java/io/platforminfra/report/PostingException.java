package io.platforminfra.report;

/**
 * Azure DevOps could not be reached or refused a request. The message names the request and the answer, never the
 * token.
 */
public final class PostingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the request, the answer and, where known, what to check */
    public PostingException(String message) {
        super(message);
    }
}
