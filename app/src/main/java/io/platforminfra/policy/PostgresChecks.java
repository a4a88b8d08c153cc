package io.platforminfra.policy;

import io.platforminfra.azure.IpRanges;

import java.util.Map;

import static io.platforminfra.azure.AzureResourceType.POSTGRES_CONFIGURATION;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_FIREWALL_RULE;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_SERVER;
import static io.platforminfra.policy.RuleChecks.atLeast;
import static io.platforminfra.policy.RuleChecks.attached;
import static io.platforminfra.policy.RuleChecks.closed;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.inputIs;
import static io.platforminfra.policy.RuleChecks.ofType;
import static io.platforminfra.policy.RuleChecks.textIs;
import static java.util.Map.entry;

/**
 * How the rules of PostgreSQL flexible servers judge a stage, by rule ID; what each rule says is in
 * {@code rules.yaml}.
 */
final class PostgresChecks {
    /** The check of each PostgreSQL rule. */
    static final Map<String, Rule.Check> BY_ID = Map.ofEntries(
            entry("PI-PG-001", each(POSTGRES_SERVER, r -> r.isSet("network.delegatedSubnetResourceId"),
                    "the server is publicly reachable")),
            entry("PI-PG-002", inputIs(POSTGRES_SERVER, "authConfig.activeDirectoryAuth", "Enabled",
                    "Entra ID authentication is off")),
            entry("PI-PG-003", each(POSTGRES_SERVER, r -> !r.is("authConfig.passwordAuth", "Enabled"),
                    "password authentication is on")),
            entry("PI-PG-004", inputIs(POSTGRES_SERVER, "backup.geoRedundantBackup", "Enabled",
                    "backups stay in one region")),
            entry("PI-PG-005", textIs(POSTGRES_SERVER, "highAvailability.mode", mode -> !mode.equals("Disabled"),
                    "high availability is off")),
            entry("PI-PG-006", atLeast(POSTGRES_SERVER, "backup.backupRetentionDays", 14,
                    "backups are kept for less than 14 days")),
            entry("PI-PG-007", attached(ofType(POSTGRES_SERVER), POSTGRES_CONFIGURATION,
                    c -> c.is("configurationName", "require_secure_transport") && c.is("value", "on"),
                    "require_secure_transport is not on")),
            entry("PI-PG-008", closed(POSTGRES_FIREWALL_RULE, r -> IpRanges.firewallRuleOpenToTheInternet(
                    r.input("startIpAddress").orElse(null), r.input("endIpAddress").orElse(null)),
                    "the rule opens the server to the internet")));

    private PostgresChecks() {
    }
}
