package io.platforminfra.policy;

import java.time.LocalDate;

/**
 * A stage's accepted exception to one rule for one resource, written in its stack file
 * ({@code platform-infra:waivers}) where reviewers see it, with a reason and an expiry date. An expired waiver
 * no longer waives anything and is itself a violation.
 *
 * @param rule     the rule's ID, such as {@code PI-ST-007}
 * @param resource the Pulumi name of the resource, such as {@code storage-st}
 * @param reason   why the exception is acceptable, and until what
 * @param expires  the last day the waiver applies
 */
public record Waiver(String rule, String resource, String reason, LocalDate expires) {

    /** Whether the waiver still applies on {@code today}. */
    public boolean activeOn(LocalDate today) {
        return !today.isAfter(expires);
    }
}
