package io.platforminfra.drift;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pipelines/scripts/pulumi-drift.sh with stand-ins for {@code pulumi}, {@code java} and the login script: which
 * commands it runs per stage, that a failing stage does not stop the others, and the summary and exit code. The
 * stand-in {@code java} answers {@code stages} and {@code drift} from a table (the classifier itself is tested in
 * {@link DriftCheckTest}); the stand-in {@code pulumi} fails the refresh of stage qa with exit 255.
 */
class PulumiDriftScriptTest {
    private static final Path SCRIPT = Path.of("pipelines", "scripts", "pulumi-drift.sh");

    @TempDir
    Path root;
    private Path calls;

    @BeforeEach
    void standIns() throws IOException {
        var scripts = Files.createDirectories(root.resolve("pipelines/scripts"));
        Files.copy(SCRIPT, scripts.resolve("pulumi-drift.sh"));
        Files.writeString(root.resolve("pipelines/drift-ignore.yaml"), "ignore: []\n");
        calls = root.resolve("calls");
        // The login script is another helper's (managed identity); here it only says it was sourced.
        Files.writeString(scripts.resolve("pulumi-login.sh"), "echo \"login\" >> \"$CALLS\"\n");
        var bin = Files.createDirectories(root.resolve("bin"));
        executable(bin.resolve("pulumi"), """
                #!/usr/bin/env bash
                echo "pulumi $*" >> "$CALLS"
                if [[ "$1 $3" == "refresh qa" ]]; then echo "error: failed to load checkpoint" >&2; exit 255; fi
                echo '{"steps": []}'
                """);
        executable(bin.resolve("java"), """
                #!/usr/bin/env bash
                echo "java $*" >> "$CALLS"
                case "$3" in
                  stages) printf '%s\\n' $STAGES ;;
                  drift)
                    stage="$5"; outcome="${@: -1}"
                    case "$stage" in
                      dev) echo clean > "$outcome"; exit 0 ;;
                      qa) echo cannot-check > "$outcome"; exit 3 ;;
                      prod) printf 'drift\\nunapplied\\n' > "$outcome"; exit 1 ;;
                      broken) echo "platform-infra failed unexpectedly" >&2; exit 2 ;;
                    esac ;;
                esac
                """);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exitCode, String out) {
    }

    private Result run(String stages) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", "pipelines/scripts/pulumi-drift.sh", "development")
                .directory(root.toFile()).redirectErrorStream(true);
        process.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        process.environment().put("CALLS", calls.toString());
        process.environment().put("STAGES", stages);
        var started = process.start();
        var out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(started.exitValue(), out);
    }

    @Test
    void everyStageIsCheckedAndTheJobFailsWithOneLinePerOutcome() throws Exception {
        var result = run("dev qa prod");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).contains("clean: dev\n", "drift: prod\n", "unapplied: prod\n",
                "cannot-check: qa\n");
        var log = Files.readString(calls);
        assertThat(log).startsWith("login\njava -jar target/platform-infra.jar stages --environment-type"
                + " development\n");
        for (var stage : new String[] {"dev", "qa", "prod"}) {
            assertThat(log).contains("pulumi refresh --stack " + stage + " --preview-only --expect-no-changes"
                    + " --json\n", "pulumi preview --stack " + stage + " --refresh=false --expect-no-changes --json\n");
            assertThat(log).containsPattern("java -jar target/platform-infra.jar drift --stage " + stage
                    + " .*--ignore pipelines/scripts/../drift-ignore.yaml --outcome ");
        }
        assertThat(log).containsPattern("drift --stage qa --refresh \\S+ --refresh-exit 255 ")
                .containsPattern("drift --stage dev --refresh \\S+ --refresh-exit 0 ");
    }

    @Test
    void aRingWhoseStagesAreAllCleanPasses() throws Exception {
        var result = run("dev");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("clean: dev\n").doesNotContain("drift:");
    }

    @Test
    void aStageTheClassifierCouldNotJudgeIsCannotCheck() throws Exception {
        var result = run("broken dev");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).contains("code=drift-cannot-check]Stage broken cannot-check: the drift classifier"
                + " exited 2").contains("cannot-check: broken\n").contains("clean: dev\n");
    }
}
