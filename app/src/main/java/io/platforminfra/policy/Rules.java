package io.platforminfra.policy;

import io.platforminfra.azure.IpRanges;
import io.platforminfra.azure.BuiltInPolicies;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.VersionSupport;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.platforminfra.azure.AzureResourceType.AGENT_POOL;
import static io.platforminfra.azure.AzureResourceType.BLOB_CONTAINER;
import static io.platforminfra.azure.AzureResourceType.BLOB_SERVICE;
import static io.platforminfra.azure.AzureResourceType.DATA_COLLECTION_RULE_ASSOCIATION;
import static io.platforminfra.azure.AzureResourceType.DIAGNOSTIC_SETTING;
import static io.platforminfra.azure.AzureResourceType.FEDERATED_IDENTITY_CREDENTIAL;
import static io.platforminfra.azure.AzureResourceType.LOCK;
import static io.platforminfra.azure.AzureResourceType.LOG_ANALYTICS_WORKSPACE;
import static io.platforminfra.azure.AzureResourceType.MAINTENANCE_CONFIGURATION_WINDOW;
import static io.platforminfra.azure.AzureResourceType.MANAGED_CLUSTER;
import static io.platforminfra.azure.AzureResourceType.NETWORK_SECURITY_GROUP;
import static io.platforminfra.azure.AzureResourceType.POLICY_ASSIGNMENT;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_CONFIGURATION;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_DATABASE;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_FIREWALL_RULE;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_SERVER;
import static io.platforminfra.azure.AzureResourceType.PRIVATE_ENDPOINT;
import static io.platforminfra.azure.AzureResourceType.RESOURCE_GROUP;
import static io.platforminfra.azure.AzureResourceType.ROLE_ASSIGNMENT;
import static io.platforminfra.azure.AzureResourceType.SECURITY_RULE;
import static io.platforminfra.azure.AzureResourceType.STORAGE_ACCOUNT;
import static io.platforminfra.azure.AzureResourceType.SUBNET;
import static io.platforminfra.azure.AzureResourceType.USER_ASSIGNED_IDENTITY;
import static io.platforminfra.azure.AzureResourceType.VAULT;
import static io.platforminfra.azure.AzureResourceType.VIRTUAL_NETWORK;
import static io.platforminfra.policy.Scope.ADVICE;
import static io.platforminfra.policy.Scope.EVERY_STAGE;
import static io.platforminfra.policy.Scope.PRODUCTION;
import static io.platforminfra.policy.Scope.PRODUCTION_ONLY;
import static io.platforminfra.policy.Severity.HIGH;
import static io.platforminfra.policy.Severity.LOW;
import static io.platforminfra.policy.Severity.MEDIUM;

/**
 * Every policy rule of the gate. {@code docs/policies.md} is generated from this list, so the documentation cannot
 * drift from what is enforced.
 *
 * <p>Sources: the Microsoft cloud security benchmark (MCSB) and the Azure security baselines per service, the
 * Checkov rules for Azure (named where they exist), and the platform's own incidents (see the talk in the shared
 * background).
 */
public final class Rules {
    private static final String MCSB = "Microsoft cloud security benchmark";
    private static final String AKS_BASELINE = "Azure security baseline for AKS (" + MCSB + ")";
    private static final String KV_BASELINE = "Azure security baseline for Key Vault (" + MCSB + ")";
    private static final String ST_BASELINE = "Azure security baseline for Storage (" + MCSB + ")";
    private static final String PG_BASELINE = "Azure security baseline for Azure Database for PostgreSQL flexible server ("
            + MCSB + ")";
    private static final String RELIABILITY = "Azure Well-Architected Framework, reliability pillar";

    /**
     * The rule that production stateful resources are locked. An active waiver of it for one resource also lifts
     * that resource's lock in the program: the reviewed way to delete something Azure keeps under the lock.
     */
    public static final String LOCK_RULE = "PI-GOV-002";

    /**
     * The most public addresses a rule list may cover before the gate calls it open to the internet (one /8, our
     * judgement, argued at {@link IpRanges#MOST_PUBLIC_ADDRESSES}).
     */
    private static final String OPEN_LIMIT = String.format(Locale.ROOT, "%,d public addresses (a /8)",
            IpRanges.MOST_PUBLIC_ADDRESSES);
    private static final String OPEN_LIMIT_SOURCE = "platform judgement: a /8 is the largest block held by one"
            + " organisation (IANA IPv4 Address Space Registry)";

    /** Resources that must carry the standard tags (cost, ownership and origin are read from them). */
    private static final Set<AzureResourceType> TAGGED = Set.of(RESOURCE_GROUP, VIRTUAL_NETWORK,
            NETWORK_SECURITY_GROUP, PRIVATE_ENDPOINT, LOG_ANALYTICS_WORKSPACE, MANAGED_CLUSTER, VAULT, STORAGE_ACCOUNT,
            POSTGRES_SERVER, USER_ASSIGNED_IDENTITY);

    /** Every rule, in the order reports and the documentation list them. */
    public static final List<Rule> ALL = List.of(
            // --- AKS
            rule("PI-AKS-001", "CKV_AZURE_5", HIGH, EVERY_STAGE, "AKS uses Entra ID with Azure RBAC",
                    "Access to the cluster is granted and revoked with Entra ID groups, reviewable in one place.",
                    AKS_BASELINE + ", IM-1 and PA-7", "Built in: AksCluster always sets aadProfile (managed, Azure RBAC).",
                    each(MANAGED_CLUSTER, r -> r.is("aadProfile.managed", true) && r.is("aadProfile.enableAzureRBAC", true)
                            && r.is("enableRBAC", true), "Entra ID integration with Azure RBAC is off")),
            rule("PI-AKS-002", "CKV_AZURE_141", HIGH, EVERY_STAGE, "AKS local accounts are disabled",
                    "The local admin kubeconfig bypasses Entra ID, cannot be revoked per person and is never audited.",
                    AKS_BASELINE + ", IM-1", "Built in: AksCluster sets disableLocalAccounts.",
                    each(MANAGED_CLUSTER, r -> r.is("disableLocalAccounts", true), "local accounts are enabled")),
            rule("PI-AKS-003", "CKV_AZURE_6", HIGH, EVERY_STAGE,
                    "The AKS API server is private or limited to authorized IP ranges",
                    "An API server open to the internet is exposed to credential stuffing and to every future CVE.",
                    AKS_BASELINE + ", NS-2", "Set cluster.authorizedIpRanges or cluster.privateCluster: true.",
                    each(MANAGED_CLUSTER, r -> r.is("apiServerAccessProfile.enablePrivateCluster", true)
                                    || !r.list("apiServerAccessProfile.authorizedIPRanges").isEmpty(),
                            "the API server is public without authorized IP ranges")),
            rule("PI-AKS-004", null, HIGH, EVERY_STAGE, "No authorized IP range of AKS opens the API server to the world",
                    "0.0.0.0/0 as an authorized range passes the check above while protecting nothing, and so do"
                            + " 0.0.0.0/1 with 128.0.0.0/1: the gate judges what the ranges cover together. More"
                            + " than " + OPEN_LIMIT + " is open to the internet.",
                    AKS_BASELINE + ", NS-2; " + OPEN_LIMIT_SOURCE, "Remove the range from cluster.authorizedIpRanges;"
                            + " name the office and agent egress ranges instead.",
                    target -> target.ofType(MANAGED_CLUSTER).stream().flatMap(r -> IpRanges.openToTheInternet(
                                    r.list("apiServerAccessProfile.authorizedIPRanges")).stream()
                            .map(why -> Finding.of(r, "the authorized IP ranges open the API server to the internet: "
                                    + why))).toList()),
            rule("PI-AKS-005", "CKV_AZURE_7", HIGH, EVERY_STAGE, "AKS enforces network policies",
                    "Without network policies every pod can reach every other pod and the node network.",
                    AKS_BASELINE + ", NS-1", "Built in: AksCluster sets networkProfile.networkPolicy (Cilium).",
                    each(MANAGED_CLUSTER, r -> r.text("networkProfile.networkPolicy").filter(p -> !p.isBlank()
                            && !p.equalsIgnoreCase("none")).isPresent(), "no network policy engine")),
            rule("PI-AKS-006", "CKV_AZURE_116", MEDIUM, EVERY_STAGE, "AKS runs the Azure Policy add-on",
                    "Admission control enforces pod security standards the same way in every stage.",
                    AKS_BASELINE + ", PV-2", "Built in: AksCluster enables addonProfiles.azurepolicy.",
                    each(MANAGED_CLUSTER, r -> r.is("addonProfiles.azurepolicy.enabled", true), "the Azure Policy add-on is off")),
            rule("PI-AKS-007", "CKV_AZURE_171", MEDIUM, EVERY_STAGE, "AKS has an automatic upgrade channel",
                    "Clusters that are upgraded by hand fall behind on security patches and out of support.",
                    AKS_BASELINE + ", PV-6", "Set cluster.upgradeChannel to patch, stable, rapid or node-image.",
                    each(MANAGED_CLUSTER, r -> r.text("autoUpgradeProfile.upgradeChannel")
                            .filter(c -> !c.equalsIgnoreCase("none")).isPresent(), "no automatic upgrade channel")),
            rule("PI-AKS-008", "CKV_AZURE_4", MEDIUM, EVERY_STAGE, "AKS sends container logs and metrics to Log Analytics",
                    "Incidents are investigated from logs; a cluster without them cannot be audited. The agent"
                            + " authenticates with Entra ID through a data collection rule: the workspace-key"
                            + " authentication was retired on 30 September 2026.",
                    AKS_BASELINE + ", LT-3; azure-monitor/containers/container-insights-authentication.md",
                    "Built in: AksCluster enables the monitoring agent (omsagent) with useAADAuth and associates its"
                            + " data collection rule with the cluster.",
                    target -> target.ofType(MANAGED_CLUSTER).stream().flatMap(cluster -> {
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
                    }).toList()),
            rule("PI-AKS-009", "CKV_AZURE_143", HIGH, EVERY_STAGE, "AKS nodes have no public IP addresses",
                    "A public IP per node exposes the nodes directly; egress goes through the load balancer instead.",
                    AKS_BASELINE + ", NS-1", "Built in: every pool sets enableNodePublicIP: false.",
                    each(MANAGED_CLUSTER, r -> r.list("agentPoolProfiles").stream().noneMatch(pool -> pool instanceof Map<?, ?> m
                            && Boolean.TRUE.equals(m.get("enableNodePublicIP"))), "a node pool gives nodes public IPs")),
            rule("PI-AKS-010", "CKV_AZURE_170", MEDIUM, PRODUCTION, "Production AKS clusters have the uptime SLA tier",
                    "The Free tier has no financially backed SLA for the API server a production release depends on.",
                    RELIABILITY + "; Checkov CKV_AZURE_170", "Set cluster.skuTier: Standard (or Premium).",
                    each(MANAGED_CLUSTER, r -> r.text("sku.tier").filter(t -> !t.equalsIgnoreCase("Free")).isPresent(),
                            "the cluster has the Free tier")),
            rule("PI-AKS-011", "CKV_AZURE_172", LOW, EVERY_STAGE, "AKS mounts Key Vault secrets with rotation",
                    "Secrets reach pods from Key Vault and follow rotation, instead of living in Kubernetes secrets.",
                    AKS_BASELINE + ", IM-8", "Built in: AksCluster enables azureKeyvaultSecretsProvider with rotation.",
                    each(MANAGED_CLUSTER, r -> r.is("addonProfiles.azureKeyvaultSecretsProvider.enabled", true)
                                    && "true".equals(String.valueOf(r.input("addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation").orElse(""))),
                            "the Key Vault secrets provider or its rotation is off")),
            rule("PI-AKS-012", null, MEDIUM, EVERY_STAGE, "AKS workloads authenticate with workload identity",
                    "Pods get short-lived tokens for their own managed identity instead of stored credentials.",
                    AKS_BASELINE + ", IM-3", "Built in: AksCluster enables the OIDC issuer and workload identity.",
                    each(MANAGED_CLUSTER, r -> r.is("oidcIssuerProfile.enabled", true)
                            && r.is("securityProfile.workloadIdentity.enabled", true), "workload identity is off")),
            rule("PI-AKS-013", null, HIGH, EVERY_STAGE, "Kubernetes resources use the stage's own cluster provider",
                    "A Kubernetes resource on the default provider goes to whatever cluster the local kube context"
                            + " names: that is how a local apply once hit the wrong cluster.",
                    "platform-infra incident review (shared background)",
                    "Create Kubernetes resources with the AksCluster component's provider; Pulumi.yaml disables the"
                            + " default kubernetes provider.",
                    resources -> resources.resources().stream()
                            .filter(r -> r.type().startsWith("kubernetes:") && r.provider().isEmpty())
                            .map(r -> Finding.of(r, "uses the default Kubernetes provider (the ambient kube context)"))
                            .toList()),
            rule("PI-AKS-014", null, MEDIUM, PRODUCTION, "Production AKS clusters run Microsoft Defender for Containers",
                    "Runtime threat detection and vulnerability findings for the nodes and workloads that serve"
                            + " customers. Development stages may leave it off: it is billed per vCPU.",
                    AKS_BASELINE + ", LT-1; aks/concepts-security.md", "Leave cluster.defender at its default (true).",
                    each(MANAGED_CLUSTER, r -> r.is("securityProfile.defender.securityMonitoring.enabled", true),
                            "Defender for Containers is off")),
            rule("PI-AKS-015", null, MEDIUM, EVERY_STAGE, "AKS run command is disabled",
                    "`az aks command invoke` runs commands in the cluster with AKS's own credentials, around the API"
                            + " server's network limits: nobody works on a cluster from a laptop.",
                    "aks/access-private-cluster.md, \"Disable run command\"",
                    "Built in: AksCluster sets apiServerAccessProfile.disableRunCommand.",
                    each(MANAGED_CLUSTER, r -> r.is("apiServerAccessProfile.disableRunCommand", true),
                            "run command is enabled")),
            rule("PI-AKS-016", null, HIGH, PRODUCTION, "The pod security baseline denies privileged pods in production",
                    "The Azure Policy add-on enforces only what is assigned; without the baseline a privileged or"
                            + " host-network pod is admitted. Development stages may audit instead, to try charts.",
                    AKS_BASELINE + ", PV-2; aks/use-azure-policy.md; Azure Policy initiative "
                            + BuiltInPolicies.POD_SECURITY_BASELINE,
                    "Leave cluster.podSecurityBaseline at its default (deny).",
                    target -> target.ofType(MANAGED_CLUSTER).stream().flatMap(cluster -> {
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
                    }).toList()),
            rule("PI-AKS-017", null, MEDIUM, EVERY_STAGE, "AKS sends the API server's audit log",
                    "Who changed what in the cluster is read from the audit log; kube-audit-admin keeps the writes"
                            + " at a fraction of kube-audit's cost.",
                    AKS_BASELINE + ", LT-3; aks/monitor-aks.md (resource logs)",
                    "Built in: AksCluster sends kube-audit-admin in its diagnostic settings.",
                    target -> target.ofType(MANAGED_CLUSTER).stream()
                            .filter(cluster -> dependents(target, DIAGNOSTIC_SETTING, cluster).stream()
                                    .noneMatch(d -> d.list("logs").stream().anyMatch(log -> log instanceof Map<?, ?> m
                                            && Set.of("kube-audit-admin", "kube-audit").contains(m.get("category"))
                                            && Boolean.TRUE.equals(m.get("enabled")))))
                            .map(cluster -> Finding.of(cluster, "no diagnostic setting sends kube-audit-admin"))
                            .toList()),
            rule("PI-AKS-018", null, LOW, PRODUCTION, "Production AKS clusters upgrade inside a maintenance window",
                    "Without a window AKS upgrades the cluster whenever a new version is out, also at peak traffic.",
                    "aks/planned-maintenance.md", "Set cluster.maintenanceWindow (default: Sunday 02:00 UTC, 4 hours).",
                    target -> target.ofType(MANAGED_CLUSTER).stream()
                            .filter(cluster -> dependents(target, MAINTENANCE_CONFIGURATION_WINDOW,
                                    cluster).isEmpty())
                            .map(cluster -> Finding.of(cluster, "has no auto-upgrade maintenance window")).toList()),
            rule("PI-AKS-019", null, MEDIUM, PRODUCTION, "Production node pools spread across availability zones",
                    "A pool in one zone goes down with it; zones cannot be added to an existing pool later.",
                    RELIABILITY + "; reliability/reliability-aks.md",
                    "Set cluster.availabilityZones to at least two of the region's zones; in a region without zones,"
                            + " waive this rule with the reason.",
                    target -> {
                        var findings = new ArrayList<Finding>();
                        target.ofType(MANAGED_CLUSTER).forEach(cluster -> cluster.list("agentPoolProfiles").stream()
                                .filter(pool -> pool instanceof Map<?, ?> m && zoneCount(m.get("availabilityZones")) < 2)
                                .forEach(pool -> findings.add(Finding.of(cluster, "pool " + ((Map<?, ?>) pool).get("name")
                                        + " is in fewer than two zones"))));
                        target.ofType(AGENT_POOL).stream()
                                .filter(pool -> zoneCount(pool.input("availabilityZones").orElse(null)) < 2)
                                .forEach(pool -> findings.add(Finding.of(pool, "is in fewer than two zones")));
                        return findings;
                    }),
            // --- Lifecycle
            rule("PI-LIFE-001", null, LOW, ADVICE, "No version leaves Azure's support within "
                            + VersionSupport.WARNING_DAYS + " days",
                    "After the last day of standard support AKS upgrades a cluster by itself (or it runs unsupported)"
                            + " and PostgreSQL moves to paid extended support: plan the upgrade while there is time.",
                    "vocabulary/src/main/java/io/platforminfra/azure/VersionSupport.java (dated table; docs/versions.md)",
                    "Move the stack file's cluster.kubernetesVersion or database.version to a newer supported version.",
                    target -> Stream.of(
                                    versions(target, MANAGED_CLUSTER, "kubernetesVersion", VersionSupport.Product.KUBERNETES),
                                    versions(target, AGENT_POOL, "orchestratorVersion",
                                            VersionSupport.Product.KUBERNETES),
                                    versions(target, POSTGRES_SERVER, "version", VersionSupport.Product.POSTGRESQL))
                            .flatMap(List::stream).toList()),
            // --- Key Vault
            rule("PI-KV-001", "CKV_AZURE_110", HIGH, PRODUCTION, "Key Vault has purge protection",
                    "Without it a deleted vault and its keys can be purged at once, by mistake or by an attacker."
                            + " Development stages may turn it off to be torn down and created again: with it, the"
                            + " deleted vault keeps its name for the whole retention.",
                    KV_BASELINE + ", DP-8", "Leave secretStore.purgeProtection at its default (true).",
                    each(VAULT, r -> r.is("properties.enablePurgeProtection", true), "purge protection is off")),
            rule("PI-KV-002", "CKV_AZURE_42", HIGH, EVERY_STAGE, "Key Vault has soft delete",
                    "Deleted secrets stay recoverable for the retention period.",
                    KV_BASELINE + ", DP-8", "Built in: SecretStore enables soft delete.",
                    each(VAULT, r -> r.is("properties.enableSoftDelete", true), "soft delete is off")),
            rule("PI-KV-003", null, HIGH, EVERY_STAGE, "Key Vault uses Azure RBAC, not access policies",
                    "Access policies are invisible to Azure RBAC reviews and grant whole object classes at once.",
                    KV_BASELINE + ", PA-7", "Built in: SecretStore sets enableRbacAuthorization and no access policies.",
                    each(VAULT, r -> r.is("properties.enableRbacAuthorization", true)
                            && r.list("properties.accessPolicies").isEmpty(), "access policies instead of Azure RBAC")),
            rule("PI-KV-004", "CKV_AZURE_109", HIGH, EVERY_STAGE, "Key Vault denies network access by default",
                    "Only the private endpoint, trusted Azure services and named ranges may reach the vault.",
                    KV_BASELINE + ", NS-2", "Built in: SecretStore sets networkAcls.defaultAction: Deny.",
                    each(VAULT, r -> r.is("properties.networkAcls.defaultAction", "Deny"), "the firewall allows by default")),
            rule("PI-KV-005", "CKV_AZURE_189", HIGH, EVERY_STAGE,
                    "Key Vault public network access is off or limited to named ranges",
                    "A vault reachable from the internet depends on its credentials alone.",
                    KV_BASELINE + ", NS-2; " + OPEN_LIMIT_SOURCE, "Leave secretStore.allowedIpRanges empty, or list"
                            + " specific ranges (never 0.0.0.0/0, together at most " + OPEN_LIMIT + ").",
                    publicAccessLimited(VAULT, "properties.publicNetworkAccess", "properties.networkAcls.ipRules",
                            "value")),
            rule("PI-KV-006", "CKV2_AZURE_32", MEDIUM, EVERY_STAGE, "Key Vault is reached through a private endpoint",
                    "Workloads reach the vault over the virtual network, not over the internet.",
                    KV_BASELINE + ", NS-2", "Built in: SecretStore creates a private endpoint for the vault.",
                    reachedPrivately(VAULT, "no private endpoint")),
            // --- Storage
            rule("PI-ST-001", "CKV_AZURE_3", HIGH, EVERY_STAGE, "Storage accepts HTTPS only",
                    "Data in transit is always encrypted.", ST_BASELINE + ", DP-3",
                    "Built in: ObjectStorage sets enableHttpsTrafficOnly.",
                    each(STORAGE_ACCOUNT, r -> r.is("enableHttpsTrafficOnly", true), "HTTP is allowed")),
            rule("PI-ST-002", "CKV_AZURE_44", HIGH, EVERY_STAGE, "Storage requires TLS 1.2",
                    "TLS 1.0 and 1.1 have known weaknesses and are retired by Azure.", ST_BASELINE + ", DP-3",
                    "Built in: ObjectStorage sets minimumTlsVersion TLS1_2.",
                    each(STORAGE_ACCOUNT, r -> r.is("minimumTlsVersion", "TLS1_2"), "TLS older than 1.2 is accepted")),
            rule("PI-ST-003", "CKV_AZURE_190", HIGH, EVERY_STAGE, "Storage allows no anonymous blob access",
                    "A container made public by mistake publishes its data to everyone.", ST_BASELINE + ", DP-2",
                    "Built in: ObjectStorage sets allowBlobPublicAccess: false.",
                    each(STORAGE_ACCOUNT, r -> r.is("allowBlobPublicAccess", false), "anonymous blob access is allowed")),
            rule("PI-ST-004", "CKV_AZURE_59", HIGH, EVERY_STAGE,
                    "Storage public network access is off or limited to named ranges",
                    "An account reachable from the internet depends on its credentials alone.",
                    ST_BASELINE + ", NS-2; " + OPEN_LIMIT_SOURCE,
                    "Leave storage.allowedIpRanges empty, or list specific ranges (never 0.0.0.0/0, together at most "
                            + OPEN_LIMIT + ").",
                    publicAccessLimited(STORAGE_ACCOUNT, "publicNetworkAccess", "networkRuleSet.ipRules",
                            "iPAddressOrRange")),
            rule("PI-ST-005", "CKV_AZURE_35", HIGH, EVERY_STAGE, "Storage denies network access by default",
                    "Only the private endpoint, trusted Azure services and named ranges may reach the account.",
                    ST_BASELINE + ", NS-2", "Built in: ObjectStorage sets networkRuleSet.defaultAction: Deny.",
                    each(STORAGE_ACCOUNT, r -> r.is("networkRuleSet.defaultAction", "Deny"), "the firewall allows by default")),
            rule("PI-ST-006", "CKV2_AZURE_40", HIGH, EVERY_STAGE, "Storage refuses shared key authorization",
                    "Account keys grant everything, never expire and leave no trace of who used them.",
                    ST_BASELINE + ", IM-1", "Built in: ObjectStorage sets allowSharedKeyAccess: false.",
                    each(STORAGE_ACCOUNT, r -> r.is("allowSharedKeyAccess", false), "shared keys are accepted")),
            rule("PI-ST-007", "CKV_AZURE_206", MEDIUM, PRODUCTION, "Production storage is replicated beyond one datacenter",
                    "LRS keeps three copies in one datacenter: a datacenter outage takes the data offline.",
                    RELIABILITY + "; Checkov CKV_AZURE_206", "Set storage.replication to ZRS, GZRS or RAGZRS.",
                    each(STORAGE_ACCOUNT, r -> r.text("sku.name").filter(s -> !s.endsWith("_LRS")).isPresent(),
                            "locally redundant storage (LRS)")),
            rule("PI-ST-008", "CKV2_AZURE_38", MEDIUM, EVERY_STAGE, "Deleted blobs and containers can be recovered",
                    "Soft delete turns an accidental or malicious delete into a restore instead of a loss.",
                    ST_BASELINE + ", BR-1", "Built in: ObjectStorage enables soft delete (storage.softDeleteDays).",
                    each(BLOB_SERVICE, r -> r.is("deleteRetentionPolicy.enabled", true)
                            && r.is("containerDeleteRetentionPolicy.enabled", true), "soft delete is off")),
            rule("PI-ST-009", "CKV_AZURE_34", HIGH, EVERY_STAGE, "Blob containers are private",
                    "A public container serves its blobs to anyone with the URL.", ST_BASELINE + ", DP-2",
                    "Built in: ObjectStorage creates containers with publicAccess None.",
                    each(BLOB_CONTAINER, r -> r.text("publicAccess").filter("None"::equals).isPresent(),
                            "the container is public")),
            rule("PI-ST-010", null, LOW, EVERY_STAGE, "Storage does not replicate to other tenants",
                    "Object replication to another tenant copies data out of the company's control.",
                    ST_BASELINE + ", DP-2", "Built in: ObjectStorage sets allowCrossTenantReplication: false.",
                    each(STORAGE_ACCOUNT, r -> r.is("allowCrossTenantReplication", false),
                            "cross-tenant replication is allowed")),
            // --- PostgreSQL
            rule("PI-PG-001", null, HIGH, EVERY_STAGE, "PostgreSQL has no public access",
                    "A server in a delegated subnet has no public endpoint at all.", PG_BASELINE + ", NS-2",
                    "Built in: Database places the server in the delegated database subnet.",
                    each(POSTGRES_SERVER, r -> r.isSet("network.delegatedSubnetResourceId"), "the server is publicly reachable")),
            rule("PI-PG-002", null, HIGH, EVERY_STAGE, "PostgreSQL authenticates with Entra ID",
                    "Database access follows group membership and is revoked with it.", PG_BASELINE + ", IM-1",
                    "Built in: Database enables Entra ID authentication with database.adminGroupObjectId as admin.",
                    each(POSTGRES_SERVER, r -> r.is("authConfig.activeDirectoryAuth", "Enabled"), "Entra ID authentication is off")),
            rule("PI-PG-003", null, MEDIUM, EVERY_STAGE, "PostgreSQL password authentication is off",
                    "A password is a shared, long-lived credential; Entra ID tokens are neither.", PG_BASELINE + ", IM-1",
                    "Remove database.passwordAuth (or waive this rule with a reason and an end date).",
                    each(POSTGRES_SERVER, r -> !r.is("authConfig.passwordAuth", "Enabled"), "password authentication is on")),
            rule("PI-PG-004", "CKV_AZURE_136", HIGH, PRODUCTION, "Production PostgreSQL backups are geo-redundant",
                    "A regional outage must not take the only copy of the backups with it.", PG_BASELINE + ", BR-1",
                    "Set database.geoRedundantBackup: true.",
                    each(POSTGRES_SERVER, r -> r.is("backup.geoRedundantBackup", "Enabled"), "backups stay in one region")),
            rule("PI-PG-005", null, HIGH, PRODUCTION, "Production PostgreSQL is highly available",
                    "A standby in another zone takes over in seconds instead of a restore taking hours.",
                    RELIABILITY, "Set database.highAvailability: ZoneRedundant (a GeneralPurpose or MemoryOptimized tier).",
                    each(POSTGRES_SERVER, r -> r.text("highAvailability.mode").filter(m -> !m.equals("Disabled")).isPresent(),
                            "high availability is off")),
            rule("PI-PG-006", null, MEDIUM, PRODUCTION, "Production PostgreSQL keeps backups for at least 14 days",
                    "Corruption is often found days later; a week of backups may no longer reach back far enough.",
                    PG_BASELINE + ", BR-2", "Set database.backupRetentionDays to 14 or more (up to 35).",
                    each(POSTGRES_SERVER, r -> r.number("backup.backupRetentionDays").filter(d -> d >= 14).isPresent(),
                            "backups are kept for less than 14 days")),
            rule("PI-PG-007", null, HIGH, EVERY_STAGE, "PostgreSQL requires TLS",
                    "Connections without TLS expose credentials and data on the network.", PG_BASELINE + ", DP-3",
                    "Built in: Database sets require_secure_transport to on.",
                    resources -> resources.ofType(POSTGRES_SERVER).stream()
                            .filter(server -> resources.ofType(POSTGRES_CONFIGURATION).stream().noneMatch(c ->
                                    c.dependsOn(server) && c.is("configurationName", "require_secure_transport")
                                            && c.is("value", "on")))
                            .map(server -> Finding.of(server, "require_secure_transport is not on")).toList()),
            rule("PI-PG-008", null, HIGH, EVERY_STAGE, "No PostgreSQL firewall rule opens the server to the world",
                    "A rule from 0.0.0.0 to 255.255.255.255 makes every address on the internet a client; so does"
                            + " any rule covering more than " + OPEN_LIMIT + ", and a rule from 0.0.0.0 to 0.0.0.0"
                            + " admits every Azure customer's services.",
                    PG_BASELINE + ", NS-2; postgresql/flexible-server how-to-networking (\"Allow public access from"
                            + " any Azure service\"); " + OPEN_LIMIT_SOURCE,
                    "Remove the firewall rule; clients connect through the virtual network.",
                    target -> target.ofType(POSTGRES_FIREWALL_RULE).stream().flatMap(r ->
                            IpRanges.firewallRuleOpenToTheInternet(r.input("startIpAddress").orElse(null),
                                    r.input("endIpAddress").orElse(null)).stream()
                                    .map(why -> Finding.of(r, "the rule opens the server to the internet: " + why)))
                            .toList()),
            // --- Network
            rule("PI-NET-001", "CKV2_AZURE_31", MEDIUM, EVERY_STAGE, "Every subnet has a network security group",
                    "A subnet without an NSG has no place to add a deny rule during an incident.",
                    MCSB + ", NS-1", "Built in: Network attaches its NSG to every subnet.",
                    each(SUBNET, r -> r.isSet("networkSecurityGroup.id"), "no network security group")),
            rule("PI-NET-002", null, HIGH, EVERY_STAGE, "No security rule allows inbound traffic from the internet",
                    "Ingress goes through the cluster's load balancer and private endpoints, never straight to a subnet.",
                    MCSB + ", NS-1; " + OPEN_LIMIT_SOURCE, "Remove the rule, or limit its source to specific ranges"
                            + " (together at most " + OPEN_LIMIT + ").",
                    resources -> {
                        var findings = new ArrayList<Finding>();
                        for (var nsg : resources.ofType(NETWORK_SECURITY_GROUP)) {
                            nsg.list("securityRules").forEach(rule -> {
                                if (rule instanceof Map<?, ?> m) {
                                    opensInbound(m).ifPresent(why -> findings.add(Finding.of(nsg, "rule " + m.get("name")
                                            + " allows inbound traffic from the internet: " + why)));
                                }
                            });
                        }
                        resources.ofType(SECURITY_RULE).forEach(r -> opensInbound(r.inputs()).ifPresent(why ->
                                findings.add(Finding.of(r, "allows inbound traffic from the internet: " + why))));
                        return findings;
                    }),
            // --- Identities and access
            rule("PI-ID-001", null, HIGH, EVERY_STAGE, "The program grants no privileged role",
                    "Owner, Contributor and access administration roles let a principal change anything, including"
                            + " who else may; the program grants only data-plane and reader roles.",
                    MCSB + ", PA-7", "Grant a narrower built-in role through a component method.",
                    each(ROLE_ASSIGNMENT, r -> r.text("roleDefinitionId").map(Rules::privileged).filter(p -> !p).isPresent()
                            || r.input("roleDefinitionId").filter(PolicyResource.Value.UNKNOWN::equals).isPresent(),
                            "grants a privileged role")),
            rule("PI-ID-002", null, MEDIUM, EVERY_STAGE, "Access is granted to groups and workload identities, never to people",
                    "Access given to a person outlives their role; groups are reviewed and emptied in one place.",
                    MCSB + ", PA-1", "Grant to an Entra ID group (platform-infra:access) or a managed identity.",
                    each(ROLE_ASSIGNMENT, r -> r.text("principalType").filter(t -> t.equals("Group")
                            || t.equals("ServicePrincipal")).isPresent(), "granted to a user or an unnamed principal type")),
            rule("PI-ID-003", null, MEDIUM, EVERY_STAGE, "Federated credentials trust only a Kubernetes service account",
                    "A federated credential with another subject lets an outside token act as the identity.",
                    MCSB + ", IM-3", "Built in: AksCluster federates system:serviceaccount:<namespace>:workload only.",
                    each(FEDERATED_IDENTITY_CREDENTIAL, r -> r.text("subject").filter(s -> s.startsWith("system:serviceaccount:"))
                            .isPresent() && r.list("audiences").equals(List.of("api://AzureADTokenExchange")),
                            "trusts a subject or audience other than a service account")),
            // --- Tags
            rule("PI-TAG-001", null, LOW, EVERY_STAGE, "Resources carry the standard tags",
                    "Cost, ownership and origin of every resource are read from its tags.",
                    "Cloud Adoption Framework, resource tagging", "Built in: the program tags every resource; set"
                            + " platform-infra:owner and platform-infra:costCenter.",
                    resources -> resources.resources().stream().filter(r -> r.azureType().filter(TAGGED::contains).isPresent())
                            .filter(r -> !(r.input("tags").orElse(null) instanceof Map<?, ?> tags
                                    && tags.keySet().containsAll(List.of("stage", "owner", "cost-center", "managed-by",
                                    "repository"))))
                            .map(r -> Finding.of(r, "a standard tag is missing")).toList()),
            // --- Monitoring
            rule("PI-MON-001", null, MEDIUM, EVERY_STAGE, "Cluster, vault, storage and database send diagnostics",
                    "Audit logs of the stateful services are where an investigation starts.", MCSB + ", LT-3",
                    "Built in: each component sends its diagnostic settings to the stage's workspace.",
                    resources -> resources.resources().stream().filter(r -> guardedInProduction(r))
                            .filter(target -> resources.ofType(DIAGNOSTIC_SETTING).stream().noneMatch(d -> d.dependsOn(target)))
                            .map(target -> Finding.of(target, "sends no diagnostic settings")).toList()),
            rule("PI-MON-002", null, LOW, PRODUCTION, "Production logs are kept for at least 90 days",
                    "Security investigations regularly reach back more than a month.", MCSB + ", LT-6",
                    "Set monitoring.retentionDays to 90 or more.",
                    each(LOG_ANALYTICS_WORKSPACE, r -> r.number("retentionInDays").filter(d -> d >= 90).isPresent(),
                            "logs are kept for less than 90 days")),
            // --- Governance
            rule("PI-GOV-001", null, HIGH, PRODUCTION_ONLY, "Production stateful resources are protected in Pulumi",
                    "With protect, no preview or update may delete or replace the cluster, vault, storage or database:"
                            + " a rename in a pull request cannot destroy data.",
                    "Pulumi resource option protect; platform-infra incident review",
                    "Built in for production stages (environmentType: production).",
                    resources -> resources.resources().stream()
                            .filter(r -> (guardedInProduction(r) || r.azureType().filter(POSTGRES_DATABASE::equals).isPresent())
                                    && !r.protect())
                            .map(r -> Finding.of(r, "is not protected")).toList()),
            rule(LOCK_RULE, null, HIGH, PRODUCTION_ONLY, "Production stateful resources have a CanNotDelete lock",
                    "A lock stops a delete from the portal or any tool, which Pulumi's protect cannot.",
                    "Azure Resource Manager: lock resources to prevent unexpected changes (Microsoft Learn)",
                    "Built in for production stages.",
                    resources -> resources.resources().stream().filter(r -> guardedInProduction(r))
                            .filter(target -> resources.ofType(LOCK).stream().noneMatch(lock ->
                                    lock.dependsOn(target) && lock.is("level", "CanNotDelete")))
                            .map(target -> Finding.of(target, "has no CanNotDelete lock")).toList()),
            rule(PolicyCheck.EXPIRED_WAIVER_RULE, null, HIGH, EVERY_STAGE, "Waivers are renewed or removed when they expire",
                    "An exception accepted for a time must not become permanent by being forgotten.",
                    "platform-infra policy process (docs/policies.md)",
                    "Fix the violation and remove the waiver, or renew it with a new reason and date in review.",
                    resources -> List.of()));

    private Rules() {
    }

    /**
     * Whether production must protect, lock and monitor {@code resource}: the types the one table marks
     * {@link AzureResourceType#guardedInProduction()}.
     */
    private static boolean guardedInProduction(PolicyResource resource) {
        return resource.azureType().filter(AzureResourceType::guardedInProduction).isPresent();
    }

    /** The resources of {@code type} that depend on {@code target} (are attached to it). */
    private static List<PolicyResource> dependents(PolicyTarget target, AzureResourceType type, PolicyResource of) {
        return target.ofType(type).stream().filter(r -> r.dependsOn(of)).toList();
    }

    private static int zoneCount(Object zones) {
        return zones instanceof List<?> list ? list.size() : 0;
    }

    /** A finding for each resource of {@code type} whose version at {@code path} ends within the warning days. */
    private static List<Finding> versions(PolicyTarget target, AzureResourceType type, String path, VersionSupport.Product product) {
        return target.ofType(type).stream().flatMap(r -> r.text(path).flatMap(version ->
                        VersionSupport.endingSoon(product, version, target.asOf())
                                .map(last -> Finding.of(r, product.title() + " " + version + " leaves standard support"
                                        + " after " + last + " (" + ChronoUnit.DAYS.between(target.asOf(), last)
                                        + " days from " + target.asOf() + ")"))).stream())
                .toList();
    }

    /** The rule with ID {@code id}. */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    private static Rule rule(String id, String checkovId, Severity severity, Scope scope, String title,
                             String rationale, String source, String remediation, Rule.Check check) {
        return new Rule(id, Optional.ofNullable(checkovId), severity, scope, title, rationale, source, remediation, check);
    }

    /** A check of every resource of {@code type}: a finding with {@code problem} where {@code holds} is false. */
    private static Rule.Check each(AzureResourceType type, Predicate<PolicyResource> holds, String problem) {
        return target -> target.ofType(type).stream().filter(holds.negate()).map(r -> Finding.of(r, problem)).toList();
    }

    /**
     * Public access is off, or on only for specific ranges that together do not open the resource to the internet
     * ({@link IpRanges#openToTheInternet}: judged on what the list covers, not on how an entry is spelled).
     */
    private static Rule.Check publicAccessLimited(AzureResourceType type, String accessPath, String rulesPath, String rangeField) {
        return target -> target.ofType(type).stream().flatMap(r -> {
            if (r.is(accessPath, "Disabled")) {
                return Stream.<Finding>empty();
            }
            var ranges = r.list(rulesPath).stream()
                    .map(rule -> rule instanceof Map<?, ?> m ? m.get(rangeField) : rule).toList();
            if (ranges.isEmpty()) {
                return Stream.of(Finding.of(r, "public network access is on without named IP ranges"));
            }
            return IpRanges.openToTheInternet(ranges).stream()
                    .map(why -> Finding.of(r, "public network access is open to the internet: " + why));
        }).toList();
    }

    /** The resource of {@code type} has a private endpoint that depends on it (it connects to its ID). */
    private static Rule.Check reachedPrivately(AzureResourceType type, String problem) {
        return target -> target.ofType(type).stream()
                .filter(resource -> target.ofType(PRIVATE_ENDPOINT).stream().noneMatch(pe -> pe.dependsOn(resource)))
                .map(resource -> Finding.of(resource, problem)).toList();
    }

    /**
     * Why an inbound allow rule admits the internet, judged on the union of its sources: {@code sourceAddressPrefix}
     * and every entry of {@code sourceAddressPrefixes} (a rule may use either, or both); empty when it does not.
     */
    private static Optional<String> opensInbound(Map<?, ?> rule) {
        Function<String, String> field = key -> String.valueOf(rule.get(key));
        if (!"Inbound".equalsIgnoreCase(field.apply("direction")) || !"Allow".equalsIgnoreCase(field.apply("access"))) {
            return Optional.empty();
        }
        var sources = new ArrayList<Object>();
        if (rule.get("sourceAddressPrefix") != null) {
            sources.add(rule.get("sourceAddressPrefix"));
        }
        if (rule.get("sourceAddressPrefixes") instanceof List<?> prefixes) {
            sources.addAll(prefixes);
        }
        // No source at all is how an incomplete rule reads; Azure requires one, so there is nothing to judge.
        return sources.isEmpty() ? Optional.empty() : IpRanges.sourcesOpenToTheInternet(sources);
    }

    /** Owner, Contributor, User Access Administrator, Role Based Access Control Administrator. */
    private static boolean privileged(String roleDefinitionId) {
        return Set.of("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
                        "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "f58310d9-a9f6-439a-9e8d-f62e7b41a168")
                .contains(roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1));
    }
}
