package io.platforminfra.cli;

import io.platforminfra.report.PreviewFixtures;
import io.platforminfra.report.Retry;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report --post} sends a request again after HTTP 429 or a 5xx, waiting as the server's {@code Retry-After}
 * says or backing off, with bounded attempts and total wait. The wait is recorded here, never slept.
 */
class ReportRetryTest {
    private static final String DEV = PreviewFixtures.file("dev-updates.json").toString();

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Test
    void a429WithRetryAfterIsWaitedOutAndTheCommentIsPosted() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]").failingFirst(1, 429, "7")) {
            var run = post(azureDevOps);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(waits).containsExactly(Duration.ofSeconds(7));
            assertThat(azureDevOps.requests()).extracting(FakeAzureDevOps.Request::method)
                    .containsExactly("GET", "GET", "POST");
            assertThat(azureDevOps.threads()).hasSize(1);
        }
    }

    @Test
    void serverErrorsWithoutRetryAfterBackOffDoublingTheWait() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]").failingFirst(3, 503, null)) {
            var run = post(azureDevOps);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(azureDevOps.threads()).hasSize(1);
        }
    }

    @Test
    void attemptsAreBoundedAndTheFailureNamesTheStatus() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]").failingFirst(100, 500, null)) {
            var run = post(azureDevOps);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.FAILED);
            assertThat(azureDevOps.requests()).hasSize(5);
            assertThat(waits).hasSize(4);
            assertThat(run.err()).contains("HTTP 500", "5 times").doesNotContain(FakeAzureDevOps.TOKEN);
        }
    }

    @Test
    void aRetryAfterBeyondTheTotalWaitEndsTheRetriesAtOnce() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.withThreads("[]").failingFirst(1, 429, "3600")) {
            var run = post(azureDevOps);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.FAILED);
            assertThat(waits).isEmpty();
            assertThat(azureDevOps.requests()).hasSize(1);
            assertThat(run.err()).contains("HTTP 429", "3600 s");
        }
    }

    @Test
    void aRefusedTokenIsNotRetried() throws IOException {
        try (var azureDevOps = FakeAzureDevOps.answering(401)) {
            var run = post(azureDevOps);

            assertThat(run.exitCode()).isEqualTo(Main.FAILED);
            assertThat(azureDevOps.requests()).hasSize(1);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void retryAfterAsAnHttpDateIsReadAgainstTheClock() {
        var retry = new Retry(5, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2), waits::add,
                TestDates.CLOCK);
        var in90Seconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(TestDates.CLOCK.instant().plusSeconds(90).atZone(java.time.ZoneOffset.UTC));

        assertThat(Retry.retryable(429)).isTrue();
        assertThat(Retry.retryable(404)).isFalse();
        assertThat(retry).extracting(r -> r.attempts()).isEqualTo(5);
        assertThat(retry.before(2, java.util.Optional.of(in90Seconds))).isEqualTo(Duration.ofSeconds(90));
        assertThat(retry.before(9, java.util.Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    }

    private CommandLineRun post(FakeAzureDevOps azureDevOps) {
        var out = new StringWriter();
        var err = new StringWriter();
        var exitCode = Main.run(new String[] {"report", "--preview", DEV, "--post"}, new PrintWriter(out),
                new PrintWriter(err), azureDevOps.pipelineEnvironment(), TestDates.CLOCK, waits::add);
        return new CommandLineRun(exitCode, out.toString(), err.toString());
    }
}
