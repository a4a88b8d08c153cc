package io.platforminfra.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A failed preview is never "No changes": errors pulumi preview reported, a preview without steps, a file that is
 * missing or not preview JSON and a stage expected without a file all show as a failed stage; errors and warnings
 * are shown as text nothing in the comment interprets.
 */
class PreviewFailureTest {
    @TempDir
    Path directory;

    /** What the report of a preview pulumi preview reported errors in (qa-failed.json) shows, and what it leaves out. */
    static Stream<Arguments> failedWithErrors() {
        return Stream.of(
                arguments("errors make the stage failed and what was found before is marked incomplete",
                        List.of("### Stage `qa`",
                                "**Preview failed:** pulumi preview reported 2 errors. Found before it failed"
                                        + " (incomplete): 2 to create",
                                "> **Failed:** the preview of stage `qa` failed."),
                        List.of("No changes", "**2 to create**")),
                arguments("errors are shown with the resource they are about and the program's output is not",
                        List.of("**Errors from pulumi preview** (2)",
                                "`cluster-aks` (`azure-native:containerservice:ManagedCluster`):\n````text\nerror:"
                                        + " azure-native:containerservice:ManagedCluster resource 'cluster-aks'",
                                "failed with an unhandled exception:\nio.platforminfra.config.StackFileException"),
                        List.of("App.java:41", "debug output", "+ 2 to create")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedWithErrors")
    void aPreviewWithErrors(String behaviour, List<String> shown, List<String> leftOut) {
        var report = PreviewFixtures.report("qa-failed.json");

        assertThat(report).contains(shown.toArray(String[]::new)).doesNotContain(leftOut.toArray(String[]::new));
    }

    @Test
    void aMessageCannotEndItsBlockOrBeReadAsMarkdownOrHtml() {
        var report = PreviewFixtures.report("qa-failed.json");
        var lines = report.lines().toList();
        var open = lines.indexOf("````text");

        assertThat(open).isPositive();
        // The message holds ``` itself: the fence is longer, so the block ends only at its own closing line.
        assertThat(lines.subList(open + 1, lines.size())).contains("```", "````");
        assertThat(lines.get(lines.subList(open + 1, lines.size()).indexOf("````") + open + 1 - 1))
                .isEqualTo("``` # heading? **no**");
    }

    @Test
    void warningsAreShownForEveryStage() {
        var report = PreviewFixtures.report("qa-failed.json");

        assertThat(report).contains("**Warnings from pulumi preview** (1)", "```text\nwarning: Pulumi.qa.yaml:"
                + " platform-infra:cluster.kubernetesVersion 1.35 leaves standard support on 2027-03-31 (| see"
                + " `check --versions` | <b>not bold</b>)\n```");
    }

    @Test
    void aWarningOnASuccessfulStageIsShownWithoutFailingIt() throws IOException {
        var file = Files.writeString(directory.resolve("dev.json"), """
                {"steps": [{"op": "same", "urn": "urn:pulumi:dev::platform-infra::pulumi:pulumi:Stack::platform-infra-dev"}],
                 "diagnostics": [{"urn": "urn:pulumi:dev::platform-infra::pulumi:pulumi:Stack::platform-infra-dev",
                                  "message": "warning: provider default_2_10_0 is deprecated\\n", "severity": "warning"}]}""");

        var report = PreviewReport.markdown(List.of(PreviewReader.read(file)));

        assertThat(report).contains("**No changes.**", "**Warnings from pulumi preview** (1)",
                "```text\nwarning: provider default_2_10_0 is deprecated\n```").doesNotContain("Failed", "failed");
    }

    @Test
    void aPreviewThatFailedBeforeTheProgramRegisteredAnythingIsAFailedStageNamedByItsErrors() throws IOException {
        // What the CLI prints when the program fails at once: "steps" is omitempty, so there is none.
        var file = Files.writeString(directory.resolve("preview-x.json"), """
                {"config": {"azure-native:location": "westeurope"},
                 "diagnostics": [{"urn": "urn:pulumi:staging::platform-infra::pulumi:pulumi:Stack::platform-infra-staging",
                                  "message": "error: an unhandled error occurred: program exited with non-zero exit code: 1\\n",
                                  "severity": "error"}],
                 "duration": 1312000000}""");

        var preview = PreviewReader.read(file);
        var report = PreviewReport.markdown(List.of(preview));

        assertThat(preview.stage()).isEqualTo("staging");
        assertThat(report).contains("### Stage `staging`", "**Preview failed:** the preview lists no resources",
                "program exited with non-zero exit code: 1").doesNotContain("No changes");
    }

    @Test
    void anEmptyDigestWithoutErrorsIsStillAFailureNotNoChanges() throws IOException {
        var file = Files.writeString(directory.resolve("preview-dev.json"), "{\"duration\": 1000}");

        var report = PreviewReport.markdown(List.of(PreviewReader.read(file)));

        assertThat(report).contains("### Stage `dev`", "**Preview failed:** the preview lists no resources")
                .doesNotContain("No changes");
    }

    @Test
    void expectedStagesWithoutAPreviewAndUnusableFilesAreFailedStagesAndProblems() throws IOException {
        var notJson = Files.writeString(directory.resolve("preview-test.json"), "error: could not load plugin\n");
        var missing = directory.resolve("preview-prod.json");

        var previews = PreviewReader.readAll(List.of(PreviewFixtures.file("dev-updates.json"), notJson, missing),
                List.of("prod", "qa", "dev", "test"));

        assertThat(previews.stages()).extracting(Preview::stage).containsExactly("prod", "qa", "dev", "test");
        assertThat(previews.failed()).extracting(Preview::stage).containsExactly("prod", "qa", "test");
        assertThat(previews.problems()).containsExactly(notJson + ": not valid JSON (" + problem(previews, "test"),
                missing + ": no such file", "stage qa: no preview file (expected by --stage)");
        var report = PreviewReport.markdown(previews);
        assertThat(report).contains("> **Failed:** the preview of stages `prod`, `qa`, `test` failed.",
                "**Preview failed:** there is no preview of this stage", "**5 to update**");
        assertThat(Arrays.stream(report.split("\n")).filter(line -> line.startsWith("### Stage"))).containsExactly(
                "### Stage `prod`", "### Stage `qa`", "### Stage `dev`", "### Stage `test`");
    }

    @Test
    void aFileTooDeeplyNestedIsRefusedNotAStackOverflow() throws IOException {
        var deep = "[".repeat(100_000) + "]".repeat(100_000);
        var shallowEnough = Files.writeString(directory.resolve("preview-a.json"),
                "{\"steps\": [], \"x\": " + "[".repeat(70) + "]".repeat(70) + "}");
        var tooDeep = Files.writeString(directory.resolve("preview-b.json"), "{\"steps\": " + deep + "}");

        var previews = PreviewReader.readAll(List.of(shallowEnough, tooDeep), List.of());

        assertThat(previews.problems()).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .containsAnyOf("nested deeper than 64 levels", "not valid JSON"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedSayingSo() throws IOException {
        var utf16 = Files.write(directory.resolve("preview-dev.json"),
                "{\"steps\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_16));

        var previews = PreviewReader.readAll(List.of(utf16), List.of());

        assertThat(previews.problems()).containsExactly(utf16 + ": not UTF-8 text (pulumi preview --json writes UTF-8"
                + " JSON)");
        assertThat(previews.stages()).extracting(Preview::stage).containsExactly("dev");
    }

    @Test
    void aUtf8ByteOrderMarkAsWindowsToolsWriteItIsAccepted() throws IOException {
        var json = Files.readAllBytes(PreviewFixtures.file("dev-updates.json"));
        var withMark = new byte[json.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withMark, 3, json.length);
        var file = Files.write(directory.resolve("preview-dev.json"), withMark);

        assertThat(PreviewReport.markdown(List.of(PreviewReader.read(file)))).contains("**5 to update**");
    }

    private static String problem(Previews previews, String stage) {
        var failure = previews.stages().stream().filter(p -> p.stage().equals(stage)).findFirst().orElseThrow()
                .failure().orElseThrow();
        return failure.substring(failure.indexOf("not valid JSON (") + "not valid JSON (".length());
    }
}
