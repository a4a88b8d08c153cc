package io.platforminfra.policy;

/** Where a rule is mandatory: a violation of a mandatory rule fails the gate, elsewhere it is advice. */
public enum Scope {
    /** Mandatory in every stage. */
    EVERY_STAGE("mandatory in every stage"),
    /** Mandatory in production stages, advice in the others (a parity gap worth seeing). */
    PRODUCTION("mandatory in production stages"),
    /** Mandatory in production stages, not evaluated in the others (they are meant to be torn down). */
    PRODUCTION_ONLY("production stages only"),
    /** Advice in every stage, never mandatory: something to plan for, such as a version nearing its end of support. */
    ADVICE("advice in every stage");

    private final String description;

    Scope(String description) {
        this.description = description;
    }

    /** The scope in words, for reports and docs/policies.md. */
    public String description() {
        return description;
    }
}
