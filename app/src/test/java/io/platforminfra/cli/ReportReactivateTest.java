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
    /** The thread keeps the status the first post gave it. */
    private static final String ACTIVE = null;

    /**
     * Posts the dev preview (the comment's thread is {@value #THREAD}), sets that thread's status the way a reviewer
     * would (none for {@link #ACTIVE}), then posts {@code preview}: the second run is the one under test.
     */
    private static CommandLineRun postDevThen(FakeAzureDevOps azureDevOps, String status, String preview) {
        azureDevOps.postReport("--preview", DEV);
        if (status != null) {
            azureDevOps.setStatus(THREAD, status);
        }
        return azureDevOps.postReport("--preview", preview);
    }

    @Test
    void aResolvedThreadIsReactivatedWhenThePreviewChanges() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var changed = postDevThen(azureDevOps, "fixed", PROD);

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
            assertThat(FakeAzureDevOps.firstComment(thread))
                    .contains("### Stage `prod`");
            assertThat(changed.err()).contains("re-activated");
        }
    }

    @Test
    void anIdenticalReRunLeavesAResolvedThreadResolvedAndTheCommentAsItWas() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            var again = postDevThen(azureDevOps, "fixed", DEV);

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
            var changed = postDevThen(azureDevOps, ACTIVE, PROD);

            assertThat(changed.exitCode()).as(changed.toString()).isZero();
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::path)
                    .noneMatch(path -> path.equals(FakeAzureDevOps.THREADS + "/100"));
            assertThat(changed.err()).contains("Updated the preview comment on");
        }
    }

    @Test
    void aPendingThreadIsNotTakenForResolved() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]")) {
            postDevThen(azureDevOps, "pending", PROD);

            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "POST", "GET", "PATCH");
        }
    }
}
