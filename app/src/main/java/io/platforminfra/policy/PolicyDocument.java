package io.platforminfra.policy;

import java.util.stream.Collectors;

/**
 * {@code docs/policies.md}, generated from {@link Rules#ALL} ({@code check --rules}), so the documentation cannot
 * drift from what the gate enforces; a test fails when the file is out of date.
 */
public final class PolicyDocument {
    private PolicyDocument() {
    }

    /** The document. */
    public static String render() {
        var text = new StringBuilder("""
                # Security policies

                <!-- Generated from app/src/main/resources/io/platforminfra/policy/rules.yaml: do not edit by hand.
                     Regenerate with: java -jar target/platform-infra.jar check --rules > docs/policies.md -->

                The policy gate evaluates these rules against what each stage would create: offline on every pull
                request (`bin/platform-infra check --all`) and inside every real `pulumi preview`/`up`, before the program
                registers anything. A violation of a rule that is mandatory for the stage fails the gate (exit code 1);
                elsewhere it is reported as advice. A setting that is valid but weaker than a rule wants (LRS storage or
                no HA in production, an authorized range of `0.0.0.0/0`) is a policy violation, not a stack file error.

                ## Waivers

                A stage may accept a violation for one resource, for a while, in its stack file, where reviewers see it:

                ```yaml
                  platform-infra:waivers:
                    - rule: PI-PG-003
                      resource: database-psql          # the Pulumi name, as `check` prints it
                      reason: "INC-4711: legacy reporting tool needs a password until it is replaced"
                      expires: 2027-03-31              # the last day the waiver applies
                ```

                Every waiver is listed in the gate's output. After its date it waives nothing and is itself a violation
                (%1$s): fix the finding or renew the waiver in a reviewed change. The stack file is refused (exit 2)
                when a waiver expires more than %3$d days after the day of the run (`--as-of`, default today), names a
                resource the stage does not have, waives %1$s itself, or gives a reason that is not one line of
                printable text (no line breaks, tabs, terminal escapes or invisible formatting characters).

                ## Rules

                %2$d rules. Scope: *every stage* rules are mandatory everywhere; *production* rules are mandatory in
                stages with `environmentType: production` and advice elsewhere; *production only* rules are not
                evaluated elsewhere.

                | ID | Checkov | Severity | Scope | Rule |
                | --- | --- | --- | --- | --- |
                """.formatted(PolicyCheck.EXPIRED_WAIVER_RULE, Rules.ALL.size(), Waiver.MAXIMUM_DAYS));
        Rules.ALL.forEach(rule -> text.append("| [").append(rule.id()).append("](#").append(rule.id().toLowerCase())
                .append(") | ").append(rule.checkovId().orElse("")).append(" | ").append(rule.severity()).append(" | ")
                .append(rule.scope().description()).append(" | ").append(rule.title()).append(" |\n"));
        text.append('\n');
        Rules.ALL.forEach(rule -> text.append("### ").append(rule.id()).append("\n\n**").append(rule.title())
                .append("**. ").append(rule.severity()).append(", ").append(rule.scope().description())
                .append(rule.checkovId().map(id -> "; Checkov " + id).orElse("")).append(".\n\n")
                .append("- Why: ").append(rule.rationale()).append('\n')
                .append("- Source: ").append(rule.source()).append('\n')
                .append("- Fix: ").append(rule.remediation()).append("\n\n"));
        return text.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n")) + "\n";
    }
}
