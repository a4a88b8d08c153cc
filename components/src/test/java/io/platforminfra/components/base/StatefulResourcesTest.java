package io.platforminfra.components.base;

import io.platforminfra.components.attach.PrivateNetworkAttachment;

import io.platforminfra.components.secretstore.SecretStore;
import io.platforminfra.components.secretstore.SecretStoreArgs;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestPlacements;
import org.junit.jupiter.api.Test;

import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In production, stateful resources are protected twice: by Pulumi (no delete or replace) and by an Azure lock
 * (no delete from anywhere). Elsewhere they are not, so stages can be torn down.
 */
class StatefulResourcesTest {
    private static RunResult vault(Placement placement) {
        return MockedRun.builder().run(ctx -> new SecretStore("secrets", SecretStoreArgs.builder()
                .placement(placement)
                .privateEndpoint(new PrivateNetworkAttachment(com.pulumi.core.Output.of("/subnet"),
                        com.pulumi.core.Output.of("/vnet")))
                .logAnalyticsWorkspaceId(com.pulumi.core.Output.of("/workspace")).build(), null));
    }

    @Test
    void aProductionVaultIsProtectedAndLockedAgainstDeletion() {
        var run = vault(TestPlacements.production());
        assertSucceeded(run);
        var vault = run.single("azure-native:keyvault:Vault");
        assertThat(vault.protect()).isTrue();
        var lock = run.single("azure-native:authorization:ManagementLockByScope");
        assertThat(lock.input("level")).contains("CanNotDelete");
        assertThat(lock.input("scope")).contains("/subscriptions/" + io.platforminfra.offline.AzureMocks.SUBSCRIPTION_ID
                + "/mock/azure-native:keyvault:Vault/" + vault.input("vaultName").orElseThrow());
    }

    @Test
    void aDevelopmentVaultCanBeTornDown() {
        var run = vault(TestPlacements.dev());
        assertThat(run.single("azure-native:keyvault:Vault").protect()).isFalse();
        assertThat(run.ofType("azure-native:authorization:ManagementLockByScope")).isEmpty();
    }
}
