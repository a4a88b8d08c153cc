package io.platforminfra.cli;

import io.platforminfra.config.StackConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a command writes besides standard output ({@code --sarif}, {@code --junit}, {@code --out}). They are
 * checked before any work is done, so that a report can never overwrite what the command reads, and a path that
 * cannot be written is a bad option (exit 2), not a policy failure or a bug (exit 1).
 */
final class OutputFiles {
    private final Map<String, Path> outputs = new LinkedHashMap<>();

    private OutputFiles() {
    }

    /** The outputs by option, such as {@code --sarif}; options not given ({@code null}) are left out. */
    static OutputFiles of(Map<String, Path> byOption) {
        var files = new OutputFiles();
        byOption.forEach((option, path) -> {
            if (path != null) {
                files.outputs.put(option, path);
            }
        });
        return files;
    }

    /**
     * Refuses outputs that would overwrite an input or each other, or cannot be written at all.
     *
     * @param inputs           files the command reads (such as the previews of {@code report})
     * @param projectDirectory the project whose {@code Pulumi.yaml} and stack files no output may be, existing or
     *                         not (a report named {@code Pulumi.new.yaml} would become a stage); {@code null} for none
     * @throws BadInputException naming the option, the path and the reason
     */
    OutputFiles refuseUnusable(List<Path> inputs, Path projectDirectory) {
        var claimed = new LinkedHashMap<Path, String>();
        for (var output : outputs.entrySet()) {
            var option = output.getKey();
            var path = output.getValue();
            var identity = identity(path);
            var earlier = claimed.putIfAbsent(identity, option);
            if (earlier != null) {
                throw new BadInputException(option + " " + path + ": " + earlier + " writes the same file; give each"
                        + " output its own path");
            }
            for (var input : inputs) {
                if (identity.equals(identity(input)) || sameExistingFile(path, input)) {
                    throw new BadInputException(option + " " + path + ": is " + input + ", which this command reads;"
                            + " write the output elsewhere");
                }
            }
            if (projectDirectory != null && identity.getParent() != null
                    && identity.getParent().equals(identity(projectDirectory))) {
                var name = identity.getFileName().toString();
                if (name.equals(ProjectDirectory.PROJECT_FILE) || StackConfiguration.isStackFileName(name)) {
                    var what = name.equals(ProjectDirectory.PROJECT_FILE) ? "the project file" : "a stack file";
                    throw new BadInputException(option + " " + path + ": is " + what + " of the project; write the"
                            + " output elsewhere");
                }
            }
            refuseUnwritable(option, path);
        }
        return this;
    }

    /**
     * Writes {@code content} to the output of {@code option}, if it was given.
     *
     * @throws BadInputException naming the option and the path when it cannot be written
     */
    void write(String option, String content) {
        var path = outputs.get(option);
        if (path == null) {
            return;
        }
        try {
            Files.writeString(path, content);
        } catch (IOException | SecurityException e) {
            throw new BadInputException(option + " " + path + ": cannot be written (" + reason(e) + ")");
        }
    }

    private static void refuseUnwritable(String option, Path path) {
        var absolute = path.toAbsolutePath();
        var parent = absolute.getParent();
        String problem = null;
        if (Files.isDirectory(path)) {
            problem = "is a directory; name a file";
        } else if (parent == null || !Files.isDirectory(parent)) {
            problem = "its directory " + parent + " does not exist";
        } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(path)) {
            problem = "cannot be written (no permission, or a broken link)";
        } else if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(parent)) {
            problem = "cannot be created: its directory " + parent + " is not writable";
        }
        if (problem != null) {
            throw new BadInputException(option + " " + path + ": " + problem);
        }
    }

    /** Where {@code path} leads: its real path when it exists, else its real directory and its name. */
    private static Path identity(Path path) {
        var absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException | SecurityException e) {
            var parent = absolute.getParent();
            if (parent == null) {
                return absolute;
            }
            try {
                return parent.toRealPath().resolve(absolute.getFileName());
            } catch (IOException | SecurityException again) {
                return absolute;
            }
        }
    }

    /** Whether both exist and are one file (hard links included). */
    private static boolean sameExistingFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String reason(Exception e) {
        var kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}
