package io.platforminfra.drift;

import java.nio.file.Path;
import java.util.List;

/**
 * The ignore list cannot be used: missing, not YAML, or entries that break its rules. Names the file and every
 * problem at once, so one review round fixes them all.
 */
public final class IgnoreListException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param file the ignore list; @param problems each naming the entry, the key, the value and what is accepted */
    IgnoreListException(Path file, List<String> problems) {
        super(String.join("\n", problems.stream().map(problem -> file + ": " + problem).toList()));
    }
}
