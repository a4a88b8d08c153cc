package io.platforminfra.policy;

import java.util.Map;

import static io.platforminfra.azure.AzureResourceType.PRIVATE_ENDPOINT;
import static io.platforminfra.azure.AzureResourceType.VAULT;
import static io.platforminfra.policy.RuleChecks.attached;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.inputIs;
import static io.platforminfra.policy.RuleChecks.ofType;
import static io.platforminfra.policy.RuleChecks.publicAccessLimited;
import static java.util.Map.entry;

/** How the rules of Key Vault judge a stage, by rule ID; what each rule says is in {@code rules.yaml}. */
final class KeyVaultChecks {
    /** The check of each Key Vault rule. */
    static final Map<String, Rule.Check> BY_ID = Map.ofEntries(
            entry("PI-KV-001", inputIs(VAULT, "properties.enablePurgeProtection", true, "purge protection is off")),
            entry("PI-KV-002", inputIs(VAULT, "properties.enableSoftDelete", true, "soft delete is off")),
            entry("PI-KV-003", each(VAULT, r -> r.is("properties.enableRbacAuthorization", true)
                    && r.list("properties.accessPolicies").isEmpty(), "access policies instead of Azure RBAC")),
            entry("PI-KV-004", inputIs(VAULT, "properties.networkAcls.defaultAction", "Deny",
                    "the firewall allows by default")),
            entry("PI-KV-005", publicAccessLimited(VAULT, "properties.publicNetworkAccess",
                    "properties.networkAcls.ipRules", "value")),
            entry("PI-KV-006", attached(ofType(VAULT), PRIVATE_ENDPOINT, endpoint -> true, "no private endpoint")));

    private KeyVaultChecks() {
    }
}
