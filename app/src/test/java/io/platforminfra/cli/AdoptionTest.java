package io.platforminfra.cli;


import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team migrating a hand-built stage lists its existing resources under {@code platform-infra:adopt}; the plan
 * shows them as imports, under their existing names, instead of as new resources.
 */
class AdoptionTest {
    private static final String SUBSCRIPTION = "/subscriptions/5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
    private static final String CLUSTER = SUBSCRIPTION
            + "/resourceGroups/rg-plat-dev-weu/providers/Microsoft.ContainerService/managedClusters/aks-orders-legacy";
    private static final String STORAGE = SUBSCRIPTION
            + "/resourceGroups/rg-plat-dev-weu/providers/Microsoft.Storage/storageAccounts/stordersdata01";

    @Test
    void adoptedResourcesAreImportedUnderTheirExistingNames(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev", dev -> dev
                + "  platform-infra:adopt:\n    cluster: " + CLUSTER + "\n    storage: " + STORAGE + "\n");
        var text = CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir());
        var json = JsonParser.parseString(CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir(),
                "--format", "json").out()).getAsJsonObject();

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out())
                .contains("= azure-native:containerservice:ManagedCluster \"cluster-aks\"  →  aks-orders-legacy  (import "
                        + CLUSTER + ")")
                .contains("= azure-native:storage:StorageAccount \"storage-st\"  →  stordersdata01  (import " + STORAGE + ")");
        var total = json.getAsJsonArray("resources").size();
        assertThat(text.out()).endsWith((total - 2) + " resources to create, 2 to import\n");

        var cluster = find(json, "azure-native:containerservice:ManagedCluster");
        assertThat(cluster.get("op").getAsString()).isEqualTo("import");
        assertThat(cluster.get("importId").getAsString()).isEqualTo(CLUSTER);
        assertThat(find(json, "azure-native:keyvault:Vault").get("op").getAsString()).isEqualTo("create");
        assertThat(json.getAsJsonObject("summary").get("import").getAsInt()).isEqualTo(2);
    }

    @Test
    void anIdOfTheWrongKindOrOutsideTheStagesResourceGroupIsRefused(@TempDir Path directory) {
        var elsewhere = CLUSTER.replace("rg-plat-dev-weu", "rg-legacy");
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev", dev -> dev
                + "  platform-infra:adopt:\n    cluster: " + STORAGE + "\n    database: not-an-id\n"
                + "    secretStore: " + elsewhere.replace("Microsoft.ContainerService/managedClusters", "Microsoft.KeyVault/vaults")
                + "\n    vault: x\n");
        var run = CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(
                "Pulumi.dev.yaml: platform-infra:adopt.cluster must be the ID of an existing Microsoft.ContainerService/managedClusters resource",
                "Pulumi.dev.yaml: platform-infra:adopt.database must be the ID of an existing Microsoft.DBforPostgreSQL/flexibleServers resource",
                "Pulumi.dev.yaml: platform-infra:adopt.secretStore must be in the stage's resource group rg-plat-dev-weu",
                "Pulumi.dev.yaml: platform-infra:adopt.vault must be a known key");
    }

    @Test
    void anAdoptedResourceGroupMovesTheStageIntoIt(@TempDir Path directory) {
        var group = SUBSCRIPTION + "/resourceGroups/rg-orders-legacy";
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev", dev -> dev
                + "  platform-infra:adopt:\n    resourceGroup: " + group + "\n    cluster: "
                + CLUSTER.replace("rg-plat-dev-weu", "rg-orders-legacy") + "\n");
        var run = CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("= azure-native:resources:ResourceGroup \"platform\"  →  rg-orders-legacy  (import "
                + group + ")");
    }

    private static JsonObject find(JsonObject plan, String type) {
        for (var resource : plan.getAsJsonArray("resources")) {
            if (resource.getAsJsonObject().get("type").getAsString().equals(type)) {
                return resource.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type + " in the plan");
    }
}
