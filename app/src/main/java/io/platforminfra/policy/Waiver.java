package io.platforminfra.policy;

import java.time.LocalDate;

/**
 * A stage's accepted exception to one rule for one resource, written in its stack file
 * ({@code platform-infra:waivers}) where reviewers see it, with a reason and an expiry date. An expired waiver
 * no longer waives anything and is itself a violation ({@code PI-POL-001}, which cannot be waived). The stack file
 * reader refuses an expiry more than {@link #MAXIMUM_DAYS} days after the run's day and a reason that is not one
 * line of printable text; the gate refuses a waiver of a resource the stage does not have.
 *
 * @param rule     the rule's ID, such as {@code PI-ST-007}
 * @param resource the Pulumi name of the resource, such as {@code storage-st}
 * @param reason   why the exception is acceptable, and until what
 * @param expires  the last day the waiver applies
 */
public record Waiver(String rule, String resource, String reason, LocalDate expires) {
    /**
     * The furthest a waiver may expire after the day of the run: 180 days. An exception is accepted for a while, not
     * for good: six months is long enough for a planned migration (two quarterly planning rounds) and short enough
     * that every waiver comes back to review at least twice a year. A waiver that must last longer is renewed in a
     * reviewed change, with a reason that still holds then.
     */
    public static final int MAXIMUM_DAYS = 180;

    /** Whether the waiver still applies on {@code today}. */
    public boolean activeOn(LocalDate today) {
        return !today.isAfter(expires);
    }
}
