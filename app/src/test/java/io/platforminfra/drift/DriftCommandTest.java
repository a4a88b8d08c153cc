package io.platforminfra.drift;

import io.platforminfra.cli.CommandLineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code platform-infra drift}: exit codes and the outcome file the pipeline script reads. */
class DriftCommandTest {
    private static final String STORAGE = "azure-native:storage:StorageAccount";

    @TempDir
    Path directory;

    private CommandLineRun drift(Digest refresh, int refreshExit, Digest preview, int previewExit, String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of("drift", "--stage", "dev",
                "--refresh", refresh.write(directory.resolve("refresh.json")).toString(),
                "--refresh-exit", String.valueOf(refreshExit),
                "--preview", preview.write(directory.resolve("preview.json")).toString(),
                "--preview-exit", String.valueOf(previewExit),
                "--outcome", directory.resolve("outcome").toString()));
        args.addAll(java.util.List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private String outcome() throws IOException {
        return Files.readString(directory.resolve("outcome"));
    }

    @Test
    void aCleanStageExitsZero() throws IOException {
        var run = drift(Digest.of("dev").unchanged(STORAGE, "sa"), 0, Digest.of("dev").same(STORAGE, "sa"), 0);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Stage dev: clean");
        assertThat(outcome()).isEqualTo("clean\n");
    }

    @Test
    void driftAndAnUnappliedChangeExitOneAndAreBothWritten() throws IOException {
        var run = drift(Digest.of("dev").delete(STORAGE, "sa"), 7, Digest.of("dev").create(STORAGE, "sa2"), 7);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(outcome()).isEqualTo("drift\nunapplied\n");
        assertThat(run.out()).contains("code=drift-drift]").contains("code=drift-unapplied]");
    }

    @Test
    void aStageThatCannotBeCheckedExitsThreeEvenWithDriftFound() throws IOException {
        var run = drift(Digest.of("dev").delete(STORAGE, "sa"), 7, Digest.of("dev"), 3);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(outcome()).isEqualTo("drift\ncannot-check\n");
        assertThat(run.out()).contains("pulumi preview exited 3 (authentication failed)");
    }

    @Test
    void anIgnoreListThatBreaksItsRulesIsBadInput() throws IOException {
        var ignore = Files.writeString(directory.resolve("drift-ignore.yaml"), "ignore:\n  - type: x\n");

        var run = drift(Digest.of("dev"), 0, Digest.of("dev"), 0, "--ignore", ignore.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(ignore + ": entry 1: 'issue' is missing, empty or not text");
        assertThat(directory.resolve("outcome")).doesNotExist();
    }
}
