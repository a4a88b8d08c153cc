package io.platforminfra.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The project directory option every offline command shares ({@code --dir}). */
public final class ProjectDirectory {
    /** The file that makes a directory a Pulumi project. */
    static final String PROJECT_FILE = "Pulumi.yaml";

    @Option(names = "--dir", defaultValue = ".", paramLabel = "<path>",
            description = "Project directory with Pulumi.yaml and the stack files (default: the current directory).")
    private Path path;

    /**
     * The directory given, or the current one, once it is known to be a readable directory with a
     * {@code Pulumi.yaml}: a command never works on a folder that is not a project (and lists no stages there).
     *
     * @throws BadInputException naming the directory and what is wrong with it
     */
    Path path() {
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new BadInputException("--dir " + path + ": no such directory");
        } catch (FileSystemException e) {
            // ELOOP and the like: "Too many levels of symbolic links".
            throw new BadInputException("--dir " + path + ": cannot be opened ("
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + ")");
        } catch (IOException | SecurityException e) {
            throw new BadInputException("--dir " + path + ": cannot be opened (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(real)) {
            throw new BadInputException("--dir " + path + ": not a directory; name the project directory, the one"
                    + " with " + PROJECT_FILE);
        }
        if (!Files.isRegularFile(real.resolve(PROJECT_FILE))) {
            throw new BadInputException("No " + PROJECT_FILE + " in " + real + ": run from the project directory or"
                    + " name it with --dir");
        }
        return path;
    }
}
