package io.platforminfra.policy;

import java.time.LocalDate;

/**
 * The gate's verdict for a person: each violation with rule ID, severity, resource, what is wrong and how to fix
 * it; the stage's waivers; and a closing line per stage.
 */
public final class PolicyText {
    private PolicyText() {
    }

    /** The verdict on one stage as text. */
    public static String render(StageVerdict verdict, LocalDate today) {
        var target = verdict.target();
        var text = new StringBuilder("Policy check of stage " + target.stage() + " (" + target.stackFile() + ", "
                + (target.production() ? "production" : "not production") + "): " + Rules.ALL.size() + " rules\n\n");
        for (var violation : verdict.violations()) {
            var rule = violation.rule();
            var finding = violation.finding();
            var label = violation.failsTheGate() ? "FAIL  " : violation.waiver().isPresent() ? "WAIVED" : "ADVICE";
            text.append(label).append(' ').append(rule.id()).append(' ').append(rule.severity()).append("  ")
                    .append(finding.resourceType()).append(" \"").append(finding.resourceName()).append("\"\n")
                    .append("       ").append(rule.title()).append(": ").append(finding.message()).append('\n');
            violation.waiver().ifPresentOrElse(
                    waiver -> text.append("       waived until ").append(waiver.expires()).append(": ")
                            .append(waiver.reason()).append('\n'),
                    () -> text.append("       fix: ").append(rule.remediation()).append('\n'));
            if (!violation.mandatory()) {
                text.append("       (").append(rule.scope().description()).append(")\n");
            }
        }
        if (!verdict.waivers().isEmpty()) {
            text.append("\nWaivers in ").append(target.stackFile()).append(":\n");
            verdict.waivers().forEach(w -> text.append("  ").append(w.rule()).append(" on \"").append(w.resource())
                    .append("\" until ").append(w.expires()).append(w.activeOn(today) ? "" : " (EXPIRED)").append(": ")
                    .append(w.reason()).append('\n'));
        }
        var failing = verdict.failing().size();
        var waived = verdict.violations().stream().filter(v -> v.waiver().isPresent()).count();
        var advisory = verdict.violations().stream().filter(v -> !v.mandatory() && v.waiver().isEmpty()).count();
        text.append('\n').append(target.stage()).append(": ").append(failing).append(failing == 1 ? " mandatory violation, "
                : " mandatory violations, ").append(waived).append(" waived, ").append(advisory).append(" advisory: ")
                .append(verdict.passes() ? "PASSED" : "FAILED").append('\n');
        return text.toString();
    }
}
