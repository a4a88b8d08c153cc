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
    void refusesAKubeconfigWithoutKubelogin() {
        var staticToken = "apiVersion: v1\nusers:\n- name: admin\n  user:\n    token: abc\n";
        assertThatThrownBy(() -> KubeloginKubeconfig.withLoginMode(staticToken, "azurecli"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no kubelogin user");
    }
}
