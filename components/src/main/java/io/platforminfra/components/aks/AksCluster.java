package io.platforminfra.components.aks;

import com.pulumi.azurenative.authorization.PolicyAssignment;
import com.pulumi.azurenative.authorization.PolicyAssignmentArgs;
import com.pulumi.azurenative.authorization.inputs.ParameterValuesValueArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileDefenderArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileDefenderSecurityMonitoringArgs;
import com.pulumi.resources.Resource;
import com.pulumi.azurenative.containerservice.ContainerserviceFunctions;
import com.pulumi.azurenative.containerservice.ManagedCluster;
import com.pulumi.azurenative.containerservice.ManagedClusterArgs;
import com.pulumi.azurenative.containerservice.enums.ResourceIdentityType;
import com.pulumi.azurenative.containerservice.inputs.ContainerServiceNetworkProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ListManagedClusterUserCredentialsArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAADProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAPIServerAccessProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAddonProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAutoUpgradeProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterIdentityArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterOIDCIssuerProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSKUArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileWorkloadIdentityArgs;
import com.pulumi.azurenative.containerservice.outputs.ManagedClusterOIDCIssuerProfileResponse;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredential;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredentialArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.BuiltInPolicies;
import io.platforminfra.components.base.AzureComponent;
import io.platforminfra.components.access.BuiltInRole;
import io.platforminfra.components.base.Components;
import io.platforminfra.components.base.Placement;
import io.platforminfra.components.access.RoleAssignments;
import io.platforminfra.components.base.StatefulResources;
import io.platforminfra.components.attach.DiagnosticSettings;

import javax.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AKS cluster as the platform runs it, plus the Kubernetes provider that talks to exactly this cluster.
 *
 * <ul>
 *   <li>Entra ID with Azure RBAC, local accounts off: every access is a person's or workload's own identity.</li>
 *   <li>API server reachable only from authorized ranges, or private.</li>
 *   <li>Azure CNI overlay powered by Cilium, with Cilium network policy.</li>
 *   <li>OIDC issuer and workload identity; Key Vault secrets provider (with rotation); Azure Policy with the pod
 *       security baseline assigned; Defender for Containers; no run command.</li>
 *   <li>Container Insights (Entra ID authentication) and control-plane logs (kube-audit-admin) to the stage's
 *       workspace.</li>
 *   <li>Automatic upgrades by channel, inside a weekly maintenance window.</li>
 *   <li>A system pool tainted for critical add-ons, and autoscaling user pools, all spread across the region's
 *       zones.</li>
 *   <li>In production stages: protected in Pulumi and locked against deletion, the lock created after everything
 *       that lives under the cluster (see {@link StatefulResources#lock}).</li>
 * </ul>
 *
 * <p>The Kubernetes provider is built from this cluster's own credentials. Together with
 * {@code pulumi:disable-default-providers: [kubernetes]} in {@code Pulumi.yaml}, no Kubernetes resource can go to
 * whatever cluster a kube context points at: the incident where a local apply hit the wrong cluster cannot recur.
 * Through that provider the cluster's application namespaces are created, each with a service account bound to
 * its own managed identity ({@link #workloadIdentities()}).
 */
public class AksCluster extends AzureComponent {
    /** Pulumi type token. */
    public static final String TYPE = Components.TYPE_PREFIX + "AksCluster";
    /** Name of the service account created in every application namespace. */
    public static final String WORKLOAD_SERVICE_ACCOUNT = "workload";
    /** Audience of tokens exchanged through workload identity federation (fixed by Entra ID). */
    static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";
    /**
     * Control-plane log categories sent to the workspace: every category of an AKS cluster (aks/monitor-aks.md)
     * except kube-audit (the costly full audit, kube-audit-admin covers the writes) and the CSI drivers' controllers.
     */
    static final List<String> LOG_CATEGORIES = List.of("kube-apiserver", "kube-audit-admin", "kube-controller-manager",
            "kube-scheduler", "cluster-autoscaler", "guard");

    private final Output<String> oidcIssuerUrl;
    private final Output<String> kubeconfig;
    private final Provider provider;
    private final Map<String, WorkloadIdentity> workloadIdentities;

    /** Creates the cluster; throws before registering anything when the settings are invalid. */
    public AksCluster(String name, AksClusterArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, AzureResourceType.MANAGED_CLUSTER, name, args, options);
        var placement = args.getPlacement();
        var settings = args.getSettings();
        var clusterName = mainResourceName();
        var zones = settings.zonesIn(placement.location());

        // A user-assigned control-plane identity exists before the cluster, so it can be granted the node subnet
        // first; a system-assigned one would only exist after the cluster already needed the grant. AKS warns that
        // such a grant "can take up to 60 minutes" to propagate (aks/use-managed-identity.md): a first `pulumi up`
        // that Azure refuses for the missing permission is retried by the release job (pipelines/scripts/
        // pulumi-stages.sh, docs/pipelines.md).
        var controlPlane = new UserAssignedIdentity(name + "-identity", UserAssignedIdentityArgs.builder()
                .resourceName(placement.naming().name(AzureResourceType.USER_ASSIGNED_IDENTITY, "aks"))
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .tags(placement.tags())
                .build(), CustomResourceOptions.builder().parent(this).build());
        var subnetGrant = RoleAssignments.grant(name + "-subnet-network-contributor", BuiltInRole.NETWORK_CONTRIBUTOR,
                controlPlane.principalId(), args.getNodeSubnetId(), placement, this);

        var clusterOptions = StatefulResources.options(adoption(), placement, this).dependsOn(subnetGrant)
                // Inline pools cannot be updated through the cluster (NodePools): the system pool is set at creation,
                // the user pools are resources of their own and would read back as a difference here.
                .ignoreChanges(settings.upgradesMinorsItself() ? List.of("agentPoolProfiles", "kubernetesVersion")
                        : List.of("agentPoolProfiles"));
        var cluster = new ManagedCluster(name + "-aks", clusterArgs(clusterName, args, zones, controlPlane),
                clusterOptions.build());

        var underCluster = new ArrayList<Resource>(NodePools.user(name, settings.getUserPools(), zones, cluster.name(),
                args.getNodeSubnetId(), placement, this));
        underCluster.add(new AutoUpgradeSchedule(name + "-upgrade-window", cluster.name(),
                placement.resourceGroupName(), settings.getMaintenanceWindow(),
                CustomResourceOptions.builder().parent(this).build()));
        underCluster.add(ContainerInsights.collect(name, cluster.id(), args.getLogAnalyticsWorkspaceId(),
                "dcr-" + clusterName, placement, this));
        underCluster.add(podSecurityBaseline(name, cluster, settings.getPodSecurityBaseline()));
        // kube-audit-admin rather than kube-audit: the same write events without every get and list, the bulk of
        // the cost ("Enable collection from kube-audit-admin, which excludes the get and list audit events",
        // aks/monitor-aks.md).
        underCluster.add(DiagnosticSettings.send(name + "-aks-diag", cluster.id(), args.getLogAnalyticsWorkspaceId(),
                LOG_CATEGORIES, this));
        args.getClusterUserGroupObjectIds().forEach(group -> underCluster.add(RoleAssignments.grant(
                name + "-users-" + group, BuiltInRole.AKS_CLUSTER_USER, RoleAssignments.PrincipalType.Group,
                Output.of(group), cluster.id(), placement, this)));
        StatefulResources.lock(name + "-aks-lock", cluster, name + "-aks", underCluster, placement, this);

        this.oidcIssuerUrl = cluster.oidcIssuerProfile().applyValue(profile -> profile
                .map(ManagedClusterOIDCIssuerProfileResponse::issuerURL)
                .orElseThrow(() -> new IllegalStateException("AKS returned no OIDC issuer although it is enabled")));
        this.kubeconfig = userKubeconfig(cluster, placement, settings.getKubeloginMode());
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                // Server-side apply: field ownership is tracked by the API server, so a manual kubectl edit shows
                // up as a conflict instead of being silently overwritten.
                .enableServerSideApply(true)
                // The kubeconfig comes from an invoke, which carries no dependency on the cluster: without this, a
                // teardown could delete the cluster before the namespaces, which then cannot be reached. (deletedWith
                // the cluster would skip those deletes; pulumi-java 1.36.1 has no such option: docs/upgrading.md.)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(cluster).build());
        this.workloadIdentities = bootstrapNamespaces(name, placement, settings.getNamespaces());

        publish(cluster.id(), cluster.name(), Map.of("oidcIssuerUrl", oidcIssuerUrl, "kubeconfig", kubeconfig));
    }

    /**
     * The assignment of the pod security baseline initiative to the cluster. The Azure Policy add-on enforces only
     * what is assigned ("After you install the Azure Policy add-on for AKS, you can apply individual policy
     * definitions or initiatives", aks/use-azure-policy.md); assignments reach the cluster within about 20 minutes.
     * Writing it needs the deployer's policy assignment role (scripts/bootstrap.sh): Contributor cannot.
     */
    private PolicyAssignment podSecurityBaseline(String name, ManagedCluster cluster, String effect) {
        return new PolicyAssignment(name + "-pod-security", PolicyAssignmentArgs.builder()
                .policyAssignmentName("pod-security-baseline")
                .displayName("Kubernetes pod security baseline standards (platform-infra)")
                .scope(cluster.id())
                .policyDefinitionId(BuiltInPolicies.POD_SECURITY_BASELINE)
                .parameters(Map.of("effect", ParameterValuesValueArgs.builder().value(effect).build()))
                .enforcementMode("Default")
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    private ManagedClusterArgs clusterArgs(String clusterName, AksClusterArgs args, List<String> zones,
                                           UserAssignedIdentity controlPlane) {
        var placement = args.getPlacement();
        var settings = args.getSettings();

        var addons = new LinkedHashMap<String, ManagedClusterAddonProfileArgs>();
        addons.put("azurepolicy", ManagedClusterAddonProfileArgs.builder().enabled(true).build());
        addons.put("azureKeyvaultSecretsProvider", ManagedClusterAddonProfileArgs.builder().enabled(true)
                .config(Map.of("enableSecretRotation", "true", "rotationPollInterval", "2m")).build());
        addons.put("omsagent", ManagedClusterAddonProfileArgs.builder().enabled(true)
                .config(ContainerInsights.addonConfig(args.getLogAnalyticsWorkspaceId()))
                .build());

        var apiAccess = ManagedClusterAPIServerAccessProfileArgs.builder()
                .enablePrivateCluster(settings.isPrivateCluster())
                // `az aks command invoke` runs commands in the cluster with AKS's own credentials, around the API
                // server's network limits: nobody works on a cluster from a laptop.
                .disableRunCommand(true);
        if (!settings.isPrivateCluster()) {
            apiAccess.authorizedIPRanges(settings.getAuthorizedIpRanges());
        }
        var security = ManagedClusterSecurityProfileArgs.builder()
                .workloadIdentity(ManagedClusterSecurityProfileWorkloadIdentityArgs.builder().enabled(true).build());
        if (settings.isDefender()) {
            security.defender(ManagedClusterSecurityProfileDefenderArgs.builder()
                    .logAnalyticsWorkspaceResourceId(args.getLogAnalyticsWorkspaceId())
                    .securityMonitoring(ManagedClusterSecurityProfileDefenderSecurityMonitoringArgs.builder()
                            .enabled(true).build())
                    .build());
        }

        return ManagedClusterArgs.builder()
                .resourceName(clusterName)
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .dnsPrefix(clusterName)
                .kubernetesVersion(settings.getKubernetesVersion())
                .sku(ManagedClusterSKUArgs.builder().name("Base")
                        .tier(AksClusterSettings.SKU_TIERS.of(settings.getSkuTier())).build())
                .identity(ManagedClusterIdentityArgs.builder()
                        .type(ResourceIdentityType.UserAssigned)
                        .userAssignedIdentities(controlPlane.id().applyValue(List::of))
                        .build())
                .aadProfile(ManagedClusterAADProfileArgs.builder()
                        .managed(true)
                        .enableAzureRBAC(true)
                        .adminGroupObjectIDs(settings.getAdminGroupObjectIds())
                        .tenantID(placement.tenantId())
                        .build())
                .enableRBAC(true)
                .disableLocalAccounts(true)
                .oidcIssuerProfile(ManagedClusterOIDCIssuerProfileArgs.builder().enabled(true).build())
                .securityProfile(security.build())
                .networkProfile(ContainerServiceNetworkProfileArgs.builder()
                        .networkPlugin("azure")
                        .networkPluginMode("overlay")
                        .networkDataplane("cilium")
                        .networkPolicy("cilium")
                        .podCidr(settings.getPodCidr())
                        .serviceCidr(settings.getServiceCidr())
                        .dnsServiceIP(settings.dnsServiceIp())
                        .loadBalancerSku("standard")
                        .outboundType("loadBalancer")
                        .build())
                .apiServerAccessProfile(apiAccess.build())
                .autoUpgradeProfile(ManagedClusterAutoUpgradeProfileArgs.builder()
                        .upgradeChannel(AksClusterSettings.UPGRADE_CHANNELS.of(settings.getUpgradeChannel())).build())
                .addonProfiles(addons)
                .agentPoolProfiles(NodePools.system(settings.getSystemPool(), zones, args.getNodeSubnetId(), placement))
                .tags(placement.tags())
                .build();
    }

    /**
     * The Entra ID user kubeconfig of the cluster, rewritten for {@code loginMode}. It depends on the cluster's
     * name output, so in a preview of a new cluster it stays unknown instead of calling Azure for a cluster that
     * does not exist yet.
     */
    private static Output<String> userKubeconfig(ManagedCluster cluster, Placement placement, String loginMode) {
        return ContainerserviceFunctions.listManagedClusterUserCredentials(ListManagedClusterUserCredentialsArgs.builder()
                        .resourceGroupName(placement.resourceGroupName())
                        .resourceName(cluster.name())
                        .format("exec")
                        .build())
                .applyValue(result -> {
                    var encoded = result.kubeconfigs().get(0).value();
                    var yaml = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                    return KubeloginKubeconfig.withLoginMode(yaml, loginMode);
                })
                .asSecret();
    }

    private Map<String, WorkloadIdentity> bootstrapNamespaces(String name, Placement placement, List<String> namespaces) {
        var identities = new LinkedHashMap<String, WorkloadIdentity>();
        var kubernetes = CustomResourceOptions.builder().parent(this).provider(provider).build();
        for (var namespace : namespaces) {
            var prefix = name + "-" + namespace;
            var identity = new UserAssignedIdentity(prefix + "-identity", UserAssignedIdentityArgs.builder()
                    .resourceName(placement.naming().name(AzureResourceType.USER_ASSIGNED_IDENTITY, namespace))
                    .resourceGroupName(placement.resourceGroupName())
                    .location(placement.location())
                    .tags(placement.tags())
                    .build(), CustomResourceOptions.builder().parent(this).build());
            new FederatedIdentityCredential(prefix + "-federation", FederatedIdentityCredentialArgs.builder()
                    .federatedIdentityCredentialResourceName(namespace + "-" + WORKLOAD_SERVICE_ACCOUNT)
                    .resourceName(identity.name())
                    .resourceGroupName(placement.resourceGroupName())
                    .issuer(oidcIssuerUrl)
                    .subject("system:serviceaccount:" + namespace + ":" + WORKLOAD_SERVICE_ACCOUNT)
                    .audiences(TOKEN_EXCHANGE_AUDIENCE)
                    .build(), CustomResourceOptions.builder().parent(this).build());
            var ns = new Namespace(prefix + "-namespace", NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(namespace)
                            .labels(Map.of("app.kubernetes.io/managed-by", "pulumi"))
                            .build())
                    .build(), kubernetes);
            new ServiceAccount(prefix + "-service-account", ServiceAccountArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(WORKLOAD_SERVICE_ACCOUNT)
                            .namespace(ns.metadata().applyValue(m -> m.name().orElse(namespace)))
                            .labels(Map.of("azure.workload.identity/use", "true"))
                            .annotations(identity.clientId().applyValue(id -> Map.of("azure.workload.identity/client-id", id)))
                            .build())
                    .build(), kubernetes);
            identities.put(namespace, new WorkloadIdentity(namespace, WORKLOAD_SERVICE_ACCOUNT,
                    identity.principalId(), identity.clientId()));
        }
        return Collections.unmodifiableMap(identities);
    }

    /** URL of the cluster's OIDC issuer (the issuer of every federated credential for its workloads). */
    public Output<String> oidcIssuerUrl() {
        return oidcIssuerUrl;
    }

    /** Kubeconfig for the deploying identity (kubelogin, no static credentials). Secret. */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** The Kubernetes provider bound to this cluster; pass it to every Kubernetes resource of the stage. */
    public Provider provider() {
        return provider;
    }

    /** Identity of each application namespace, by namespace name, in the order the settings list them. */
    public Map<String, WorkloadIdentity> workloadIdentities() {
        return workloadIdentities;
    }
}
