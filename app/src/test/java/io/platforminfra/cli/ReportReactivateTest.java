package io.platforminfra.cli;

import io.platforminfra.report.PreviewFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resolved preview thread is made active again when the preview changes, so the branch policy "Check for comment
 * resolution" holds the merge until someone has looked at the new preview; an identical re-run leaves it resolved
 * and changes nothing.
 */
class ReportReactivateTest {
    private static final String DEV = PreviewFixtures.file("dev-updates.json").toString();
    private static final String PROD = PreviewFixtures.file("prod-replacements.json").toString();
    private static final long THREAD = 100;

    @Test
    void aResolvedThreadIsReactivatedWhenThePreviewChanges() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var environment = azureDevOps.pipelineEnvironment();
            CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");
            azureDevOps.setStatus(THREAD, "fixed");

            var changed = CommandLineRun.inEnvironment(environment, "report", "--preview", PROD, "--post");

            assertThat(changed.exitCode()).as(changed.toString()).isZero();
            var requests = azureDevOps.requests();
            assertThat(requests).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST", "GET", "PATCH", "PATCH");
            assertThat(requests.get(3).path()).isEqualTo(FakeAzureDevOps.THREADS + "/100/comments/1");
            var reactivate = requests.get(4);
            assertThat(reactivate.path()).isEqualTo(FakeAzureDevOps.THREADS + "/100");
            assertThat(reactivate.query()).isEqualTo("api-version=7.1");
            assertThat(reactivate.json().get("status").getAsInt()).isEqualTo(1);
            assertThat(reactivate.json().keySet()).containsExactly("status");
            var thread = azureDevOps.threads().get(0).getAsJsonObject();
            assertThat(thread.get("status").getAsInt()).isEqualTo(1);
            assertThat(thread.getAsJsonArray("comments").get(0).getAsJsonObject().get("content").getAsString())
                    .contains("### Stage `prod`");
            assertThat(changed.err()).contains("re-activated");
        }
    }

    @Test
    void anIdenticalReRunLeavesAResolvedThreadResolvedAndTheCommentAsItWas() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var environment = azureDevOps.pipelineEnvironment();
            CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");
            azureDevOps.setStatus(THREAD, "fixed");

            var again = CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");

            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST", "GET");
            assertThat(azureDevOps.threads().get(0).getAsJsonObject().get("status").getAsString()).isEqualTo("fixed");
            assertThat(again.err()).contains("unchanged");
        }
    }

    @Test
    void anActiveThreadIsOnlyUpdatedNotPatchedAgain() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var environment = azureDevOps.pipelineEnvironment();
            CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");

            var changed = CommandLineRun.inEnvironment(environment, "report", "--preview", PROD, "--post");

            assertThat(changed.exitCode()).as(changed.toString()).isZero();
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::path)
                    .noneMatch(path -> path.equals(FakeAzureDevOps.THREADS + "/100"));
            assertThat(changed.err()).contains("Updated the preview comment on");
        }
    }

    @Test
    void aPendingThreadIsNotTakenForResolved() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var environment = azureDevOps.pipelineEnvironment();
            CommandLineRun.inEnvironment(environment, "report", "--preview", DEV, "--post");
            azureDevOps.setStatus(THREAD, "pending");

            CommandLineRun.inEnvironment(environment, "report", "--preview", PROD, "--post");

            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST", "GET", "PATCH");
        }
    }
}
