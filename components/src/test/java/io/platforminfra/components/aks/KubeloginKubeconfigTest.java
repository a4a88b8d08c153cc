package io.platforminfra.components.aks;

import io.platforminfra.offline.AzureMocks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeloginKubeconfigTest {

    @Test
    void replacesTheInteractiveLoginAndKeepsServerAndServerId() {
        var rewritten = KubeloginKubeconfig.withLoginMode(AzureMocks.kubeconfig("aks-plat-dev-weu"), "azurecli");
        assertThat(rewritten)
                .contains("- --login\n      - azurecli")
                .doesNotContain("devicecode")
                .contains("server: https://aks-plat-dev-weu.hcp.westeurope.azmk8s.io:443")
                .contains("6dae42f8-4368-4678-94ff-3960e28e3630");
    }

    @Test
    void inMsiModeThePeoplesClientIdIsDroppedSoThePoolIdentityIsUsed() {
        var rewritten = KubeloginKubeconfig.withLoginMode(AzureMocks.kubeconfig("aks-plat-dev-weu"), "msi");
        assertThat(rewritten)
                .contains("- --login\n      - msi")
                .doesNotContain("--client-id", "80faf920-1908-4b52-b5ef-a8e7bedfc67a", "devicecode")
                .contains("- --server-id\n      - 6dae42f8-4368-4678-94ff-3960e28e3630");
    }

    @Test
    void otherModesKeepTheClientIdAksWrote() {
        assertThat(KubeloginKubeconfig.withLoginMode(AzureMocks.kubeconfig("aks-plat-dev-weu"), "azurecli"))
                .contains("- --client-id\n      - 80faf920-1908-4b52-b5ef-a8e7bedfc67a");
    }

    @Test
    void refusesAKubeconfigWithoutKubelogin() {
        var staticToken = "apiVersion: v1\nusers:\n- name: admin\n  user:\n    token: abc\n";
        assertThatThrownBy(() -> KubeloginKubeconfig.withLoginMode(staticToken, "azurecli"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no kubelogin user");
    }
}
