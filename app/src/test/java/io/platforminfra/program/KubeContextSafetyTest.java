package io.platforminfra.program;

import io.platforminfra.config.StackConfiguration;

import io.platforminfra.offline.RegisteredResource;
import com.pulumi.test.Mocks;
import io.platforminfra.offline.AzureMocks;
import io.platforminfra.offline.MockedRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

/**
 * The past incident (a local apply sent to whatever cluster the kube context pointed at) is impossible by
 * construction: the engine refuses Kubernetes resources without an explicit provider, and the only provider is
 * built from the stage's own cluster credentials.
 */
class KubeContextSafetyTest {

    @Test
    void theProjectDisablesTheDefaultKubernetesProvider() {
        List<Object> disabled = ProjectFile.at("config", "pulumi:disable-default-providers");
        assertThat(disabled).contains("kubernetes");
    }

    @Test
    void theClusterProviderIsBuiltFromThisStagesClusterCredentialsOnly() {
        Mocks mocks = spy(new AzureMocks(false));
        var loaded = StackConfiguration.load(StageRuns.PROJECT, "dev");
        var run = MockedRun.builder().stack("dev").mocks(mocks)
                .config(loaded.values(), loaded.secretKeys()).run(StageRuns.program(loaded));
        assertSucceeded(run);
        var cluster = run.single("azure-native:containerservice:ManagedCluster");
        var clusterName = (String) cluster.input("resourceName").orElseThrow();
        verify(mocks).callAsync(argThat(call -> call.token.equals(
                "azure-native:containerservice:listManagedClusterUserCredentials")
                && clusterName.equals(call.args.get("resourceName"))
                && "rg-plat-dev-weu".equals(call.args.get("resourceGroupName"))));
        var provider = run.single("pulumi:providers:kubernetes");
        assertThat(provider.input("kubeconfig").map(Object::toString)).contains("[secret]");
        assertThat(String.valueOf(((io.platforminfra.offline.RegisteredResource.Secret) provider.inputs().get("kubeconfig")).value()))
                .contains("server: https://" + clusterName + ".hcp.westeurope.azmk8s.io:443")
                .doesNotContain("current-context: docker-desktop");
        assertThat(provider.input("context")).isEmpty();
    }

    @Test
    void aPreviewOfANewStageNeverAsksAzureForCredentialsOfAClusterThatDoesNotExistYet() {
        Mocks mocks = spy(new AzureMocks(true));
        var loaded = StackConfiguration.load(StageRuns.PROJECT, "dev");
        var run = MockedRun.builder().stack("dev").preview(true).mocks(mocks)
                .config(loaded.values(), loaded.secretKeys()).run(StageRuns.program(loaded));
        assertSucceeded(run);
        verify(mocks, org.mockito.Mockito.never()).callAsync(argThat(call -> call.token.equals(
                "azure-native:containerservice:listManagedClusterUserCredentials")));
        assertThat(run.output("kubeconfig").isKnown()).isFalse();
        assertThat(run.where(r -> r.type().startsWith("kubernetes:")))
                .allSatisfy(r -> assertThat(r.hasExplicitProvider()).isTrue());
    }
}
