package io.platforminfra.plan;

import io.platforminfra.policy.PolicyCheck;
import io.platforminfra.policy.StageVerdict;
import io.platforminfra.program.StackConfiguration;
import io.platforminfra.program.StageConfigReader;

import java.time.LocalDate;

/**
 * The policy gate of one stage: its plan, judged by every rule with the stage's waivers. What {@code check} and
 * the gate before a real run both evaluate.
 */
public final class StagePolicy {
    private StagePolicy() {
    }

    /**
     * The verdict on the stage {@code configuration} describes, waivers judged as of {@code today}.
     *
     * @throws PlanRefusedException when the stack file is refused, with every problem
     */
    public static StageVerdict verdict(StackConfiguration configuration, LocalDate today) {
        var plan = Planner.plan(configuration, today);
        // The plan has validated the stack file, so reading its waivers cannot fail here.
        var waivers = StageConfigReader.read(configuration, today).waivers();
        return PolicyCheck.evaluate(PolicyTargets.of(plan), waivers, today);
    }
}
