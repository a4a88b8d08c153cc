package io.platforminfra.policy;

import io.platforminfra.azure.IpRanges;

import java.util.List;

import static io.platforminfra.azure.AzureResourceType.POSTGRES_CONFIGURATION;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_FIREWALL_RULE;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_SERVER;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleSources.MCSB;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT_SOURCE;
import static io.platforminfra.policy.RuleSources.RELIABILITY;
import static io.platforminfra.policy.Scope.EVERY_STAGE;
import static io.platforminfra.policy.Scope.PRODUCTION;
import static io.platforminfra.policy.Severity.HIGH;
import static io.platforminfra.policy.Severity.MEDIUM;

/**
 * The rules of PostgreSQL flexible servers.
 */
final class PostgresRules {
    private static final String PG_BASELINE = "Azure security baseline for Azure Database for PostgreSQL flexible server ("
            + MCSB + ")";

    /** The rules, in the order reports and the documentation list them. */
    static final List<Rule> ALL = List.of(
            Rule.builder("PI-PG-001")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("PostgreSQL has no public access")
                    .rationale("A server in a delegated subnet has no public endpoint at all.")
                    .source(PG_BASELINE + ", NS-2")
                    .remediation("Built in: Database places the server in the delegated database subnet.")
                    .check(each(POSTGRES_SERVER, r -> r.isSet("network.delegatedSubnetResourceId"), "the server is publicly reachable"))
                    .build(),
            Rule.builder("PI-PG-002")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("PostgreSQL authenticates with Entra ID")
                    .rationale("Database access follows group membership and is revoked with it.")
                    .source(PG_BASELINE + ", IM-1")
                    .remediation("Built in: Database enables Entra ID authentication with database.adminGroupObjectId as admin.")
                    .check(each(POSTGRES_SERVER, r -> r.is("authConfig.activeDirectoryAuth", "Enabled"), "Entra ID authentication is off"))
                    .build(),
            Rule.builder("PI-PG-003")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("PostgreSQL password authentication is off")
                    .rationale("A password is a shared, long-lived credential; Entra ID tokens are neither.")
                    .source(PG_BASELINE + ", IM-1")
                    .remediation("Remove database.passwordAuth (or waive this rule with a reason and an end date).")
                    .check(each(POSTGRES_SERVER, r -> !r.is("authConfig.passwordAuth", "Enabled"), "password authentication is on"))
                    .build(),
            Rule.builder("PI-PG-004")
                    .checkov("CKV_AZURE_136")
                    .severity(HIGH).scope(PRODUCTION)
                    .title("Production PostgreSQL backups are geo-redundant")
                    .rationale("A regional outage must not take the only copy of the backups with it.")
                    .source(PG_BASELINE + ", BR-1")
                    .remediation("Set database.geoRedundantBackup: true.")
                    .check(each(POSTGRES_SERVER, r -> r.is("backup.geoRedundantBackup", "Enabled"), "backups stay in one region"))
                    .build(),
            Rule.builder("PI-PG-005")
                    .severity(HIGH).scope(PRODUCTION)
                    .title("Production PostgreSQL is highly available")
                    .rationale("A standby in another zone takes over in seconds instead of a restore taking hours.")
                    .source(RELIABILITY)
                    .remediation("Set database.highAvailability: ZoneRedundant (a GeneralPurpose or MemoryOptimized tier).")
                    .check(each(POSTGRES_SERVER, r -> r.text("highAvailability.mode").filter(m -> !m.equals("Disabled")).isPresent(),
                            "high availability is off"))
                    .build(),
            Rule.builder("PI-PG-006")
                    .severity(MEDIUM).scope(PRODUCTION)
                    .title("Production PostgreSQL keeps backups for at least 14 days")
                    .rationale("Corruption is often found days later; a week of backups may no longer reach back far enough.")
                    .source(PG_BASELINE + ", BR-2")
                    .remediation("Set database.backupRetentionDays to 14 or more (up to 35).")
                    .check(each(POSTGRES_SERVER, r -> r.number("backup.backupRetentionDays").filter(d -> d >= 14).isPresent(),
                            "backups are kept for less than 14 days"))
                    .build(),
            Rule.builder("PI-PG-007")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("PostgreSQL requires TLS")
                    .rationale("Connections without TLS expose credentials and data on the network.")
                    .source(PG_BASELINE + ", DP-3")
                    .remediation("Built in: Database sets require_secure_transport to on.")
                    .check(resources -> resources.ofType(POSTGRES_SERVER).stream()
                            .filter(server -> resources.ofType(POSTGRES_CONFIGURATION).stream().noneMatch(c ->
                                    c.dependsOn(server) && c.is("configurationName", "require_secure_transport")
                                            && c.is("value", "on")))
                            .map(server -> Finding.of(server, "require_secure_transport is not on")).toList())
                    .build(),
            Rule.builder("PI-PG-008")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("No PostgreSQL firewall rule opens the server to the world")
                    .rationale("A rule from 0.0.0.0 to 255.255.255.255 makes every address on the internet a client; so does"
                            + " any rule covering more than " + OPEN_LIMIT + ", and a rule from 0.0.0.0 to 0.0.0.0"
                            + " admits every Azure customer's services.")
                    .source(PG_BASELINE + ", NS-2; postgresql/flexible-server how-to-networking (\"Allow public access from"
                            + " any Azure service\"); " + OPEN_LIMIT_SOURCE)
                    .remediation("Remove the firewall rule; clients connect through the virtual network.")
                    .check(target -> target.ofType(POSTGRES_FIREWALL_RULE).stream().flatMap(r ->
                            IpRanges.firewallRuleOpenToTheInternet(r.input("startIpAddress").orElse(null),
                                    r.input("endIpAddress").orElse(null)).stream()
                                    .map(why -> Finding.of(r, "the rule opens the server to the internet: " + why)))
                            .toList())
                    .build());

    private PostgresRules() {
    }
}
