package io.platforminfra.policy;

import java.util.List;

import static io.platforminfra.azure.AzureResourceType.VAULT;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.publicAccessLimited;
import static io.platforminfra.policy.RuleChecks.reachedPrivately;
import static io.platforminfra.policy.RuleSources.MCSB;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT_SOURCE;
import static io.platforminfra.policy.Scope.EVERY_STAGE;
import static io.platforminfra.policy.Scope.PRODUCTION;
import static io.platforminfra.policy.Severity.HIGH;
import static io.platforminfra.policy.Severity.MEDIUM;

/**
 * The rules of Key Vault.
 */
final class KeyVaultRules {
    private static final String KV_BASELINE = "Azure security baseline for Key Vault (" + MCSB + ")";

    /** The rules, in the order reports and the documentation list them. */
    static final List<Rule> ALL = List.of(
            Rule.builder("PI-KV-001")
                    .checkov("CKV_AZURE_110")
                    .severity(HIGH).scope(PRODUCTION)
                    .title("Key Vault has purge protection")
                    .rationale("Without it a deleted vault and its keys can be purged at once, by mistake or by an attacker."
                            + " Development stages may turn it off to be torn down and created again: with it, the"
                            + " deleted vault keeps its name for the whole retention.")
                    .source(KV_BASELINE + ", DP-8")
                    .remediation("Leave secretStore.purgeProtection at its default (true).")
                    .check(each(VAULT, r -> r.is("properties.enablePurgeProtection", true), "purge protection is off"))
                    .build(),
            Rule.builder("PI-KV-002")
                    .checkov("CKV_AZURE_42")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Key Vault has soft delete")
                    .rationale("Deleted secrets stay recoverable for the retention period.")
                    .source(KV_BASELINE + ", DP-8")
                    .remediation("Built in: SecretStore enables soft delete.")
                    .check(each(VAULT, r -> r.is("properties.enableSoftDelete", true), "soft delete is off"))
                    .build(),
            Rule.builder("PI-KV-003")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Key Vault uses Azure RBAC, not access policies")
                    .rationale("Access policies are invisible to Azure RBAC reviews and grant whole object classes at once.")
                    .source(KV_BASELINE + ", PA-7")
                    .remediation("Built in: SecretStore sets enableRbacAuthorization and no access policies.")
                    .check(each(VAULT, r -> r.is("properties.enableRbacAuthorization", true)
                            && r.list("properties.accessPolicies").isEmpty(), "access policies instead of Azure RBAC"))
                    .build(),
            Rule.builder("PI-KV-004")
                    .checkov("CKV_AZURE_109")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Key Vault denies network access by default")
                    .rationale("Only the private endpoint, trusted Azure services and named ranges may reach the vault.")
                    .source(KV_BASELINE + ", NS-2")
                    .remediation("Built in: SecretStore sets networkAcls.defaultAction: Deny.")
                    .check(each(VAULT, r -> r.is("properties.networkAcls.defaultAction", "Deny"), "the firewall allows by default"))
                    .build(),
            Rule.builder("PI-KV-005")
                    .checkov("CKV_AZURE_189")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Key Vault public network access is off or limited to named ranges")
                    .rationale("A vault reachable from the internet depends on its credentials alone.")
                    .source(KV_BASELINE + ", NS-2; " + OPEN_LIMIT_SOURCE)
                    .remediation("Leave secretStore.allowedIpRanges empty, or list"
                            + " specific ranges (never 0.0.0.0/0, together at most " + OPEN_LIMIT + ").")
                    .check(publicAccessLimited(VAULT, "properties.publicNetworkAccess", "properties.networkAcls.ipRules",
                            "value"))
                    .build(),
            Rule.builder("PI-KV-006")
                    .checkov("CKV2_AZURE_32")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("Key Vault is reached through a private endpoint")
                    .rationale("Workloads reach the vault over the virtual network, not over the internet.")
                    .source(KV_BASELINE + ", NS-2")
                    .remediation("Built in: SecretStore creates a private endpoint for the vault.")
                    .check(reachedPrivately(VAULT, "no private endpoint"))
                    .build());

    private KeyVaultRules() {
    }
}
