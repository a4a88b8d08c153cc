package io.platforminfra.cli;

import io.platforminfra.report.PreviewFixtures;
import io.platforminfra.report.PullRequestComments;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report --post} against a local stand-in for Azure DevOps (over TLS): one thread per pull request, opened by
 * the first run with this tool's thread property and updated by every later one, found on whichever page of the
 * thread list it is, with the pipeline's token sent only over https and never printed.
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
            var run = azureDevOps.postReport("--preview", DEV, "--preview", PROD);

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
            var property = thread.getAsJsonObject("properties").getAsJsonObject(PullRequestComments.THREAD_PROPERTY);
            assertThat(property.get("type").getAsString()).isEqualTo("System.String");
            assertThat(property.get("value").getAsString()).isEqualTo(PullRequestComments.THREAD_PROPERTY_VALUE);
            assertThat(run.out()).contains("### Stage `dev`", "### Stage `prod`", "> **Warning:**");
            assertThat(run.err()).contains("Posted the preview comment on pull request 42");
        }
    }

    @Test
    void aLaterRunUpdatesItsOwnCommentInsteadOfAddingAnother() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads(OTHER_THREADS)) {
            azureDevOps.postReport("--preview", DEV);

            var second = azureDevOps.postReport("--preview", PROD);

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
            assertThat(FakeAzureDevOps.firstComment(thread))
                    .contains("### Stage `prod`").doesNotContain("### Stage `dev`");
            assertThat(second.err()).contains("Updated the preview comment on pull request 42");
        }
    }

    @Test
    void threadsWithoutTheMarkerOrDeletedOnesAreLeftAlone() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads(OTHER_THREADS)) {
            var run = azureDevOps.postReport("--preview", DEV);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST");
            var threads = azureDevOps.threads();
            assertThat(FakeAzureDevOps.firstComment(threads.get(0))).isEqualTo("Why does the node pool go?");
            assertThat(FakeAzureDevOps.firstComment(threads.get(2))).endsWith("old");
        }
    }

    @Test
    void aStageWithoutAPreviewIsStillPostedAsFailedSoNoEarlierCommentStandsAndItExitsTwo() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var run = azureDevOps.postReport("--preview", DEV, "--stage", "dev,prod");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST");
            var content = FakeAzureDevOps.firstComment(azureDevOps.requests().get(1).json());
            assertThat(content).contains("> **Failed:** the preview of stage `prod` failed", "### Stage `dev`");
            assertThat(run.err()).contains("stage prod: no preview file", "Posted the preview comment");
        }
    }

    @Test
    void aCommentWithTheMarkerInAThreadThisToolDidNotOpenIsNeverTakenForItsOwn() throws IOException {
        // Someone copied the hidden marker into a comment of their own: without the thread property it is not ours.
        var copied = """
                [{"id": 7, "status": "active", "isDeleted": false,
                  "comments": [{"id": 1, "parentCommentId": 0, "author": {"displayName": "Mallory", "id": "m-1"},
                                "content": "<!-- platform-infra:preview-report -->\\n## Pulumi preview\\n**No changes.**",
                                "commentType": "text", "isDeleted": false}]},
                 {"id": 8, "status": "active", "isDeleted": false,
                  "properties": {"platform-infra.previewReport": {"$type": "System.String", "$value": "someone else"}},
                  "comments": [{"id": 1, "parentCommentId": 0, "author": {"displayName": "Mallory", "id": "m-1"},
                                "content": "<!-- platform-infra:preview-report -->\\nfake", "isDeleted": false}]}]""";
        try (var azureDevOps = FakeAzureDevOps.withThreads(copied)) {
            var run = azureDevOps.postReport("--preview", DEV);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST");
            assertThat(FakeAzureDevOps.firstComment(azureDevOps.threads().get(0))).endsWith("**No changes.**");
        }
    }

    @Test
    void itsOwnThreadOnALaterPageIsFoundByFollowingTheContinuationToken() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads(OTHER_THREADS).pagesOf(2)) {
            azureDevOps.postReport("--preview", DEV);

            var second = azureDevOps.postReport("--preview", PROD);

            assertThat(second.exitCode()).as(second.toString()).isZero();
            var requests = azureDevOps.requests();
            // First run: pages [5, 6] and [9], then a new thread (the fourth). Second run: pages up to the fourth.
            assertThat(requests).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "GET", "POST", "GET", "GET", "PATCH");
            assertThat(requests).extracting(request -> request.parameters().get("continuationToken"))
                    .containsExactly(null, "2", null, null, "2", null);
            assertThat(requests).allSatisfy(request -> assertThat(request.parameters())
                    .containsEntry("api-version", "7.1"));
            assertThat(requests.get(5).path()).isEqualTo(FakeAzureDevOps.THREADS + "/103/comments/1");
            assertThat(azureDevOps.threads()).hasSize(4);
        }
    }

    @Test
    void aServerThatNeverStopsPagingIsAPostingFailureNotALoop() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads(OTHER_THREADS).pagesOf(1).endlessPages()) {
            var run = azureDevOps.postReport("--preview", DEV);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.FAILED);
            assertThat(run.err()).contains("kept answering with another page", "continuation token repeated")
                    .doesNotContain("Exception", "\tat ", FakeAzureDevOps.TOKEN);
            assertThat(azureDevOps.requests()).hasSize(2);
        }
    }

    @Test
    void threadsAndCommentsWithMalformedIdsAreSkippedNotFatal() throws IOException {
        var ours = """
                "properties": {"platform-infra.previewReport": {"$type": "System.String", "$value": "1"}},
                "comments": [{"id": 1, "parentCommentId": 0, "isDeleted": false,
                              "content": "<!-- platform-infra:preview-report -->\\nold"}]""";
        var threads = "[" + String.join(",\n",
                "{\"id\": \"abc\", " + ours + "}",
                "{\"id\": 1.5, " + ours + "}",
                "{\"id\": -3, " + ours + "}",
                "{\"id\": \"../../../_apis/projects\", " + ours + "}",
                "{\"id\": 99999999999999999999999, " + ours + "}",
                "{\"id\": {\"nested\": 1}, " + ours + "}",
                "{\"id\": null, " + ours + "}",
                "{\"id\": true, " + ours + "}",
                "{" + ours + "}",
                "{\"id\": 11, \"isDeleted\": \"maybe\", \"properties\": [1], \"comments\": {\"id\": 1}}",
                "{\"id\": 12, \"properties\": {\"platform-infra.previewReport\": {\"$value\": \"1\"}},"
                        + " \"comments\": [{\"id\": \"x\", \"content\": \"<!-- platform-infra:preview-report -->\"},"
                        + " 5, null]}",
                "17",
                "{\"id\": 7, \"isDeleted\": false, " + ours + "}") + "]";
        try (var azureDevOps = FakeAzureDevOps.withThreads(threads)) {
            var run = azureDevOps.postReport("--preview", DEV);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "PATCH");
            assertThat(azureDevOps.requests().get(1).path()).isEqualTo(FakeAzureDevOps.THREADS + "/7/comments/1");
        }
    }

    @Test
    void aCollectionUrlThatIsNotHttpsIsRefusedBeforeTheTokenIsSentAnywhere() throws IOException {
        var received = new AtomicInteger();
        var plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        plain.start();
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var environment = new HashMap<>(azureDevOps.pipelineEnvironment());
            environment.put("SYSTEM_COLLECTIONURI", "http://127.0.0.1:" + plain.getAddress().getPort() + "/contoso/");

            var run = CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err()).contains("SYSTEM_COLLECTIONURI must be an https:// URL", "http://127.0.0.1:")
                    .doesNotContain(FakeAzureDevOps.TOKEN, "Exception");
            assertThat(run.out()).isEmpty();
            assertThat(received).hasValue(0);
            assertThat(azureDevOps.requests()).isEmpty();
        } finally {
            plain.stop(0);
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
            var run = azureDevOps.postReport("--preview", DEV);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.FAILED);
            assertThat(run.err()).contains("Could not post the preview comment on pull request 42", "HTTP 401",
                    "TF400813", "SYSTEM_ACCESSTOKEN");
            assertThat(run.out() + run.err()).doesNotContain(FakeAzureDevOps.TOKEN);
        }
    }

    @Test
    void aServerErrorExitsOne() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.answering(500)) {
            var run = azureDevOps.postReport("--preview", DEV);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.FAILED);
            assertThat(run.err()).contains("HTTP 500").doesNotContain(FakeAzureDevOps.TOKEN);
        }
    }
}
