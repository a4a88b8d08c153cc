package io.platforminfra.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The project directory option every offline command shares ({@code --dir}). */
public final class ProjectDirectory {
    @Option(names = "--dir", defaultValue = ".", paramLabel = "<path>",
            description = "Project directory with Pulumi.yaml and the stack files (default: the current directory).")
    private Path path;

    /** The directory given, or the current one. */
    Path path() {
        return path;
    }
}
