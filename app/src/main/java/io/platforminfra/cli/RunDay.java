package io.platforminfra.cli;

import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The day an offline command judges a stage on ({@code --as-of}), shared by {@code plan} and {@code check}: which
 * Kubernetes and PostgreSQL versions Azure still supports, which waivers still apply. Default: today (UTC), from the
 * clock the command line was started with, so tests pass a fixed one.
 */
public final class RunDay {
    private final Clock clock;

    @Option(names = "--as-of", paramLabel = "<YYYY-MM-DD>",
            description = "Judge the stage as of this day (default: today, UTC): Azure's version support and waiver"
                    + " expiry, for example on the planned release day.")
    private LocalDate asOf;

    /** Today by {@code clock}, unless {@code --as-of} names another day. */
    RunDay(Clock clock) {
        this.clock = clock;
    }

    /** The clock the command line was started with: when a run happened, never which day it judges. */
    Clock clock() {
        return clock;
    }

    /** The day given, or today. */
    LocalDate date() {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
