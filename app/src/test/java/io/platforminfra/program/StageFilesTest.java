package io.platforminfra.program;

import io.platforminfra.components.aks.AksCluster;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.database.Database;
import io.platforminfra.components.monitoring.Monitoring;
import io.platforminfra.components.network.Network;
import io.platforminfra.components.secretstore.SecretStore;
import io.platforminfra.components.storage.ObjectStorage;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.offline.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stack file in the repository, found at test time: a new {@code Pulumi.<stage>.yaml} is tested by these
 * tests without a code change.
 */
class StageFilesTest {
    private static final Map<String, RunResult> RUNS = new ConcurrentHashMap<>();

    /** Type tokens with the input holding their Azure name and the naming rule that applies. */
    private static final Map<String, Map.Entry<String, AzureResourceType>> NAMED_TYPES = Map.ofEntries(
            Map.entry("azure-native:resources:ResourceGroup", Map.entry("resourceGroupName", AzureResourceType.RESOURCE_GROUP)),
            Map.entry("azure-native:network:VirtualNetwork", Map.entry("virtualNetworkName", AzureResourceType.VIRTUAL_NETWORK)),
            Map.entry("azure-native:network:Subnet", Map.entry("subnetName", AzureResourceType.SUBNET)),
            Map.entry("azure-native:network:NetworkSecurityGroup", Map.entry("networkSecurityGroupName", AzureResourceType.NETWORK_SECURITY_GROUP)),
            Map.entry("azure-native:network:PrivateEndpoint", Map.entry("privateEndpointName", AzureResourceType.PRIVATE_ENDPOINT)),
            Map.entry("azure-native:operationalinsights:Workspace", Map.entry("workspaceName", AzureResourceType.LOG_ANALYTICS_WORKSPACE)),
            Map.entry("azure-native:containerservice:ManagedCluster", Map.entry("resourceName", AzureResourceType.MANAGED_CLUSTER)),
            Map.entry("azure-native:managedidentity:UserAssignedIdentity", Map.entry("resourceName", AzureResourceType.USER_ASSIGNED_IDENTITY)),
            Map.entry("azure-native:keyvault:Vault", Map.entry("vaultName", AzureResourceType.VAULT)),
            Map.entry("azure-native:storage:StorageAccount", Map.entry("accountName", AzureResourceType.STORAGE_ACCOUNT)),
            Map.entry("azure-native:dbforpostgresql:Server", Map.entry("serverName", AzureResourceType.POSTGRES_SERVER)));

    static List<String> stages() {
        return StageRuns.stagesInRepository();
    }

    private static RunResult runOf(String stage) {
        return RUNS.computeIfAbsent(stage, StageRuns::run);
    }

    @Test
    void theRepositoryHasADevelopmentAndAProductionStage() {
        assertThat(stages()).contains("dev", "prod");
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void stageBuildsItsWholePlatform(String stage) {
        var run = runOf(stage);
        assertSucceeded(run);
        for (var component : List.of(Monitoring.TYPE, Network.TYPE, AksCluster.TYPE, SecretStore.TYPE,
                ObjectStorage.TYPE, Database.TYPE)) {
            assertThat(run.ofType(component)).as(component).hasSize(1);
        }
        for (var resource : List.of("azure-native:resources:ResourceGroup", "azure-native:containerservice:ManagedCluster",
                "azure-native:keyvault:Vault", "azure-native:storage:StorageAccount", "azure-native:dbforpostgresql:Server",
                "pulumi:providers:kubernetes")) {
            assertThat(run.ofType(resource)).as(resource).hasSize(1);
        }
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void everyAzureResourceThatTakesTagsCarriesTheFiveStandardTags(String stage) {
        var run = runOf(stage);
        var taggable = run.customResources().stream().filter(StageFilesTest::takesTags).toList();
        assertThat(taggable).hasSizeGreaterThan(15);
        assertThat(taggable).allSatisfy(r -> {
            @SuppressWarnings("unchecked")
            var tags = (Map<String, Object>) r.input("tags").orElseThrow(() -> new AssertionError(r.name() + " has no tags"));
            assertThat(tags).as(r.name()).containsOnlyKeys("stage", "owner", "cost-center", "managed-by", "repository");
            assertThat(tags).as(r.name()).containsEntry("stage", stage).containsEntry("managed-by", "pulumi");
        });
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void everyAzureNameFollowsTheConventionAndAzuresRules(String stage) {
        var named = runOf(stage).where(r -> NAMED_TYPES.containsKey(r.type()));
        assertThat(named).hasSizeGreaterThan(10);
        assertThat(named).allSatisfy(r -> {
            var rule = NAMED_TYPES.get(r.type());
            var name = (String) r.input(rule.getKey()).orElseThrow();
            assertThat(rule.getValue().naming().orElseThrow().accepts(name)).as(r.type() + " name " + name).isTrue();
            assertThat(name.replace("-", "")).as(name).contains(stage);
        });
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void everyKubernetesResourceUsesTheStagesOwnClusterProvider(String stage) {
        var run = runOf(stage);
        var provider = run.single("pulumi:providers:kubernetes");
        var kubernetesResources = run.where(r -> r.type().startsWith("kubernetes:"));
        assertThat(kubernetesResources).isNotEmpty();
        assertThat(kubernetesResources).allSatisfy(r -> assertThat(r.provider()).as(r.name()).isEqualTo(provider.urn()));
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void stackExportsWhatTeamsNeedAndTheKubeconfigOnlyAsSecret(String stage) {
        var run = runOf(stage);
        assertThat(run.result().outputs()).containsOnlyKeys("resourceGroup", "clusterName", "oidcIssuerUrl",
                "kubeconfig", "vaultUri", "blobEndpoint", "databaseHost");
        assertThat(run.output("kubeconfig").isSecret()).isTrue();
        for (var plain : List.of("resourceGroup", "clusterName", "vaultUri", "blobEndpoint", "databaseHost")) {
            assertThat(run.output(plain).isSecret()).as(plain).isFalse();
            assertThat(String.valueOf(run.output(plain).getValueNullable())).as(plain).contains(stage);
        }
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void eachApplicationNamespaceMayReadSecretsAndWriteBlobs(String stage) {
        var run = runOf(stage);
        var identities = run.where(r -> r.type().equals("azure-native:managedidentity:UserAssignedIdentity")
                && !r.name().equals("cluster-identity"));
        var grants = run.ofType("azure-native:authorization:RoleAssignment");
        var byRole = new HashMap<String, Integer>();
        grants.forEach(g -> byRole.merge(((String) g.input("roleDefinitionId").orElseThrow())
                .replaceAll(".*/", ""), 1, Integer::sum));
        assertThat(byRole).containsEntry("4633458b-17de-408a-b874-0445c86b69e6", identities.size())
                .containsEntry("ba92f5b4-2d11-453d-a403-e96b0029c9fe", identities.size());
    }

    /** Whether Azure lets this resource type carry tags: its generated args class has a {@code tags} property. */
    private static boolean takesTags(RegisteredResource resource) {
        var token = resource.type().split(":");
        if (!token[0].equals("azure-native")) {
            return false;
        }
        try {
            Class.forName("com.pulumi.azurenative." + token[1] + "." + token[2] + "Args").getMethod("tags");
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
