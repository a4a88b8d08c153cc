package io.platforminfra.cli;

import io.platforminfra.report.PreviewFixtures;
import io.platforminfra.report.PullRequestComments;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report --post} against a local stand-in for Azure DevOps: one thread per pull request, opened by the first
 * run and updated by every later one, with the pipeline's token and never printing it.
 */
class ReportPostTest {
    private static final String DEV = PreviewFixtures.file("dev-updates.json").toString();
    private static final String PROD = PreviewFixtures.file("prod-replacements.json").toString();

    /** Threads of a pull request under review: a reviewer's comment and a system message, none of ours. */
    private static final String OTHER_THREADS = """
            [{"id": 5, "status": "active", "isDeleted": false,
              "comments": [{"id": 1, "parentCommentId": 0, "author": {"displayName": "Alice"},
                            "content": "Why does the node pool go?", "commentType": "text", "isDeleted": false}]},
             {"id": 6, "status": "active", "isDeleted": false,
              "comments": [{"id": 1, "parentCommentId": 0, "content": "Policy: build succeeded",
                            "commentType": "system", "isDeleted": false}]},
             {"id": 9, "status": "closed", "isDeleted": true,
              "comments": [{"id": 1, "parentCommentId": 0, "content": "<!-- platform-infra:preview-report -->\\nold",
                            "commentType": "text", "isDeleted": true}]}]""";

    @Test
    void theFirstRunOpensAThreadWithTheReport() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var run = CommandLineRun.inEnvironment(azureDevOps.pipelineEnvironment(),
                    "report", "--preview", DEV, "--preview", PROD, "--post");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            var requests = azureDevOps.requests();
            assertThat(requests).extracting(FakeAzureDevOps.Request::method).containsExactly("GET", "POST");
            assertThat(requests).allSatisfy(request -> {
                assertThat(request.path()).isEqualTo(FakeAzureDevOps.THREADS);
                assertThat(request.query()).isEqualTo("api-version=7.1");
                assertThat(request.authorization()).isEqualTo("Bearer " + FakeAzureDevOps.TOKEN);
            });
            var post = requests.get(1);
            assertThat(post.contentType()).startsWith("application/json");
            var thread = post.json();
            assertThat(thread.get("status").getAsInt()).isEqualTo(1);
            var comment = thread.getAsJsonArray("comments").get(0).getAsJsonObject();
            assertThat(comment.get("parentCommentId").getAsInt()).isZero();
            assertThat(comment.get("commentType").getAsInt()).isEqualTo(1);
            assertThat(comment.get("content").getAsString()).isEqualTo(PullRequestComments.MARKER + "\n" + run.out());
            assertThat(run.out()).contains("### Stage `dev`", "### Stage `prod`", "> **Warning:**");
            assertThat(run.err()).contains("Posted the preview comment on pull request 42");
        }
    }

    @Test
    void aLaterRunUpdatesItsOwnCommentInsteadOfAddingAnother() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads(OTHER_THREADS)) {
            var environment = azureDevOps.pipelineEnvironment();
            CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");

            var second = CommandLineRun.inEnvironment(environment, "report", "--preview", PROD, "--post");

            assertThat(second.exitCode()).as(second.toString()).isZero();
            var requests = azureDevOps.requests();
            assertThat(requests).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST", "GET", "PATCH");
            var thread = azureDevOps.threads().get(3).getAsJsonObject();
            var patch = requests.get(3);
            assertThat(patch.path()).isEqualTo(FakeAzureDevOps.THREADS + "/" + thread.get("id").getAsLong()
                    + "/comments/1");
            assertThat(patch.query()).isEqualTo("api-version=7.1");
            assertThat(patch.authorization()).isEqualTo("Bearer " + FakeAzureDevOps.TOKEN);
            assertThat(patch.json().keySet()).containsExactly("content");
            assertThat(patch.json().get("content").getAsString())
                    .isEqualTo(PullRequestComments.MARKER + "\n" + second.out());
            assertThat(azureDevOps.threads()).hasSize(4);
            assertThat(thread.getAsJsonArray("comments").get(0).getAsJsonObject().get("content").getAsString())
                    .contains("### Stage `prod`").doesNotContain("### Stage `dev`");
            assertThat(second.err()).contains("Updated the preview comment on pull request 42");
        }
    }

    @Test
    void threadsWithoutTheMarkerOrDeletedOnesAreLeftAlone() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads(OTHER_THREADS)) {
            var run = CommandLineRun.inEnvironment(azureDevOps.pipelineEnvironment(), "report", "--preview", DEV,
                    "--post");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST");
            var threads = azureDevOps.threads();
            assertThat(threads.get(0).getAsJsonObject().getAsJsonArray("comments").get(0).getAsJsonObject()
                    .get("content").getAsString()).isEqualTo("Why does the node pool go?");
            assertThat(threads.get(2).getAsJsonObject().getAsJsonArray("comments").get(0).getAsJsonObject()
                    .get("content").getAsString()).endsWith("old");
        }
    }

    @Test
    void aStageWithoutAPreviewIsStillPostedAsFailedSoNoEarlierCommentStandsAndItExitsTwo() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var run = CommandLineRun.inEnvironment(azureDevOps.pipelineEnvironment(),
                    "report", "--preview", DEV, "--stage", "dev,prod", "--post");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST");
            var content = azureDevOps.requests().get(1).json().getAsJsonArray("comments").get(0).getAsJsonObject()
                    .get("content").getAsString();
            assertThat(content).contains("> **Failed:** the preview of stage `prod` failed", "### Stage `dev`");
            assertThat(run.err()).contains("stage prod: no preview file", "Posted the preview comment");
        }
    }

    @Test
    void theProjectNameIsUsedWhenThereIsNoProjectIdAndEscapedInThePath() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var environment = new HashMap<>(azureDevOps.pipelineEnvironment());
            environment.remove("SYSTEM_TEAMPROJECTID");
            environment.put("SYSTEM_TEAMPROJECT", "Platform Team");

            CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");

            assertThat(azureDevOps.requests().get(0).path()).startsWith("/contoso/Platform%20Team/_apis/git/");
        }
    }

    @Test
    void aRefusedTokenExitsOneWithAClearMessageThatDoesNotContainTheToken() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.answering(401)) {
            var run = CommandLineRun.inEnvironment(azureDevOps.pipelineEnvironment(), "report", "--preview", DEV,
                    "--post");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.FAILED);
            assertThat(run.err()).contains("Could not post the preview comment on pull request 42", "HTTP 401",
                    "TF400813", "SYSTEM_ACCESSTOKEN");
            assertThat(run.out() + run.err()).doesNotContain(FakeAzureDevOps.TOKEN);
        }
    }

    @Test
    void aServerErrorExitsOne() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.answering(500)) {
            var run = CommandLineRun.inEnvironment(azureDevOps.pipelineEnvironment(), "report", "--preview", DEV,
                    "--post");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.FAILED);
            assertThat(run.err()).contains("HTTP 500").doesNotContain(FakeAzureDevOps.TOKEN);
        }
    }
}
