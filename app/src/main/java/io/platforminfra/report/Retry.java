package io.platforminfra.report;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to send a request to Azure DevOps again: after HTTP 429 (too many requests) or a 5xx (the service is busy or
 * failing for a moment), at most {@code attempts} times in all and waiting at most {@code totalWait} together.
 * Azure DevOps answers a throttled request with 429 and a {@code Retry-After} header, to be honoured before the next
 * request (learn.microsoft.com, azure/devops/integrate/concepts/rate-limits, "Rate and usage limits"); without one,
 * the wait doubles from {@code firstWait} up to {@code maxWait}. A {@code Retry-After} beyond what is left of
 * {@code totalWait} ends the retries at once instead of blocking the job.
 *
 * @param attempts  requests in all, the first one included (at least 1)
 * @param firstWait the wait before the second request when the server names none
 * @param maxWait   the longest single wait chosen by backoff
 * @param totalWait the most time spent waiting, over all retries
 * @param waiter    how to wait: {@link #SLEEP} in production, a recorder in tests (which never sleep)
 * @param clock     now, to read a {@code Retry-After} given as an HTTP date
 */
public record Retry(int attempts, Duration firstWait, Duration maxWait, Duration totalWait, Wait waiter, Clock clock) {
    /** Waits for a while. */
    @FunctionalInterface
    public interface Wait {
        /** Returns after {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Sleeps the thread. */
    public static final Wait SLEEP = duration -> Thread.sleep(duration.toMillis());

    /** Five requests in all, waits of 2, 4, 8 and 16 seconds (or what the server says), at most 2 minutes in all. */
    public static Retry standard(Wait waiter) {
        return new Retry(5, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2), waiter,
                Clock.systemUTC());
    }

    /** Whether an answer with {@code status} may succeed when sent again. */
    public static boolean retryable(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * How long to wait before request number {@code next} (2 for the first retry), given the server's
     * {@code Retry-After} value, if any.
     */
    public Duration before(int next, Optional<String> retryAfter) {
        var asked = retryAfter.flatMap(this::parse);
        if (asked.isPresent()) {
            return asked.get();
        }
        var doubled = firstWait.multipliedBy(1L << Math.min(Math.max(next - 2, 0), 20));
        return doubled.compareTo(maxWait) > 0 ? maxWait : doubled;
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110, section 10.2.3); never negative. */
    private Optional<Duration> parse(String value) {
        var text = value.trim();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            var at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            var delay = Duration.between(clock.instant(), at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
