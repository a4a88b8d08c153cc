package io.platforminfra.components.base;

import io.platforminfra.components.validation.InvalidSettingsException;

import io.platforminfra.azure.AzureResourceType;

import io.platforminfra.components.monitoring.Monitoring;
import io.platforminfra.components.monitoring.MonitoringArgs;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestPlacements;
import org.junit.jupiter.api.Test;

import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A component adopts an existing resource instead of creating one: Pulumi imports it under its existing name.
 */
class AdoptionTest {
    private static final String WORKSPACE = "/subscriptions/5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f/resourceGroups/"
            + "rg-plat-dev-weu/providers/Microsoft.OperationalInsights/workspaces/log-legacy";

    private static RunResult monitoring(String adopted) {
        return MockedRun.builder().run(ctx -> new Monitoring("monitoring", MonitoringArgs.builder()
                .placement(TestPlacements.dev()).adoptResourceId(adopted).build(), null));
    }

    @Test
    void anAdoptedResourceIsImportedUnderItsExistingName() {
        var run = monitoring(WORKSPACE);
        assertSucceeded(run);
        var workspace = run.single("azure-native:operationalinsights:Workspace");
        assertThat(workspace.importId()).isEqualTo(WORKSPACE);
        assertThat(workspace.input("workspaceName")).contains("log-legacy");
        assertThat(workspace.input("retentionInDays")).as("the settings still come from the component").contains(30.0);
    }

    @Test
    void withoutAdoptionTheResourceIsCreatedUnderTheConventionName() {
        var workspace = monitoring(null).single("azure-native:operationalinsights:Workspace");
        assertThat(workspace.imported()).isFalse();
        assertThat(workspace.input("workspaceName")).contains("log-plat-dev-weu");
    }

    @Test
    void anIdOfAnotherKindOfResourceIsRefusedBeforeAnythingIsRegistered() {
        assertRejectedBeforeRegistering(monitoring(WORKSPACE.replace("Microsoft.OperationalInsights/workspaces",
                        "Microsoft.KeyVault/vaults")), InvalidSettingsException.class,
                "adopt must be the ID of an existing Microsoft.OperationalInsights/workspaces resource");
    }

    @Test
    void resourceIdsAreTakenApartIntoSubscriptionGroupTypeAndName() {
        var id = AzureResourceId.parse(WORKSPACE).orElseThrow();
        assertThat(id.subscriptionId()).isEqualTo("5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
        assertThat(id.resourceGroup()).isEqualTo("rg-plat-dev-weu");
        assertThat(id.name()).isEqualTo("log-legacy");
        assertThat(id.isOf(AzureResourceType.LOG_ANALYTICS_WORKSPACE)).isTrue();
        assertThat(AzureResourceId.parse(WORKSPACE.toLowerCase()).orElseThrow()
                .isOf(AzureResourceType.LOG_ANALYTICS_WORKSPACE)).as("ARM types are case-insensitive").isTrue();

        var group = AzureResourceId.parse("/subscriptions/5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f/resourceGroups/rg-x")
                .orElseThrow();
        assertThat(group.isOf(AzureResourceType.RESOURCE_GROUP)).isTrue();
        assertThat(group.name()).isEqualTo("rg-x");

        assertThat(AzureResourceId.parse("log-legacy")).isEmpty();
        assertThat(AzureResourceId.parse(WORKSPACE + "/tables/x")).as("a child resource").isEmpty();
        assertThat(AzureResourceId.parse(null)).isEmpty();
    }
}
