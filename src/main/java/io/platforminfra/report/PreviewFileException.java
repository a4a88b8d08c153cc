package io.platforminfra.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A preview file is missing, unreadable or not what {@code pulumi preview --json} prints: a user mistake, reported
 * without a stack trace and always naming the file.
 */
public final class PreviewFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem with one file: {@code <file>: <problem>}. */
    public PreviewFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    private PreviewFileException(String message) {
        super(message);
    }

    /** The problems of several files together, one per line. */
    public static PreviewFileException of(List<PreviewFileException> problems) {
        return new PreviewFileException(String.join("\n", problems.stream().map(Throwable::getMessage).toList()));
    }
}
