package io.platforminfra.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.platforminfra.azure.AzureResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new stage is one new stack file and nothing else: written fresh for a stage the repository does not have, it
 * plans into the complete platform, named for the new stage.
 */
class NewStageTest {
    /** A stack file as docs/stages.md tells a team to write one: only what has no default. */
    private static final String UAT = """
            config:
              azure-native:location: northeurope
              azure-native:subscriptionId: 6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d
              platform-infra:environmentType: production
              platform-infra:owner: checkout-team
              platform-infra:costCenter: CC-5200-UAT
              platform-infra:deployers:
                - 7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a
              platform-infra:network:
                addressSpace: 10.60.0.0/16
              platform-infra:cluster:
                privateCluster: true
                adminGroupObjectIds:
                  - 3c2b1a09-8f7e-4d6c-9b5a-4e3f2a1b0c9d
                namespaces:
                  - checkout
              platform-infra:storage:
                containers:
                  - receipts
              platform-infra:database:
                adminGroupObjectId: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
                adminGroupName: checkout-db-admins-uat
                databases:
                  - checkout
            """;

    /** Type tokens whose Azure name comes from the naming convention, with the rule Azure has for it. */
    private static final Map<String, AzureResourceType> CONVENTION_NAMED = Map.of(
            "azure-native:resources:ResourceGroup", AzureResourceType.RESOURCE_GROUP,
            "azure-native:network:VirtualNetwork", AzureResourceType.VIRTUAL_NETWORK,
            "azure-native:operationalinsights:Workspace", AzureResourceType.LOG_ANALYTICS_WORKSPACE,
            "azure-native:containerservice:ManagedCluster", AzureResourceType.MANAGED_CLUSTER,
            "azure-native:keyvault:Vault", AzureResourceType.VAULT,
            "azure-native:storage:StorageAccount", AzureResourceType.STORAGE_ACCOUNT,
            "azure-native:dbforpostgresql:Server", AzureResourceType.POSTGRES_SERVER);

    @Test
    void aFreshStackFileForAStageTheRepositoryDoesNotHavePlansTheWholePlatformNamedForIt(@TempDir Path directory) {
        var project = TestProject.in(directory).withStackFile("uat", UAT).withRepositoryStage("prod", "prod");
        var uat = plan(project, "uat");
        var prod = plan(project, "prod");

        assertThat(typesOf(uat)).as("the same kinds of resources as the existing production stage")
                .isEqualTo(typesOf(prod));
        var named = 0;
        for (var element : uat.getAsJsonArray("resources")) {
            var resource = element.getAsJsonObject();
            var type = CONVENTION_NAMED.get(resource.get("type").getAsString());
            if (type != null) {
                var name = resource.get("azureName").getAsString();
                assertThat(type.naming().orElseThrow().accepts(name)).as(type + " name " + name).isTrue();
                assertThat(name.replace("-", "")).as(name).contains("uat").contains("neu");
                named++;
            }
        }
        assertThat(named).isEqualTo(CONVENTION_NAMED.size());
        assertThat(uat.get("resourceGroup").getAsString()).isEqualTo("rg-plat-uat-neu");
    }

    @Test
    void theNewStageIsPartOfPlanningAllStages(@TempDir Path directory) {
        var project = TestProject.in(directory).withStackFile("uat", UAT).withRepositoryStage("dev", "dev");
        var run = CommandLineRun.of("plan", "--all", "--dir", project.dir());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Plan of stage dev (Pulumi.dev.yaml", "Plan of stage uat (Pulumi.uat.yaml");
    }

    private static JsonObject plan(TestProject project, String stage) {
        var run = CommandLineRun.of("plan", "--stack", stage, "--dir", project.dir(), "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static Set<String> typesOf(JsonObject plan) {
        var types = new TreeSet<String>();
        plan.getAsJsonArray("resources").forEach(r -> types.add(r.getAsJsonObject().get("type").getAsString()));
        return types;
    }
}
