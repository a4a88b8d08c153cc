package io.platforminfra.cli;

import com.google.gson.Gson;
import io.platforminfra.report.PreviewReport;
import io.platforminfra.report.PullRequestComments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Azure DevOps refuses a comment longer than 150,000 characters, so a large preview is cut for the pull request:
 * the summary stays whole, the details are cut, and the comment says where the full report is (the {@code --out}
 * file, which the pipeline publishes as the {@code preview-report} artifact).
 */
class ReportCutTest {
    private static final int RESOURCES = 400;
    private static final int REPLACED_ACCOUNTS = 5;

    @TempDir
    Path directory;

    @Test
    void aPreviewOf400ChangedResourcesYieldsACommentOfAtMost150000CharactersThatSaysItWasCut() throws IOException {
        var preview = writePreview("dev", RESOURCES);
        var full = directory.resolve("preview-report.md");
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var run = azureDevOps.postReport("--preview", preview.toString(), "--stage", "dev,prod",
                    "--out", full.toString());

            var posted = FakeAzureDevOps.firstComment(azureDevOps.requests().get(1).json());
            assertThat(posted.length()).isLessThanOrEqualTo(150_000);
            assertThat(posted.strip()).endsWith("cut: full report in the `preview-report` artifact");
            // The summary survives the cut: counts, the failed stage and every data-loss warning.
            assertThat(posted).contains("### Stage `dev`", "**" + (RESOURCES - REPLACED_ACCOUNTS) + " to update, "
                            + REPLACED_ACCOUNTS + " to replace**", "> **Failed:** the preview of stage `prod` failed",
                    "### Stage `prod`", "> **Warning:** " + REPLACED_ACCOUNTS + " resources need a careful look");
            for (var i = 0; i < REPLACED_ACCOUNTS; i++) {
                assertThat(posted).contains("> - **replace** `data" + i + "-st`");
            }
            // Details start after the summary, and only as many as fit are kept.
            assertThat(posted.indexOf("### Details of stage `dev`")).isGreaterThan(posted.indexOf("### Stage `prod`"));
            assertThat(posted).contains("| ~ update |").doesNotContain("`nsg-" + (RESOURCES - 1) + "`");
            // The --out file, published as the artifact, is the whole report.
            var written = Files.readString(full);
            assertThat(written.length()).isGreaterThan(150_000);
            assertThat(written).doesNotContain("cut: full report").contains("`nsg-" + (RESOURCES - 1) + "`");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.BAD_INPUT);
        }
    }

    @Test
    void theCommentNamesTheArtifactThePipelineGives() throws IOException {
        var preview = writePreview("dev", RESOURCES);
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var run = azureDevOps.postReport("--preview", preview.toString(), "--artifact", "preview-report-attempt2",
                    "--out", directory.resolve("full.md").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            var posted = FakeAzureDevOps.firstComment(azureDevOps.requests().get(1).json());
            assertThat(posted.length()).isLessThanOrEqualTo(PullRequestComments.MAX_CONTENT);
            assertThat(posted.strip()).endsWith(PreviewReport.cutNotice("preview-report-attempt2"));
        }
    }

    @Test
    void aCommentThatFitsIsPostedWholeWithoutTheCutNotice() throws IOException {
        var preview = writePreview("dev", 20);
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var run = azureDevOps.postReport("--preview", preview.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            var posted = FakeAzureDevOps.firstComment(azureDevOps.requests().get(1).json());
            assertThat(posted).isEqualTo(PullRequestComments.MARKER + "\n" + run.out()).doesNotContain("cut:");
        }
    }

    /** A preview of {@code count} changed resources, each with ten changed tags; five are storage accounts replaced. */
    private Path writePreview(String stage, int count) throws IOException {
        var steps = new ArrayList<Map<String, Object>>();
        for (var i = 0; i < count; i++) {
            var replaced = i < REPLACED_ACCOUNTS;
            var type = replaced ? "azure-native:storage:StorageAccount" : "azure-native:network:NetworkSecurityGroup";
            var name = replaced ? "data" + i + "-st" : "nsg-" + i;
            var urn = "urn:pulumi:" + stage + "::platform-infra::" + type + "::" + name;
            var before = new LinkedHashMap<String, Object>();
            var after = new LinkedHashMap<String, Object>();
            var diff = new LinkedHashMap<String, Object>();
            for (var tag = 0; tag < 10; tag++) {
                before.put("tag" + tag, "cost-center-CC-4711-" + stage + "-before-" + i + "-" + tag);
                after.put("tag" + tag, "cost-center-CC-4711-" + stage + "-after-" + i + "-" + tag);
                diff.put("tags.tag" + tag, Map.of("kind", replaced && tag == 0 ? "update-replace" : "update",
                        "inputDiff", true));
            }
            steps.add(Map.of("op", replaced ? "replace" : "update", "urn", urn,
                    "oldState", Map.of("urn", urn, "custom", true, "type", type, "inputs", Map.of("tags", before)),
                    "newState", Map.of("urn", urn, "custom", true, "type", type, "inputs", Map.of("tags", after)),
                    "diffReasons", List.of("tags"), "detailedDiff", diff));
        }
        var file = directory.resolve("preview-" + stage + ".json");
        Files.writeString(file, new Gson().toJson(Map.of("steps", steps)));
        return file;
    }
}
