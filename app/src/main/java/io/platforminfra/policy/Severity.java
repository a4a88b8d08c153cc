package io.platforminfra.policy;

/** How bad a violation is, as SARIF and reviewers read it. */
public enum Severity {
    /** Exposes data or control to the internet or to everyone. */
    HIGH,
    /** Weakens a defence or the ability to recover. */
    MEDIUM,
    /** Hygiene: traceability, cost, operability. */
    LOW
}
