package io.platforminfra.report;

import java.nio.file.Path;

/**
 * A preview file is missing, unreadable or not what {@code pulumi preview --json} prints: a user mistake, reported
 * without a stack trace and always naming the file.
 */
public final class PreviewFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong, without the file. */
    private final String problem;

    /** A problem with one file: {@code <file>: <problem>}. */
    public PreviewFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.problem = problem;
    }

    /** Problems, each naming its file, one per line. */
    PreviewFileException(String problems) {
        super(problems);
        this.problem = problems;
    }

    /** What is wrong, without the file. */
    String problem() {
        return problem;
    }
}
