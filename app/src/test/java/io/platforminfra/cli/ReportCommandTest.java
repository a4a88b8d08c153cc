package io.platforminfra.cli;

import io.platforminfra.report.PreviewFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report} from the command line: the comment for every stage, where it goes, and its exit codes.
 */
class ReportCommandTest {
    private static final String DEV = PreviewFixtures.file("dev-updates.json").toString();
    private static final String PROD = PreviewFixtures.file("prod-replacements.json").toString();

    @Test
    void theCommentForEveryStageGoesToStandardOutput() {
        var run = CommandLineRun.of("report", "--preview", DEV, "--preview", PROD);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("## Pulumi preview\n").contains("### Stage `dev`", "### Stage `prod`");
    }

    @Test
    void warningsInTheReportStillExitZero() {
        var run = CommandLineRun.of("report", "--preview", PROD);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("> **Warning:**");
    }

    @Test
    void withOutTheCommentIsWrittenToTheFileAndNothingIsPrinted(@TempDir Path directory) throws IOException {
        var file = directory.resolve("comment.md");

        var run = CommandLineRun.of("report", "--preview", DEV, "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(CommandLineRun.of("report", "--preview", DEV).out());
    }

    @Test
    void aMissingPreviewFileExitsTwoNamingIt(@TempDir Path directory) {
        var missing = directory.resolve("prod.json").toString();

        var run = CommandLineRun.of("report", "--preview", DEV, "--preview", missing);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains(missing + ": no such file").doesNotContain("Exception", "\tat ");
        // The comment is still written: the stage it could not read is failed, never left out or "No changes".
        assertThat(run.out()).contains("### Stage `dev`", "### Stage `prod`", "**Preview failed:** the preview file",
                "no such file", "> **Failed:** the preview of stage `prod` failed");
    }

    @Test
    void aFileThatIsNotPreviewJsonExitsTwoNamingIt(@TempDir Path directory) throws IOException {
        var log = Files.writeString(directory.resolve("dev.json"), "error: could not load plugin azure-native\n");

        var run = CommandLineRun.of("report", "--preview", log.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).startsWith(log + ": ");
    }

    @Test
    void aPreviewThatFailedIsReportedAsAFailedStageAndExitsZero() {
        var run = CommandLineRun.of("report", "--preview", PreviewFixtures.file("qa-failed.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("> **Failed:** the preview of stage `qa` failed",
                "**Preview failed:** pulumi preview reported 2 errors").doesNotContain("No changes");
    }

    @Test
    void anExpectedStageWithoutAPreviewIsAFailedStageAndExitsTwoNamingIt() {
        var run = CommandLineRun.of("report", "--preview", DEV, "--stage", "dev,qa", "--stage", "prod");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).isEqualTo("stage qa: no preview file (expected by --stage)\n"
                + "stage prod: no preview file (expected by --stage)\n");
        assertThat(run.out()).contains("### Stage `dev`", "### Stage `qa`", "### Stage `prod`",
                "> **Failed:** the preview of stages `qa`, `prod` failed");
    }

    @Test
    void withoutAnyPreviewItExitsTwoAndShowsUsage() {
        var run = CommandLineRun.of("report");

        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("--preview", "Usage: platform-infra report");
    }

    @Test
    void postingOutsideAPullRequestBuildExitsTwoNamingTheMissingVariables() {
        var run = CommandLineRun.inEnvironment(Map.of(), "report", "--preview", DEV, "--post");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("SYSTEM_COLLECTIONURI", "SYSTEM_PULLREQUEST_PULLREQUESTID",
                "SYSTEM_ACCESSTOKEN", "$(System.AccessToken)");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://dev.azure.com/contoso/", "HTTP://dev.azure.com/contoso/", "ftp://dev.azure.com/",
            "dev.azure.com/contoso", "https://", "https:///contoso/", "https://dev.azure.com/contoso/?x=1",
            "https://dev.azure.com/contoso/#top", "https://dev azure com/", "javascript:alert(1)", "file:///etc/passwd"})
    void aCollectionUrlThatIsNotAPlainHttpsUrlExitsTwoNamingTheVariable(String collection) {
        var run = CommandLineRun.inEnvironment(pipeline(collection), "report", "--preview", DEV, "--post");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("SYSTEM_COLLECTIONURI").doesNotContain("Exception", "\tat ", "token-value");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void credentialsInTheCollectionUrlAreRefusedAndNeverEchoed() {
        var run = CommandLineRun.inEnvironment(pipeline("https://build:hunter2-personal-access-token@dev.azure.com/contoso/"),
                "report", "--preview", DEV, "--post");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("SYSTEM_COLLECTIONURI", "(value: https://dev.azure.com/contoso/)")
                .doesNotContain("hunter2");
    }

    @Test
    void aPullRequestNumberThatIsNotANumberIsNamedEvenWithOtherProblems() {
        var environment = new HashMap<>(pipeline("http://dev.azure.com/contoso/"));
        environment.put("SYSTEM_PULLREQUEST_PULLREQUESTID", "42; rm -rf /");

        var run = CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");

        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("SYSTEM_COLLECTIONURI must be an https:// URL",
                "SYSTEM_PULLREQUEST_PULLREQUESTID is not a pull request number");
    }

    private static Map<String, String> pipeline(String collection) {
        return Map.of("SYSTEM_COLLECTIONURI", collection, "SYSTEM_TEAMPROJECTID", "p", "BUILD_REPOSITORY_ID", "r",
                "SYSTEM_PULLREQUEST_PULLREQUESTID", "42", "SYSTEM_ACCESSTOKEN", "token-value");
    }

    @Test
    void theHelpShowsHowThePipelineUsesIt() {
        var run = CommandLineRun.of("report", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--preview=<file.json>", "--stage=<stage>", "--out=<comment.md>", "--post",
                "report --preview dev.json --preview prod.json", "SYSTEM_ACCESSTOKEN", "Exit codes");
        assertThat(CommandLineRun.of("--help").out()).contains("report");
    }
}
