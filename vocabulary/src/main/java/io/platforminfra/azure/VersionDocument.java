package io.platforminfra.azure;

/**
 * {@code docs/versions.md}, generated from {@link VersionSupport}'s table ({@code check --versions}), so the page a
 * reviewer reads is the table the tools apply; a test fails when the file is out of date.
 */
public final class VersionDocument {
    private VersionDocument() {
    }

    /** The document. */
    public static String render() {
        return """
                # Supported versions

                <!-- Generated from vocabulary/src/main/java/io/platforminfra/azure/VersionSupport.java: do not edit by
                     hand. Regenerate with: java -jar target/platform-infra.jar check --versions > docs/versions.md -->

                Kubernetes minors (AKS) and PostgreSQL majors (flexible server) this platform may deploy, with the end of
                Azure's standard support, as checked against the sources on %s. Every tool judges a stage on one day:
                the day it runs, or `--as-of YYYY-MM-DD` for `plan` and `check` (tests always pass a fixed day).

                - A stack file naming a version outside support on that day, or not in the table, is refused (exit 2),
                  naming the key, the value and the versions that are accepted.
                - The offline engine refuses to create a cluster, node pool or server with such a version (rules
                  AZ-AKS-002 and AZ-PG-001, docs/deploy-fidelity.md).
                - From %d days before the last day of support the policy gate shows advice PI-LIFE-001 (docs/policies.md):
                  time to plan the upgrade.
                - A version Azure supports but azure-native 2.10.0 cannot create is refused with the upgrade it needs
                  (docs/upgrading.md).

                Reading the sources: AKS gives months; the end of life is the last day of the month (the calendar's own
                rule), and a GA month is read as its last day too. Where Microsoft's pages disagree, the earlier end is
                taken. After the end of standard support AKS offers only long-term support on the Premium tier, and
                PostgreSQL moves to paid extended support.

                To allow a new version, add its row with the source to `VersionSupport.TABLE`, regenerate this page and
                move `CHECKED_ON` (CONTRIBUTING.md).

                %s""".formatted(VersionSupport.CHECKED_ON, VersionSupport.WARNING_DAYS, VersionSupport.markdown());
    }
}
