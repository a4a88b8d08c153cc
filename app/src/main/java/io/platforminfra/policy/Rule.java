package io.platforminfra.policy;

import java.util.List;
import java.util.Optional;

/**
 * One policy rule: an ID of ours, the Checkov rule it corresponds to where one exists, how severe a violation is,
 * where it is mandatory, why it exists (with the source) and how to fix a violation. What a rule says is written in
 * {@code rules.yaml}, field by field; {@link RuleFile} joins it with the rule's check, written in Java by ID.
 *
 * @param id          our ID, {@code PI-<AREA>-<NNN>}
 * @param checkovId   the corresponding Checkov check, such as {@code CKV_AZURE_110}; empty where there is none
 * @param severity    how bad a violation is
 * @param scope       where the rule is mandatory
 * @param title       what must hold, in one line
 * @param rationale   why, in one or two sentences
 * @param source      where the requirement comes from
 * @param remediation how to fix a violation in this repository (usually a stack file key)
 * @param check       the check itself
 * @param waivable    whether a stage's waiver may accept a violation of it
 */
public record Rule(String id, Optional<String> checkovId, Severity severity, Scope scope, String title,
                   String rationale, String source, String remediation, Check check, boolean waivable) {

    /** The check of a rule: every finding over a stage's resources. */
    @FunctionalInterface
    public interface Check {
        /** Everything wrong in {@code target}; empty when the rule holds. */
        List<Finding> evaluate(PolicyTarget target);
    }

    /** Whether the rule is evaluated for {@code target} at all. */
    public boolean appliesTo(PolicyTarget target) {
        return scope != Scope.PRODUCTION_ONLY || target.production();
    }

    /** Whether a violation of this rule fails the gate for {@code target}. */
    public boolean mandatoryFor(PolicyTarget target) {
        return scope == Scope.EVERY_STAGE || (scope != Scope.ADVICE && target.production());
    }
}
