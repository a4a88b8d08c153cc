package io.platforminfra.policy;

import io.platforminfra.azure.IpRanges;
import io.platforminfra.azure.BuiltInPolicies;

import java.util.ArrayList;
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
import static io.platforminfra.policy.RuleChecks.dependents;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleSources.MCSB;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT_SOURCE;
import static io.platforminfra.policy.RuleSources.RELIABILITY;
import static io.platforminfra.policy.Scope.EVERY_STAGE;
import static io.platforminfra.policy.Scope.PRODUCTION;
import static io.platforminfra.policy.Severity.HIGH;
import static io.platforminfra.policy.Severity.LOW;
import static io.platforminfra.policy.Severity.MEDIUM;

/**
 * The rules of AKS clusters and their node pools.
 */
final class AksRules {
    private static final String AKS_BASELINE = "Azure security baseline for AKS (" + MCSB + ")";

    /** The rules, in the order reports and the documentation list them. */
    static final List<Rule> ALL = List.of(
            Rule.builder("PI-AKS-001")
                    .checkov("CKV_AZURE_5")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("AKS uses Entra ID with Azure RBAC")
                    .rationale("Access to the cluster is granted and revoked with Entra ID groups, reviewable in one place.")
                    .source(AKS_BASELINE + ", IM-1 and PA-7")
                    .remediation("Built in: AksCluster always sets aadProfile (managed, Azure RBAC).")
                    .check(each(MANAGED_CLUSTER, r -> r.is("aadProfile.managed", true) && r.is("aadProfile.enableAzureRBAC", true)
                            && r.is("enableRBAC", true), "Entra ID integration with Azure RBAC is off"))
                    .build(),
            Rule.builder("PI-AKS-002")
                    .checkov("CKV_AZURE_141")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("AKS local accounts are disabled")
                    .rationale("The local admin kubeconfig bypasses Entra ID, cannot be revoked per person and is never audited.")
                    .source(AKS_BASELINE + ", IM-1")
                    .remediation("Built in: AksCluster sets disableLocalAccounts.")
                    .check(each(MANAGED_CLUSTER, r -> r.is("disableLocalAccounts", true), "local accounts are enabled"))
                    .build(),
            Rule.builder("PI-AKS-003")
                    .checkov("CKV_AZURE_6")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("The AKS API server is private or limited to authorized IP ranges")
                    .rationale("An API server open to the internet is exposed to credential stuffing and to every future CVE.")
                    .source(AKS_BASELINE + ", NS-2")
                    .remediation("Set cluster.authorizedIpRanges or cluster.privateCluster: true.")
                    .check(each(MANAGED_CLUSTER, r -> r.is("apiServerAccessProfile.enablePrivateCluster", true)
                                    || !r.list("apiServerAccessProfile.authorizedIPRanges").isEmpty(),
                            "the API server is public without authorized IP ranges"))
                    .build(),
            Rule.builder("PI-AKS-004")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("No authorized IP range of AKS opens the API server to the world")
                    .rationale("0.0.0.0/0 as an authorized range passes the check above while protecting nothing, and so do"
                            + " 0.0.0.0/1 with 128.0.0.0/1: the gate judges what the ranges cover together. More"
                            + " than " + OPEN_LIMIT + " is open to the internet.")
                    .source(AKS_BASELINE + ", NS-2; " + OPEN_LIMIT_SOURCE)
                    .remediation("Remove the range from cluster.authorizedIpRanges;"
                            + " name the office and agent egress ranges instead.")
                    .check(target -> target.ofType(MANAGED_CLUSTER).stream().flatMap(r -> IpRanges.openToTheInternet(
                                    r.list("apiServerAccessProfile.authorizedIPRanges")).stream()
                            .map(why -> Finding.of(r, "the authorized IP ranges open the API server to the internet: "
                                    + why))).toList())
                    .build(),
            Rule.builder("PI-AKS-005")
                    .checkov("CKV_AZURE_7")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("AKS enforces network policies")
                    .rationale("Without network policies every pod can reach every other pod and the node network.")
                    .source(AKS_BASELINE + ", NS-1")
                    .remediation("Built in: AksCluster sets networkProfile.networkPolicy (Cilium).")
                    .check(each(MANAGED_CLUSTER, r -> r.text("networkProfile.networkPolicy").filter(p -> !p.isBlank()
                            && !p.equalsIgnoreCase("none")).isPresent(), "no network policy engine"))
                    .build(),
            Rule.builder("PI-AKS-006")
                    .checkov("CKV_AZURE_116")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("AKS runs the Azure Policy add-on")
                    .rationale("Admission control enforces pod security standards the same way in every stage.")
                    .source(AKS_BASELINE + ", PV-2")
                    .remediation("Built in: AksCluster enables addonProfiles.azurepolicy.")
                    .check(each(MANAGED_CLUSTER, r -> r.is("addonProfiles.azurepolicy.enabled", true), "the Azure Policy add-on is off"))
                    .build(),
            Rule.builder("PI-AKS-007")
                    .checkov("CKV_AZURE_171")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("AKS has an automatic upgrade channel")
                    .rationale("Clusters that are upgraded by hand fall behind on security patches and out of support.")
                    .source(AKS_BASELINE + ", PV-6")
                    .remediation("Set cluster.upgradeChannel to patch, stable, rapid or node-image.")
                    .check(each(MANAGED_CLUSTER, r -> r.text("autoUpgradeProfile.upgradeChannel")
                            .filter(c -> !c.equalsIgnoreCase("none")).isPresent(), "no automatic upgrade channel"))
                    .build(),
            Rule.builder("PI-AKS-008")
                    .checkov("CKV_AZURE_4")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("AKS sends container logs and metrics to Log Analytics")
                    .rationale("Incidents are investigated from logs; a cluster without them cannot be audited. The agent"
                            + " authenticates with Entra ID through a data collection rule: the workspace-key"
                            + " authentication was retired on 30 September 2026.")
                    .source(AKS_BASELINE + ", LT-3; azure-monitor/containers/container-insights-authentication.md")
                    .remediation("Built in: AksCluster enables the monitoring agent (omsagent) with useAADAuth and associates its"
                            + " data collection rule with the cluster.")
                    .check(target -> target.ofType(MANAGED_CLUSTER).stream().flatMap(cluster -> {
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
                    }).toList())
                    .build(),
            Rule.builder("PI-AKS-009")
                    .checkov("CKV_AZURE_143")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("AKS nodes have no public IP addresses")
                    .rationale("A public IP per node exposes the nodes directly; egress goes through the load balancer instead.")
                    .source(AKS_BASELINE + ", NS-1")
                    .remediation("Built in: every pool sets enableNodePublicIP: false.")
                    .check(each(MANAGED_CLUSTER, r -> r.list("agentPoolProfiles").stream().noneMatch(pool -> pool instanceof Map<?, ?> m
                            && Boolean.TRUE.equals(m.get("enableNodePublicIP"))), "a node pool gives nodes public IPs"))
                    .build(),
            Rule.builder("PI-AKS-010")
                    .checkov("CKV_AZURE_170")
                    .severity(MEDIUM).scope(PRODUCTION)
                    .title("Production AKS clusters have the uptime SLA tier")
                    .rationale("The Free tier has no financially backed SLA for the API server a production release depends on.")
                    .source(RELIABILITY + "; Checkov CKV_AZURE_170")
                    .remediation("Set cluster.skuTier: Standard (or Premium).")
                    .check(each(MANAGED_CLUSTER, r -> r.text("sku.tier").filter(t -> !t.equalsIgnoreCase("Free")).isPresent(),
                            "the cluster has the Free tier"))
                    .build(),
            Rule.builder("PI-AKS-011")
                    .checkov("CKV_AZURE_172")
                    .severity(LOW).scope(EVERY_STAGE)
                    .title("AKS mounts Key Vault secrets with rotation")
                    .rationale("Secrets reach pods from Key Vault and follow rotation, instead of living in Kubernetes secrets.")
                    .source(AKS_BASELINE + ", IM-8")
                    .remediation("Built in: AksCluster enables azureKeyvaultSecretsProvider with rotation.")
                    .check(each(MANAGED_CLUSTER, r -> r.is("addonProfiles.azureKeyvaultSecretsProvider.enabled", true)
                                    && "true".equals(String.valueOf(r.input("addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation").orElse(""))),
                            "the Key Vault secrets provider or its rotation is off"))
                    .build(),
            Rule.builder("PI-AKS-012")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("AKS workloads authenticate with workload identity")
                    .rationale("Pods get short-lived tokens for their own managed identity instead of stored credentials.")
                    .source(AKS_BASELINE + ", IM-3")
                    .remediation("Built in: AksCluster enables the OIDC issuer and workload identity.")
                    .check(each(MANAGED_CLUSTER, r -> r.is("oidcIssuerProfile.enabled", true)
                            && r.is("securityProfile.workloadIdentity.enabled", true), "workload identity is off"))
                    .build(),
            Rule.builder("PI-AKS-013")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Kubernetes resources use the stage's own cluster provider")
                    .rationale("A Kubernetes resource on the default provider goes to whatever cluster the local kube context"
                            + " names: that is how a local apply once hit the wrong cluster.")
                    .source("platform-infra incident review (shared background)")
                    .remediation("Create Kubernetes resources with the AksCluster component's provider; Pulumi.yaml disables the"
                            + " default kubernetes provider.")
                    .check(resources -> resources.resources().stream()
                            .filter(r -> r.type().startsWith("kubernetes:") && r.provider().isEmpty())
                            .map(r -> Finding.of(r, "uses the default Kubernetes provider (the ambient kube context)"))
                            .toList())
                    .build(),
            Rule.builder("PI-AKS-014")
                    .severity(MEDIUM).scope(PRODUCTION)
                    .title("Production AKS clusters run Microsoft Defender for Containers")
                    .rationale("Runtime threat detection and vulnerability findings for the nodes and workloads that serve"
                            + " customers. Development stages may leave it off: it is billed per vCPU.")
                    .source(AKS_BASELINE + ", LT-1; aks/concepts-security.md")
                    .remediation("Leave cluster.defender at its default (true).")
                    .check(each(MANAGED_CLUSTER, r -> r.is("securityProfile.defender.securityMonitoring.enabled", true),
                            "Defender for Containers is off"))
                    .build(),
            Rule.builder("PI-AKS-015")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("AKS run command is disabled")
                    .rationale("`az aks command invoke` runs commands in the cluster with AKS's own credentials, around the API"
                            + " server's network limits: nobody works on a cluster from a laptop.")
                    .source("aks/access-private-cluster.md, \"Disable run command\"")
                    .remediation("Built in: AksCluster sets apiServerAccessProfile.disableRunCommand.")
                    .check(each(MANAGED_CLUSTER, r -> r.is("apiServerAccessProfile.disableRunCommand", true),
                            "run command is enabled"))
                    .build(),
            Rule.builder("PI-AKS-016")
                    .severity(HIGH).scope(PRODUCTION)
                    .title("The pod security baseline denies privileged pods in production")
                    .rationale("The Azure Policy add-on enforces only what is assigned; without the baseline a privileged or"
                            + " host-network pod is admitted. Development stages may audit instead, to try charts.")
                    .source(AKS_BASELINE + ", PV-2; aks/use-azure-policy.md; Azure Policy initiative "
                            + BuiltInPolicies.POD_SECURITY_BASELINE)
                    .remediation("Leave cluster.podSecurityBaseline at its default (deny).")
                    .check(target -> target.ofType(MANAGED_CLUSTER).stream().flatMap(cluster -> {
                        var assignments = dependents(target, POLICY_ASSIGNMENT, cluster).stream()
                                .filter(a -> a.text("policyDefinitionId").filter(id -> id.toLowerCase(Locale.ROOT)
                                        .endsWith(BuiltInPolicies.POD_SECURITY_BASELINE.toLowerCase(Locale.ROOT)))
                                        .isPresent()).toList();
                        if (assignments.isEmpty()) {
                            return Stream.of(Finding.of(cluster, "the pod security baseline is not assigned"));
                        }
                        return assignments.stream().filter(a -> !a.text("parameters.effect.value")
                                        .filter("deny"::equalsIgnoreCase).isPresent())
                                .map(a -> Finding.of(a, "the pod security baseline only audits"));
                    }).toList())
                    .build(),
            Rule.builder("PI-AKS-017")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("AKS sends the API server's audit log")
                    .rationale("Who changed what in the cluster is read from the audit log; kube-audit-admin keeps the writes"
                            + " at a fraction of kube-audit's cost.")
                    .source(AKS_BASELINE + ", LT-3; aks/monitor-aks.md (resource logs)")
                    .remediation("Built in: AksCluster sends kube-audit-admin in its diagnostic settings.")
                    .check(target -> target.ofType(MANAGED_CLUSTER).stream()
                            .filter(cluster -> dependents(target, DIAGNOSTIC_SETTING, cluster).stream()
                                    .noneMatch(d -> d.list("logs").stream().anyMatch(log -> log instanceof Map<?, ?> m
                                            && Set.of("kube-audit-admin", "kube-audit").contains(m.get("category"))
                                            && Boolean.TRUE.equals(m.get("enabled")))))
                            .map(cluster -> Finding.of(cluster, "no diagnostic setting sends kube-audit-admin"))
                            .toList())
                    .build(),
            Rule.builder("PI-AKS-018")
                    .severity(LOW).scope(PRODUCTION)
                    .title("Production AKS clusters upgrade inside a maintenance window")
                    .rationale("Without a window AKS upgrades the cluster whenever a new version is out, also at peak traffic.")
                    .source("aks/planned-maintenance.md")
                    .remediation("Set cluster.maintenanceWindow (default: Sunday 02:00 UTC, 4 hours).")
                    .check(target -> target.ofType(MANAGED_CLUSTER).stream()
                            .filter(cluster -> dependents(target, MAINTENANCE_CONFIGURATION_WINDOW,
                                    cluster).isEmpty())
                            .map(cluster -> Finding.of(cluster, "has no auto-upgrade maintenance window")).toList())
                    .build(),
            Rule.builder("PI-AKS-019")
                    .severity(MEDIUM).scope(PRODUCTION)
                    .title("Production node pools spread across availability zones")
                    .rationale("A pool in one zone goes down with it; zones cannot be added to an existing pool later.")
                    .source(RELIABILITY + "; reliability/reliability-aks.md")
                    .remediation("Set cluster.availabilityZones to at least two of the region's zones; in a region without zones,"
                            + " waive this rule with the reason.")
                    .check(target -> {
                        var findings = new ArrayList<Finding>();
                        target.ofType(MANAGED_CLUSTER).forEach(cluster -> cluster.list("agentPoolProfiles").stream()
                                .filter(pool -> pool instanceof Map<?, ?> m && zoneCount(m.get("availabilityZones")) < 2)
                                .forEach(pool -> findings.add(Finding.of(cluster, "pool " + ((Map<?, ?>) pool).get("name")
                                        + " is in fewer than two zones"))));
                        target.ofType(AGENT_POOL).stream()
                                .filter(pool -> zoneCount(pool.input("availabilityZones").orElse(null)) < 2)
                                .forEach(pool -> findings.add(Finding.of(pool, "is in fewer than two zones")));
                        return findings;
                    })
                    .build());

    private AksRules() {
    }

    private static int zoneCount(Object zones) {
        return zones instanceof List<?> list ? list.size() : 0;
    }
}
