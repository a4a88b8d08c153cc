package io.platforminfra.policy;

import java.util.List;

/**
 * The gate's verdict on one stage: every violation (failing, waived and advisory) and the stage's waivers.
 *
 * @param target     the stage and its resources
 * @param violations every finding of every rule, in rule order
 * @param waivers    the stage's waivers, active or not
 */
public record StageVerdict(PolicyTarget target, List<Violation> violations, List<Waiver> waivers) {

    /** Copies the lists. */
    public StageVerdict {
        violations = List.copyOf(violations);
        waivers = List.copyOf(waivers);
    }

    /** The violations that fail the gate. */
    public List<Violation> failing() {
        return violations.stream().filter(Violation::failsTheGate).toList();
    }

    /** Whether the stage passes: no mandatory violation that is not waived. */
    public boolean passes() {
        return failing().isEmpty();
    }

    /** The violations of {@code rule}. */
    public List<Violation> of(Rule rule) {
        return violations.stream().filter(v -> v.rule().equals(rule)).toList();
    }
}
