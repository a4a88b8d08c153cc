package io.platforminfra.policy;

import java.util.Optional;

/**
 * A finding of a rule in one stage, with what it means there.
 *
 * @param rule      the rule that found it
 * @param finding   the resource and what is wrong
 * @param mandatory whether the rule is mandatory in this stage
 * @param waiver    the active waiver that accepts it, if any
 */
public record Violation(Rule rule, Finding finding, boolean mandatory, Optional<Waiver> waiver) {

    /** Whether it fails the gate: mandatory and not waived. */
    public boolean failsTheGate() {
        return mandatory && waiver.isEmpty();
    }
}
