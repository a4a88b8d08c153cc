package io.platforminfra.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One policy rule: an ID of ours, the Checkov rule it corresponds to where one exists, how severe a violation is,
 * where it is mandatory, why it exists (with the source) and how to fix a violation. Rules are written with
 * {@link #builder}, which names every field.
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

    /** A rule with ID {@code id}, its other fields named one by one; it is waivable unless told otherwise. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Whether the rule is evaluated for {@code target} at all. */
    public boolean appliesTo(PolicyTarget target) {
        return scope != Scope.PRODUCTION_ONLY || target.production();
    }

    /** Whether a violation of this rule fails the gate for {@code target}. */
    public boolean mandatoryFor(PolicyTarget target) {
        return scope == Scope.EVERY_STAGE || (scope != Scope.ADVICE && target.production());
    }

    /** Names the fields of a {@link Rule}; {@link #build} refuses a rule with a field left out. */
    public static final class Builder {
        private final String id;
        private Optional<String> checkovId = Optional.empty();
        private Severity severity;
        private Scope scope;
        private String title;
        private String rationale;
        private String source;
        private String remediation;
        private Check check;
        private boolean waivable = true;

        private Builder(String id) {
            this.id = id;
        }

        /** The corresponding Checkov check; left out where there is none. */
        public Builder checkov(String checkovId) {
            this.checkovId = Optional.of(checkovId);
            return this;
        }

        /** How bad a violation is. */
        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        /** Where the rule is mandatory. */
        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        /** What must hold, in one line. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Why, in one or two sentences. */
        public Builder rationale(String rationale) {
            this.rationale = rationale;
            return this;
        }

        /** Where the requirement comes from. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** How to fix a violation in this repository. */
        public Builder remediation(String remediation) {
            this.remediation = remediation;
            return this;
        }

        /** The check itself. */
        public Builder check(Check check) {
            this.check = check;
            return this;
        }

        /** No waiver may accept a violation (the rule about waivers themselves). */
        public Builder notWaivable() {
            this.waivable = false;
            return this;
        }

        /** The rule; every field but the Checkov ID is required. */
        public Rule build() {
            return new Rule(Objects.requireNonNull(id, "id"), checkovId, Objects.requireNonNull(severity, id),
                    Objects.requireNonNull(scope, id), Objects.requireNonNull(title, id),
                    Objects.requireNonNull(rationale, id), Objects.requireNonNull(source, id),
                    Objects.requireNonNull(remediation, id), Objects.requireNonNull(check, id), waivable);
        }
    }
}
