package io.platforminfra.policy;

import java.util.Map;

import static io.platforminfra.azure.AzureResourceType.BLOB_CONTAINER;
import static io.platforminfra.azure.AzureResourceType.BLOB_SERVICE;
import static io.platforminfra.azure.AzureResourceType.STORAGE_ACCOUNT;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.inputIs;
import static io.platforminfra.policy.RuleChecks.publicAccessLimited;
import static io.platforminfra.policy.RuleChecks.textIs;
import static java.util.Map.entry;

/**
 * How the rules of storage accounts, their blob service and containers judge a stage, by rule ID; what each rule
 * says is in {@code rules.yaml}.
 */
final class StorageChecks {
    /** The check of each storage rule. */
    static final Map<String, Rule.Check> BY_ID = Map.ofEntries(
            entry("PI-ST-001", inputIs(STORAGE_ACCOUNT, "enableHttpsTrafficOnly", true, "HTTP is allowed")),
            entry("PI-ST-002", inputIs(STORAGE_ACCOUNT, "minimumTlsVersion", "TLS1_2",
                    "TLS older than 1.2 is accepted")),
            entry("PI-ST-003", inputIs(STORAGE_ACCOUNT, "allowBlobPublicAccess", false,
                    "anonymous blob access is allowed")),
            entry("PI-ST-004", publicAccessLimited(STORAGE_ACCOUNT, "publicNetworkAccess", "networkRuleSet.ipRules",
                    "iPAddressOrRange")),
            entry("PI-ST-005", inputIs(STORAGE_ACCOUNT, "networkRuleSet.defaultAction", "Deny",
                    "the firewall allows by default")),
            entry("PI-ST-006", inputIs(STORAGE_ACCOUNT, "allowSharedKeyAccess", false, "shared keys are accepted")),
            entry("PI-ST-007", textIs(STORAGE_ACCOUNT, "sku.name", sku -> !sku.endsWith("_LRS"),
                    "locally redundant storage (LRS)")),
            entry("PI-ST-008", each(BLOB_SERVICE, r -> r.is("deleteRetentionPolicy.enabled", true)
                    && r.is("containerDeleteRetentionPolicy.enabled", true), "soft delete is off")),
            entry("PI-ST-009", textIs(BLOB_CONTAINER, "publicAccess", "None"::equals, "the container is public")),
            entry("PI-ST-010", inputIs(STORAGE_ACCOUNT, "allowCrossTenantReplication", false,
                    "cross-tenant replication is allowed")));

    private StorageChecks() {
    }
}
