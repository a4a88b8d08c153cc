package io.platforminfra.components.aks;

import com.pulumi.core.Output;
import io.platforminfra.components.validation.InvalidSettingsException;
import io.platforminfra.components.validation.Problem;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.platforminfra.testing.Assertions.assertAllParentedTo;
import static io.platforminfra.testing.Assertions.assertInvalidSettingRefused;
import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

class AksClusterTest {
    private static final String ADMINS = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String CLUSTER = "azure-native:containerservice:ManagedCluster";
    private static final String AGENT_POOL = "azure-native:containerservice:AgentPool";
    private static final String NODE_SUBNET =
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes";

    static AksClusterSettings.AksClusterSettingsBuilder valid() {
        return AksClusterSettings.builder().authorizedIpRange("203.0.113.0/24").adminGroupObjectId(ADMINS)
                .namespace("orders");
    }

    static RunResult deploy(AksClusterSettings settings) {
        return MockedRun.builder().run(ctx -> new AksCluster("aks", TestArgs.monitoredInDev(AksClusterArgs.builder())
                .nodeSubnetId(Output.of(NODE_SUBNET))
                .settings(settings)
                .build(), null));
    }

    @Test
    void accessIsEntraIdWithAzureRbacOnlyByDefault() {
        var run = deploy(valid().build());
        assertSucceeded(run);
        var cluster = run.single(CLUSTER);
        assertThat(cluster.input("aadProfile.managed")).contains(true);
        assertThat(cluster.input("aadProfile.enableAzureRBAC")).contains(true);
        assertThat(cluster.input("aadProfile.adminGroupObjectIDs")).contains(List.of(ADMINS));
        assertThat(cluster.input("disableLocalAccounts")).contains(true);
        assertThat(cluster.input("enableRBAC")).contains(true);
        assertThat(cluster.input("oidcIssuerProfile.enabled")).contains(true);
        assertThat(cluster.input("securityProfile.workloadIdentity.enabled")).contains(true);
    }

    @Test
    void networkUsesAzureCniOverlayWithCiliumPolicyAndAuthorizedRanges() {
        var cluster = deploy(valid().build()).single(CLUSTER);
        assertThat(cluster.input("networkProfile.networkPlugin")).contains("azure");
        assertThat(cluster.input("networkProfile.networkPluginMode")).contains("overlay");
        assertThat(cluster.input("networkProfile.networkPolicy")).contains("cilium");
        assertThat(cluster.input("networkProfile.dnsServiceIP")).contains("172.16.0.10");
        assertThat(cluster.input("apiServerAccessProfile.enablePrivateCluster")).contains(false);
        assertThat(cluster.input("apiServerAccessProfile.authorizedIPRanges")).contains(List.of("203.0.113.0/24"));
    }

    @Test
    void privateClusterHasNoPublicRanges() {
        var cluster = deploy(valid().clearAuthorizedIpRanges().privateCluster(true).build()).single(CLUSTER);
        assertThat(cluster.input("apiServerAccessProfile.enablePrivateCluster")).contains(true);
        assertThat(cluster.input("apiServerAccessProfile.authorizedIPRanges")).isEmpty();
    }

    @Test
    void addOnsForPolicySecretsAndMonitoringAreOnAndUpgradesAreAutomatic() {
        var run = deploy(valid().build());
        var cluster = run.single(CLUSTER);
        assertThat(cluster.input("addonProfiles.azurepolicy.enabled")).contains(true);
        assertThat(cluster.input("addonProfiles.azureKeyvaultSecretsProvider.enabled")).contains(true);
        assertThat(cluster.input("addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation")).contains("true");
        assertThat(cluster.input("addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID"))
                .contains(TestArgs.WORKSPACE_ID);
        assertThat(cluster.input("autoUpgradeProfile.upgradeChannel")).contains("patch");
        assertThat(cluster.input("sku.tier")).contains("Standard");
        assertThat((String) run.single("azure-native:insights:DiagnosticSetting").input("resourceUri").orElseThrow())
                .as("control-plane logs go to the workspace").endsWith("ManagedCluster/aks-plat-dev-weu");
    }

    @Test
    void systemPoolIsInlineAndRunsOnlyCriticalAddOns() {
        var cluster = deploy(valid().build()).single(CLUSTER);
        assertThat(cluster.input("agentPoolProfiles")).hasValueSatisfying(pools -> assertThat((List<?>) pools).hasSize(1));
        assertThat(cluster.input("agentPoolProfiles.0.mode")).contains("System");
        assertThat(cluster.input("agentPoolProfiles.0.nodeTaints")).contains(List.of("CriticalAddonsOnly=true:NoSchedule"));
        assertThat(cluster.input("agentPoolProfiles.0.vnetSubnetID")).contains(NODE_SUBNET);
        assertThat(cluster.input("agentPoolProfiles.0.enableNodePublicIP")).contains(false);
        assertThat(cluster.options().ignoreChanges()).as("inline pools cannot be updated through the cluster")
                .containsExactly("agentPoolProfiles");
    }

    @Test
    void userPoolsAreAgentPoolsCreatedWithCountMinCountWhichTheAutoscalerOwnsAfterwards() {
        var run = deploy(valid().userPools(List.of(
                UserPoolSettings.builder().name("apps").minCount(3).maxCount(5).build(),
                UserPoolSettings.builder().name("batch").minCount(0).maxCount(2).build())).build());
        var apps = run.named("aks-pool-apps").orElseThrow();
        assertThat(apps.type()).isEqualTo(AGENT_POOL);
        assertThat(apps.input("agentPoolName")).contains("apps");
        assertThat(apps.input("mode")).contains("User");
        assertThat(apps.input("enableAutoScaling")).contains(true);
        assertThat(apps.input("count")).as("AKS refuses an autoscaled pool without a count").contains(3.0);
        assertThat(apps.input("minCount")).contains(3.0);
        assertThat(apps.input("maxCount")).contains(5.0);
        assertThat(apps.input("enableNodePublicIP")).contains(false);
        assertThat(apps.input("vnetSubnetID")).contains(NODE_SUBNET);
        assertThat(apps.options().ignoreChanges()).as("the autoscaler owns the count").containsExactly("count");
        var batch = run.named("aks-pool-batch").orElseThrow();
        assertThat(batch.input("count")).contains(0.0);
        assertThat(batch.dependencies()).as("one pool operation at a time").contains(apps.urn());
    }

    @Test
    void everyPoolSpreadsAcrossTheRegionsZonesUnlessTheStageSaysOtherwise() {
        var run = deploy(valid().build());
        assertThat(run.single(CLUSTER).input("agentPoolProfiles.0.availabilityZones")).contains(List.of("1", "2", "3"));
        assertThat(run.single(AGENT_POOL).input("availabilityZones")).contains(List.of("1", "2", "3"));
        var chosen = deploy(valid().availabilityZones(List.of("1", "2")).build());
        assertThat(chosen.single(AGENT_POOL).input("availabilityZones")).contains(List.of("1", "2"));
        var regional = deploy(valid().availabilityZones(List.of()).build());
        assertThat(regional.single(AGENT_POOL).input("availabilityZones")).isEmpty();
    }

    @Test
    void withChannelsThatUpgradeMinorsAksOwnsTheVersionAfterCreation() {
        for (var channel : List.of("stable", "rapid")) {
            assertThat(deploy(valid().upgradeChannel(channel).build()).single(CLUSTER).options().ignoreChanges())
                    .as(channel).containsExactlyInAnyOrder("agentPoolProfiles", "kubernetesVersion");
        }
        for (var channel : List.of("patch", "node-image")) {
            assertThat(deploy(valid().upgradeChannel(channel).build()).single(CLUSTER).options().ignoreChanges())
                    .as(channel).doesNotContain("kubernetesVersion");
        }
    }

    @Test
    void controlPlaneIdentityMayJoinTheNodeSubnetBeforeTheClusterExists() {
        var run = deploy(valid().build());
        var grant = run.named("aks-subnet-network-contributor").orElseThrow();
        assertThat(grant.input("scope")).contains(NODE_SUBNET);
        assertThat((String) grant.input("roleDefinitionId").orElseThrow())
                .endsWith("/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7");
        assertThat(run.single(CLUSTER).dependencies()).contains(grant.urn());
    }

    @Test
    void everyNamespaceGetsAServiceAccountFederatedWithItsOwnIdentity() {
        var run = deploy(valid().build());
        var federation = run.single("azure-native:managedidentity:FederatedIdentityCredential");
        assertThat(federation.input("subject")).contains("system:serviceaccount:orders:workload");
        assertThat(federation.input("audiences")).contains(List.of("api://AzureADTokenExchange"));
        assertThat((String) federation.input("issuer").orElseThrow())
                .startsWith("https://westeurope.oic.prod-aks.azure.com/");
        var serviceAccount = run.single("kubernetes:core/v1:ServiceAccount");
        assertThat(serviceAccount.input("metadata.name")).contains("workload");
        assertThat(serviceAccount.input("metadata.namespace")).contains("orders");
        assertThat(serviceAccount.input("metadata.labels")).contains(Map.of("azure.workload.identity/use", "true"));
        @SuppressWarnings("unchecked")
        var annotations = (Map<String, Object>) serviceAccount.input("metadata.annotations").orElseThrow();
        assertThat(annotations).containsKey("azure.workload.identity/client-id");
    }

    @Test
    void kubernetesResourcesGoOnlyToThisClustersProvider() {
        var run = deploy(valid().namespace("billing").build());
        var provider = run.single("pulumi:providers:kubernetes");
        var kubernetesResources = run.where(r -> r.type().startsWith("kubernetes:"));
        assertThat(kubernetesResources).hasSize(4);
        assertThat(kubernetesResources).allSatisfy(r -> {
            assertThat(r.hasExplicitProvider()).as(r.name()).isTrue();
            assertThat(r.provider()).isEqualTo(provider.urn());
        });
    }

    @Test
    void providerLogsInWithKubeloginInTheConfiguredModeAndItsKubeconfigIsSecret() {
        var provider = deploy(valid().kubeloginMode("workloadidentity").build()).single("pulumi:providers:kubernetes");
        var kubeconfig = provider.inputs().get("kubeconfig");
        assertThat(kubeconfig).isInstanceOf(RegisteredResource.Secret.class);
        assertThat(String.valueOf(((RegisteredResource.Secret) kubeconfig).value()))
                .contains("--login\n      - workloadidentity").doesNotContain("devicecode")
                .contains("aks-plat-dev-weu.hcp.westeurope.azmk8s.io");
    }

    @Test
    void byDefaultTheProviderLogsInAsThePipelinePoolsManagedIdentity() {
        var provider = deploy(valid().build()).single("pulumi:providers:kubernetes");
        assertThat(String.valueOf(((RegisteredResource.Secret) provider.inputs().get("kubeconfig")).value()))
                .contains("--login\n      - msi").doesNotContain("devicecode", "--client-id");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertAllParentedTo(deploy(valid().build()), AksCluster.TYPE);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                rule("kubernetesVersion", s -> s.kubernetesVersion("1.33.2")),
                rule("skuTier", s -> s.skuTier("Gold")),
                rule("systemPool.count", s -> s.systemPool(SystemPoolSettings.builder().count(0).build())),
                rule("userPools[0].name", s -> s.userPools(List.of(UserPoolSettings.builder().name("Apps_1").build()))),
                rule("userPools[0].maxCount", s -> s.userPools(List.of(
                        UserPoolSettings.builder().name("apps").minCount(4).maxCount(2).build()))),
                rule("userPools", s -> s.userPools(List.of())),
                rule("authorizedIpRanges", AksClusterSettings.AksClusterSettingsBuilder::clearAuthorizedIpRanges),
                rule("authorizedIpRanges", s -> s.privateCluster(true)),
                rule("authorizedIpRanges[0]", s -> s.clearAuthorizedIpRanges().authorizedIpRange("not-an-ip")),
                rule("authorizedIpRanges[1]", s -> s.authorizedIpRange("1.2.3.4/0")),
                rule("adminGroupObjectIds", AksClusterSettings.AksClusterSettingsBuilder::clearAdminGroupObjectIds),
                rule("adminGroupObjectIds[0]", s -> s.clearAdminGroupObjectIds().adminGroupObjectId("platform-admins")),
                rule("namespaces[1]", s -> s.namespace("Kube_System")),
                rule("namespaces[1]", s -> s.namespace("kube-system")),
                rule("namespaces", s -> s.namespace("orders")),
                rule("upgradeChannel", s -> s.upgradeChannel("weekly")),
                rule("kubeloginMode", s -> s.kubeloginMode("devicecode")),
                rule("podCidr", s -> s.podCidr("172.16.0.0/16")),
                rule("serviceCidr", s -> s.serviceCidr("8.8.0.0/16")),
                rule("serviceCidr", s -> s.serviceCidr("172.16.0.0/255.255.0.0")),
                rule("podCidr", s -> s.podCidr("192.168.0.0/0016")));
    }

    private static Arguments rule(String field, UnaryOperator<AksClusterSettings.AksClusterSettingsBuilder> breakIt) {
        return Arguments.of(field, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingIsRejectedBeforeAnythingIsRegistered(
            String field, UnaryOperator<AksClusterSettings.AksClusterSettingsBuilder> breakIt) {
        var settings = breakIt.apply(valid()).build();
        assertInvalidSettingRefused(settings, field, deploy(settings), "AksCluster 'aks'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var settings = valid().skuTier("Gold").upgradeChannel("weekly").clearAdminGroupObjectIds().build();
        assertThat(settings.problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("skuTier", "adminGroupObjectIds", "upgradeChannel");
        assertRejectedBeforeRegistering(deploy(settings), InvalidSettingsException.class,
                "skuTier must be one of Free, Standard, Premium (value: 'Gold')",
                "upgradeChannel must be one of patch, stable, rapid, node-image (value: 'weekly')");
    }
}
