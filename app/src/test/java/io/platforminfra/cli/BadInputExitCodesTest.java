package io.platforminfra.cli;

import io.platforminfra.report.PreviewFixtures;
import io.platforminfra.testing.LoggedDuring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exit codes and messages under bad input: a file that cannot be read or that the Pulumi CLI would refuse, a
 * project directory that is not one, an output that cannot or must not be written, a stage named twice. Each is
 * exit 2 with one message naming the file, the path or the option, never a stack trace, and printed once.
 */
class BadInputExitCodesTest {
    private static final String DEV = "Pulumi.dev.yaml";

    private static void assertBadInput(CommandLineRun run, String... expected) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).contains(expected).doesNotContain("\tat ", "Exception", "SEVERE");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    // --- files the CLI would refuse, or that are not text

    static Stream<Arguments> unreadableStackFiles() {
        var dev = read(TestProject.REPOSITORY.resolve(DEV));
        return Stream.of(
                Arguments.of("null key", (dev + "  ~: x\n").getBytes(StandardCharsets.UTF_8), "is null"),
                Arguments.of("null key in a map", dev.replace("  platform-infra:network:\n",
                        "  platform-infra:network:\n    null: 1\n").getBytes(StandardCharsets.UTF_8), "is null"),
                Arguments.of("numeric key", (dev + "  42: x\n").getBytes(StandardCharsets.UTF_8), "the number 42"),
                Arguments.of("list as key", (dev + "  ? [a, b]\n  : x\n").getBytes(StandardCharsets.UTF_8),
                        "is not valid YAML"),
                Arguments.of("UTF-16", dev.getBytes(StandardCharsets.UTF_16), "UTF-16"),
                Arguments.of("UTF-16 without byte order mark", dev.getBytes(StandardCharsets.UTF_16LE), "NUL byte"),
                Arguments.of("binary", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13},
                        "is not"),
                Arguments.of("too deep", (dev + "  platform-infra:x: " + "[".repeat(5000) + "]".repeat(5000) + "\n")
                        .getBytes(StandardCharsets.UTF_8), "more than 50 levels deep"),
                Arguments.of("recursive anchor", (dev + "  platform-infra:x: &a [*a]\n")
                        .getBytes(StandardCharsets.UTF_8), "contains its own alias"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableStackFiles")
    void aStackFileThatCannotBeReadIsExitTwoNamingTheFileInEveryCommand(String what, byte[] content, String why,
                                                                      @TempDir Path directory) throws IOException {
        TestProject.in(directory);
        Files.write(directory.resolve(DEV), content);
        for (var command : List.of(List.of("plan", "--stack", "dev"), List.of("plan", "--all"),
                List.of("check", "--stack", "dev"), List.of("stages"))) {
            var args = new ArrayList<>(command);
            args.addAll(List.of("--dir", directory.toString()));
            var run = CommandLineRun.of(args.toArray(String[]::new));
            assertBadInput(run, DEV, why);
            assertThat(run.err()).as(run.toString()).startsWith(DEV);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aProjectFileWithoutANameIsRefusedAsTheCliRefusesIt(@TempDir Path directory) throws IOException {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev");
        var file = directory.resolve("Pulumi.yaml");
        Files.writeString(file, Files.readString(file).replaceFirst("(?m)^name: .*\n", ""));
        assertBadInput(CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir()),
                "Pulumi.yaml: 'name' must be the project's name, as text (value: not set)");
        assertBadInput(CommandLineRun.of("stages", "--dir", project.dir()), "Pulumi.yaml: 'name'");
    }

    // --- the project directory

    @ParameterizedTest
    @ValueSource(strings = {"plan --all", "plan --stack dev", "check --all", "stages"})
    void aMissingProjectDirectoryIsExitTwoNamingIt(String command, @TempDir Path directory) {
        var missing = directory.resolve("no-such-checkout").toString();
        assertBadInput(run(command, "--dir", missing), "--dir " + missing + ": no such directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan --all", "check --stack dev", "stages"})
    void aProjectDirectoryThatIsASymbolicLinkLoopIsExitTwoNamingIt(String command, @TempDir Path directory)
            throws IOException {
        var a = directory.resolve("a");
        var b = directory.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertBadInput(run(command, "--dir", a.toString()), "--dir " + a + ": cannot be opened");
    }

    @Test
    void aProjectDirectoryThatIsAFileIsExitTwo(@TempDir Path directory) throws IOException {
        var file = Files.writeString(directory.resolve("Pulumi.yaml"), "name: x\n");
        assertBadInput(CommandLineRun.of("stages", "--dir", file.toString()), "--dir " + file + ": not a directory");
    }

    @Test
    void stagesRefusesAFolderWithoutAProjectFileInsteadOfListingItsStackFiles(@TempDir Path directory)
            throws IOException {
        Files.copy(TestProject.REPOSITORY.resolve(DEV), directory.resolve(DEV));
        var run = CommandLineRun.of("stages", "--dir", directory.toString());
        assertBadInput(run, "No Pulumi.yaml in " + directory.toRealPath());
        assertThat(run.out()).isEmpty();
    }

    // --- outputs

    @ParameterizedTest
    @ValueSource(strings = {"--sarif", "--junit"})
    void aReportThatCannotBeWrittenIsExitTwoNamingThePathNotAPolicyFailure(String option, @TempDir Path directory)
            throws IOException {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev");
        var inMissingDirectory = directory.resolve("missing").resolve("policy.out");
        assertBadInput(run("check --stack dev", "--dir", project.dir(), option, inMissingDirectory.toString()),
                option + " " + inMissingDirectory + ": its directory " + directory.resolve("missing")
                        + " does not exist");
        var aDirectory = Files.createDirectory(directory.resolve("reports"));
        assertBadInput(run("check --stack dev", "--dir", project.dir(), option, aDirectory.toString()),
                option + " " + aDirectory + ": is a directory");
        var underAFile = directory.resolve("Pulumi.dev.yaml").resolve("policy.out");
        assertBadInput(run("check --stack dev", "--dir", project.dir(), option, underAFile.toString()),
                option + " " + underAFile + ": its directory");
    }

    @Test
    void aCommentThatCannotBeWrittenIsExitTwoNamingThePath(@TempDir Path directory) {
        var missing = directory.resolve("missing").resolve("comment.md");
        assertBadInput(CommandLineRun.of("report", "--preview", PreviewFixtures.file("dev-updates.json").toString(),
                "--out", missing.toString()), "--out " + missing + ": its directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pulumi.dev.yaml", "Pulumi.yaml", "Pulumi.qa.yaml"})
    void aReportIsNeverWrittenOverTheProjectOrAStackFileExistingOrNot(String name, @TempDir Path directory)
            throws IOException {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev");
        var before = read(directory.resolve(name));
        var target = directory.resolve(name).toString();
        assertBadInput(run("check --stack dev", "--dir", project.dir(), "--sarif", target),
                "--sarif " + target + ": is");
        assertBadInput(run("check --all", "--dir", project.dir(), "--junit", target), "--junit " + target + ": is");
        assertThat(read(directory.resolve(name))).isEqualTo(before);
    }

    @Test
    void aReportIsNotWrittenThroughALinkToAStackFile(@TempDir Path directory) throws IOException {
        var project = TestProject.in(Files.createDirectory(directory.resolve("project")))
                .withRepositoryStage("dev", "dev");
        var link = Files.createSymbolicLink(directory.resolve("policy.sarif"),
                Path.of(project.dir()).resolve(DEV));
        assertBadInput(run("check --stack dev", "--dir", project.dir(), "--sarif", link.toString()), "--sarif " + link);
        assertThat(read(Path.of(project.dir()).resolve(DEV)))
                .isEqualTo(read(TestProject.REPOSITORY.resolve(DEV)));
    }

    @Test
    void twoReportsOnOnePathAreRefused(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev");
        var same = directory.resolve("policy.out").toString();
        assertBadInput(run("check --stack dev", "--dir", project.dir(), "--sarif", same, "--junit",
                directory.resolve(".").resolve("policy.out").toString()),
                "--junit " + directory.resolve(".").resolve("policy.out") + ": --sarif writes the same file");
        assertThat(directory.resolve("policy.out")).doesNotExist();
    }

    @Test
    void theCommentIsNeverWrittenOverAPreviewItIsMadeFrom(@TempDir Path directory) throws IOException {
        var preview = Files.copy(PreviewFixtures.file("dev-updates.json"), directory.resolve("dev.json"));
        var before = read(preview);
        assertBadInput(CommandLineRun.of("report", "--preview", preview.toString(), "--out", preview.toString()),
                "--out " + preview + ": is " + preview + ", which this command reads");
        assertThat(read(preview)).isEqualTo(before);
    }

    // --- stages named twice

    @Test
    void comparingAStageWithItselfIsRefused() {
        assertBadInput(CommandLineRun.of("plan", "--compare", "dev,dev"), "--compare names stage 'dev' twice");
        assertBadInput(CommandLineRun.of("plan", "--compare", "dev,prod,dev"), "--compare names stage 'dev' twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "check"})
    void aStageNamedTwiceIsRefused(String command) {
        assertBadInput(CommandLineRun.of(command, "--stack", "dev", "--stack", "dev"),
                "--stack names stage 'dev' twice");
    }

    // --- each problem printed once

    @Test
    void aRefusedStackFileIsPrintedOnceAndNothingIsLoggedBesides(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev",
                dev -> dev.replace("      count: 1", "      count: 0"));
        var logged = LoggedDuring.run(Logger.getLogger(""),
                () -> CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir()));
        var run = logged.result();
        assertBadInput(run, "Pulumi.dev.yaml: platform-infra:cluster.systemPool.count must be between 1 and 100");
        assertThat(occurrences(run.err(), "systemPool.count")).as(run.toString()).isEqualTo(1);
        // The engine's logger would print the same problem again under a "SEVERE:" header on standard error.
        assertThat(logged.records()).extracting(LogRecord::getMessage).isEmpty();
    }

    private static CommandLineRun run(String command, String... more) {
        var args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private static String read(Path path) {
        try {
            return Files.exists(path) ? Files.readString(path) : "(none)";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
