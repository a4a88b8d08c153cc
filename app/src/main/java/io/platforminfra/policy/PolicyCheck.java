package io.platforminfra.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one rule engine: evaluates every rule against a stage's resources and applies the stage's waivers. The
 * offline gate ({@code check}) and the program during real runs both call it.
 */
public final class PolicyCheck {
    /** The rule an expired waiver violates. */
    public static final String EXPIRED_WAIVER_RULE = "PI-POL-001";

    private PolicyCheck() {
    }

    /**
     * The verdict on {@code target} with its {@code waivers} on {@code today}. A waiver applies to the findings of
     * its rule on its resource until it expires; an expired one waives nothing and is a violation itself (of the
     * rule {@value #EXPIRED_WAIVER_RULE}, which judges the waivers the target carries).
     */
    public static StageVerdict evaluate(PolicyTarget stage, List<Waiver> waivers, LocalDate today) {
        var target = stage.on(today).waivedBy(waivers);
        var violations = new ArrayList<Violation>();
        for (var rule : Rules.ALL) {
            if (!rule.appliesTo(target)) {
                continue;
            }
            for (var finding : rule.check().evaluate(target)) {
                violations.add(new Violation(rule, finding, rule.mandatoryFor(target),
                        waiverFor(rule, finding, waivers, today)));
            }
        }
        return new StageVerdict(target, violations, waivers);
    }

    /** What the finding of an expired {@code waiver} says. */
    static String expiredMessage(Waiver waiver) {
        return "the waiver of " + waiver.rule() + " expired on " + waiver.expires();
    }

    private static Optional<Waiver> waiverFor(Rule rule, Finding finding, List<Waiver> waivers, LocalDate today) {
        if (!rule.waivable()) {
            return Optional.empty(); // such as an expired waiver's finding (the stack file reader refuses it too)
        }
        return waivers.stream().filter(w -> w.rule().equals(rule.id()) && w.resource().equals(finding.resourceName())
                && w.activeOn(today)).findFirst();
    }

    /**
     * The names of the resources of {@code stage} that {@code rule} judges, as a hint for a waiver that names
     * none of the stage's resources: those it finds wrong now, and those it would find wrong were nothing set on
     * them (which is how most rules reveal the type they look at without a list of types per rule).
     */
    public static Set<String> resourcesJudgedBy(Rule rule, PolicyTarget stage) {
        var names = new TreeSet<String>();
        rule.check().evaluate(stage).forEach(finding -> names.add(finding.resourceName()));
        var bare = new PolicyTarget(stage.stage(), stage.stackFile(), true, stage.asOf(), stage.resources().stream()
                .map(r -> new PolicyResource(r.type(), r.name(), r.urn(), Map.of(), false, "", List.of())).toList());
        try {
            rule.check().evaluate(bare).forEach(finding -> names.add(finding.resourceName()));
        } catch (RuntimeException e) {
            // A rule that cannot judge bare resources gives no hint this way; the findings above still do.
        }
        var existing = stage.resources().stream().map(PolicyResource::name).collect(Collectors.toSet());
        names.retainAll(existing);
        return names;
    }
}
