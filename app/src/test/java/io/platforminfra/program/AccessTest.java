package io.platforminfra.program;


import io.platforminfra.config.StackConfigException;
import io.platforminfra.config.StackKeys;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read access from the stack file goes to groups only: Reader on the resource group, AKS Cluster User on the cluster.
 */
class AccessTest {
    private static final String READERS = "11111111-2222-4333-8444-555555555555";
    private static final String CLUSTER_USERS = "66666666-7777-4888-9999-000000000000";

    @Test
    void groupsNamedInTheStackFileGetReadAccessAndNothingMore() {
        var run = StageRuns.runWith("dev", Map.of(Platform.ACCESS.key(), "{\"readerGroupObjectIds\":[\"" + READERS
                + "\"],\"clusterUserGroupObjectIds\":[\"" + CLUSTER_USERS + "\"]}"));
        assertSucceeded(run);
        var readers = run.named("readers-" + READERS).orElseThrow();
        assertThat(readers.input("principalId")).contains(READERS);
        assertThat(readers.input("principalType")).contains("Group");
        assertThat((String) readers.input("roleDefinitionId").orElseThrow()).endsWith("acdd72a7-3385-48ef-bd42-f606fba81ae7");
        assertThat(readers.input("scope")).hasValueSatisfying(scope -> assertThat((String) scope).contains("ResourceGroup"));
        var clusterUsers = run.named("cluster-users-" + CLUSTER_USERS).orElseThrow();
        assertThat(clusterUsers.input("principalType")).contains("Group");
        assertThat((String) clusterUsers.input("roleDefinitionId").orElseThrow())
                .endsWith("4abbcc35-e782-43d8-92c5-2d3f1bd2253f");
        assertThat(clusterUsers.input("scope")).hasValueSatisfying(scope ->
                assertThat((String) scope).contains("ManagedCluster"));
    }

    @Test
    void withoutAccessSettingsNoGroupIsGrantedAnything() {
        var run = StageRuns.run("dev");
        assertThat(run.where(r -> r.name().startsWith("readers-") || r.name().startsWith("cluster-users-"))).isEmpty();
    }

    @Test
    void aGroupMustBeAnObjectId() {
        assertRejectedBeforeRegistering(StageRuns.runWith("dev", Map.of(Platform.ACCESS.key(),
                        "{\"readerGroupObjectIds\":[\"platform-readers\"]}")), StackConfigException.class,
                "Pulumi.dev.yaml: platform-infra:access.readerGroupObjectIds[0] must be an object ID (a GUID)");
    }
}
