package io.platforminfra.plan;

import io.platforminfra.policy.PolicyCheck;
import io.platforminfra.policy.PolicyResource;
import io.platforminfra.policy.PolicyTarget;
import io.platforminfra.policy.Rules;
import io.platforminfra.policy.StageVerdict;
import io.platforminfra.policy.Waiver;
import io.platforminfra.config.StackKeys;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy gate of one stage: its plan, judged by every rule with the stage's waivers. What {@code check} and
 * the gate before a real run both evaluate.
 */
public final class StagePolicy {
    private StagePolicy() {
    }

    /**
     * The verdict on {@code plan}: its resources judged by every rule with the waivers of the config the plan was
     * made from ({@link Plan#config()}, read once, never again here), as of the plan's day.
     *
     * @throws WaiverRefusedException when a waiver names a resource the stage does not have
     */
    public static StageVerdict verdict(Plan plan) {
        // Validated with the rest of the stack file, so each waiver's index in this list is its index in the file (a
        // waiver with a problem would have refused the file).
        var waivers = plan.config().waivers();
        var target = PolicyTargets.of(plan);
        refuseWaiversOfMissingResources(target, waivers);
        return PolicyCheck.evaluate(target, waivers, plan.asOf());
    }

    /**
     * Refuses every waiver that names a resource the stage does not have, with the names of the resources its rule
     * judges (or the closest name) as the fix.
     *
     * @throws WaiverRefusedException listing each such waiver
     */
    private static void refuseWaiversOfMissingResources(PolicyTarget target, List<Waiver> waivers) {
        var names = target.resources().stream().map(PolicyResource::name).collect(Collectors.toSet());
        var problems = new ArrayList<String>();
        for (int i = 0; i < waivers.size(); i++) {
            var waiver = waivers.get(i);
            if (names.contains(waiver.resource())) {
                continue;
            }
            var rule = Rules.byId(waiver.rule()).orElseThrow();
            var judged = PolicyCheck.resourcesJudgedBy(rule, target);
            var hint = !judged.isEmpty()
                    ? "the resources " + rule.id() + " judges in stage " + target.stage() + ": "
                    + String.join(", ", judged)
                    : closest(waiver.resource(), names).map(name -> "did you mean '" + name + "'?")
                    .orElse("the names are those `plan --stack " + target.stage() + "` prints");
            problems.add(target.stackFile() + ": " + StackKeys.WAIVERS + "[" + i + "].resource must name a resource"
                    + " of stage " + target.stage() + " (value: '" + waiver.resource() + "'); " + hint);
        }
        if (!problems.isEmpty()) {
            throw new WaiverRefusedException(String.join("\n", problems));
        }
    }

    private static Optional<String> closest(String name, Set<String> names) {
        var distance = new LevenshteinDistance(Math.max(3, name.length() / 3));
        return names.stream().filter(candidate -> distance.apply(candidate, name) >= 0)
                .min(Comparator.comparingInt((String candidate) -> distance.apply(candidate, name))
                        .thenComparing(Comparator.naturalOrder()));
    }
}
