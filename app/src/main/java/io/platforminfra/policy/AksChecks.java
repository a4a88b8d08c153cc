package io.platforminfra.policy;

import io.platforminfra.azure.BuiltInPolicies;
import io.platforminfra.azure.IpRanges;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.platforminfra.azure.AzureResourceType.AGENT_POOL;
import static io.platforminfra.azure.AzureResourceType.DATA_COLLECTION_RULE_ASSOCIATION;
import static io.platforminfra.azure.AzureResourceType.DIAGNOSTIC_SETTING;
import static io.platforminfra.azure.AzureResourceType.MAINTENANCE_CONFIGURATION_WINDOW;
import static io.platforminfra.azure.AzureResourceType.MANAGED_CLUSTER;
import static io.platforminfra.azure.AzureResourceType.POLICY_ASSIGNMENT;
import static io.platforminfra.policy.RuleChecks.allOf;
import static io.platforminfra.policy.RuleChecks.attached;
import static io.platforminfra.policy.RuleChecks.closed;
import static io.platforminfra.policy.RuleChecks.dependents;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.inputIs;
import static io.platforminfra.policy.RuleChecks.ofType;
import static io.platforminfra.policy.RuleChecks.problems;
import static io.platforminfra.policy.RuleChecks.textIs;
import static java.util.Map.entry;

/**
 * How the rules of AKS clusters and their node pools judge a stage, by rule ID; what each rule says is in
 * {@code rules.yaml}.
 */
final class AksChecks {
    /** The check of each AKS rule. */
    static final Map<String, Rule.Check> BY_ID = Map.ofEntries(
            entry("PI-AKS-001", each(MANAGED_CLUSTER, r -> r.is("aadProfile.managed", true)
                    && r.is("aadProfile.enableAzureRBAC", true) && r.is("enableRBAC", true),
                    "Entra ID integration with Azure RBAC is off")),
            entry("PI-AKS-002", inputIs(MANAGED_CLUSTER, "disableLocalAccounts", true, "local accounts are enabled")),
            entry("PI-AKS-003", each(MANAGED_CLUSTER, r -> r.is("apiServerAccessProfile.enablePrivateCluster", true)
                            || !r.list("apiServerAccessProfile.authorizedIPRanges").isEmpty(),
                    "the API server is public without authorized IP ranges")),
            entry("PI-AKS-004", closed(MANAGED_CLUSTER,
                    r -> IpRanges.openToTheInternet(r.list("apiServerAccessProfile.authorizedIPRanges")),
                    "the authorized IP ranges open the API server to the internet")),
            entry("PI-AKS-005", textIs(MANAGED_CLUSTER, "networkProfile.networkPolicy",
                    policy -> !policy.isBlank() && !policy.equalsIgnoreCase("none"), "no network policy engine")),
            entry("PI-AKS-006", inputIs(MANAGED_CLUSTER, "addonProfiles.azurepolicy.enabled", true,
                    "the Azure Policy add-on is off")),
            entry("PI-AKS-007", textIs(MANAGED_CLUSTER, "autoUpgradeProfile.upgradeChannel",
                    channel -> !channel.equalsIgnoreCase("none"), "no automatic upgrade channel")),
            entry("PI-AKS-008", AksChecks::monitoring),
            entry("PI-AKS-009", each(MANAGED_CLUSTER, r -> r.list("agentPoolProfiles").stream().noneMatch(pool ->
                    pool instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("enableNodePublicIP"))),
                    "a node pool gives nodes public IPs")),
            entry("PI-AKS-010", textIs(MANAGED_CLUSTER, "sku.tier", tier -> !tier.equalsIgnoreCase("Free"),
                    "the cluster has the Free tier")),
            entry("PI-AKS-011", each(MANAGED_CLUSTER,
                    r -> r.is("addonProfiles.azureKeyvaultSecretsProvider.enabled", true) && "true".equals(String.valueOf(
                            r.input("addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation").orElse(""))),
                    "the Key Vault secrets provider or its rotation is off")),
            entry("PI-AKS-012", each(MANAGED_CLUSTER, r -> r.is("oidcIssuerProfile.enabled", true)
                    && r.is("securityProfile.workloadIdentity.enabled", true), "workload identity is off")),
            entry("PI-AKS-013", each(r -> r.type().startsWith("kubernetes:"), r -> !r.provider().isEmpty(),
                    "uses the default Kubernetes provider (the ambient kube context)")),
            entry("PI-AKS-014", inputIs(MANAGED_CLUSTER, "securityProfile.defender.securityMonitoring.enabled", true,
                    "Defender for Containers is off")),
            entry("PI-AKS-015", inputIs(MANAGED_CLUSTER, "apiServerAccessProfile.disableRunCommand", true,
                    "run command is enabled")),
            entry("PI-AKS-016", AksChecks::podSecurityBaseline),
            entry("PI-AKS-017", attached(ofType(MANAGED_CLUSTER), DIAGNOSTIC_SETTING, AksChecks::sendsAuditLog,
                    "no diagnostic setting sends kube-audit-admin")),
            entry("PI-AKS-018", attached(ofType(MANAGED_CLUSTER), MAINTENANCE_CONFIGURATION_WINDOW, window -> true,
                    "has no auto-upgrade maintenance window")),
            entry("PI-AKS-019", allOf(
                    problems(MANAGED_CLUSTER, cluster -> cluster.list("agentPoolProfiles").stream()
                            .filter(pool -> pool instanceof Map<?, ?> m && zoneCount(m.get("availabilityZones")) < 2)
                            .map(pool -> "pool " + ((Map<?, ?>) pool).get("name") + " is in fewer than two zones")),
                    each(AGENT_POOL, pool -> zoneCount(pool.input("availabilityZones").orElse(null)) >= 2,
                            "is in fewer than two zones"))));

    private AksChecks() {
    }

    /**
     * The monitoring agent is on, authenticates with Entra ID and has a data collection rule associated: the first
     * of these that fails, per cluster. The workspace-key authentication was retired on 30 September 2026
     * (rules.yaml, PI-AKS-008).
     */
    private static List<Finding> monitoring(PolicyTarget target) {
        return target.ofType(MANAGED_CLUSTER).stream().flatMap(cluster -> {
            if (!cluster.is("addonProfiles.omsagent.enabled", true)) {
                return Stream.of(Finding.of(cluster, "the monitoring agent is off"));
            }
            // The add-on's config carries the workspace ID, known only after apply in a preview.
            var configKnownLater = cluster.input("addonProfiles.omsagent.config")
                    .filter(PolicyResource.Value.UNKNOWN::equals).isPresent();
            if (!configKnownLater && !cluster.is("addonProfiles.omsagent.config.useAADAuth", "true")) {
                return Stream.of(Finding.of(cluster, "the monitoring agent uses the retired workspace-key"
                        + " authentication (useAADAuth is not \"true\")"));
            }
            return dependents(target, DATA_COLLECTION_RULE_ASSOCIATION, cluster).isEmpty()
                    ? Stream.of(Finding.of(cluster, "no data collection rule is associated with it"))
                    : Stream.empty();
        }).toList();
    }

    /** The pod security baseline is assigned to each cluster, and every assignment of it denies. */
    private static List<Finding> podSecurityBaseline(PolicyTarget target) {
        return target.ofType(MANAGED_CLUSTER).stream().flatMap(cluster -> {
            var assignments = dependents(target, POLICY_ASSIGNMENT, cluster).stream()
                    .filter(a -> a.text("policyDefinitionId").filter(id -> id.toLowerCase(Locale.ROOT)
                            .endsWith(BuiltInPolicies.POD_SECURITY_BASELINE.toLowerCase(Locale.ROOT))).isPresent())
                    .toList();
            if (assignments.isEmpty()) {
                return Stream.of(Finding.of(cluster, "the pod security baseline is not assigned"));
            }
            return assignments.stream().filter(a -> !a.text("parameters.effect.value")
                            .filter("deny"::equalsIgnoreCase).isPresent())
                    .map(a -> Finding.of(a, "the pod security baseline only audits"));
        }).toList();
    }

    /** Whether the diagnostic setting sends the API server's audit log (kube-audit-admin, or the full kube-audit). */
    private static boolean sendsAuditLog(PolicyResource setting) {
        return setting.list("logs").stream().anyMatch(log -> log instanceof Map<?, ?> m
                && Set.of("kube-audit-admin", "kube-audit").contains(m.get("category"))
                && Boolean.TRUE.equals(m.get("enabled")));
    }

    private static int zoneCount(Object zones) {
        return zones instanceof List<?> list ? list.size() : 0;
    }
}
