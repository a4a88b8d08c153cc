package io.platforminfra.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A project directory for a test: the repository's {@code Pulumi.yaml} plus the stack files the test writes or
 * copies, so tests of new or broken stages never touch the repository.
 */
public final class TestProject {
    /** The repository root, where Maven runs the tests. */
    public static final Path REPOSITORY = Path.of("").toAbsolutePath();

    private final Path directory;

    private TestProject(Path directory) {
        this.directory = directory;
    }

    /** A project in {@code directory} with the repository's {@code Pulumi.yaml} and no stack file. */
    public static TestProject in(Path directory) {
        copy(REPOSITORY.resolve("Pulumi.yaml"), directory.resolve("Pulumi.yaml"));
        return new TestProject(directory);
    }

    /** Adds {@code Pulumi.<stage>.yaml} with {@code content}. */
    public TestProject withStackFile(String stage, String content) {
        try {
            Files.writeString(directory.resolve("Pulumi." + stage + ".yaml"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Adds the repository's stack file of {@code stage} as the stack file of {@code asStage}, changed by {@code edit}. */
    public TestProject withRepositoryStage(String stage, String asStage, UnaryOperator<String> edit) {
        try {
            var content = Files.readString(REPOSITORY.resolve("Pulumi." + stage + ".yaml"));
            var edited = edit.apply(content);
            if (edited.equals(content)) {
                throw new IllegalArgumentException("the edit changed nothing in Pulumi." + stage + ".yaml");
            }
            return withStackFile(asStage, edited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the repository's stack file of {@code stage}, unchanged, as the stack file of {@code asStage}. */
    public TestProject withRepositoryStage(String stage, String asStage) {
        try {
            return withStackFile(asStage, Files.readString(REPOSITORY.resolve("Pulumi." + stage + ".yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project directory, for {@code --dir}. */
    public String dir() {
        return directory.toString();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
