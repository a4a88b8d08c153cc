package io.platforminfra.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The fixed day every test runs on: tests never read the clock, so a version leaving Azure's support or a waiver
 * expiring cannot turn the build red on its own. Tests that are about a date name their own.
 */
public final class TestDates {
    /** The day the tests are judged on. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 12, 2);
    /** A clock that always reads {@link #AS_OF}, for the command line's default day. */
    public static final Clock CLOCK = Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private TestDates() {
    }
}
