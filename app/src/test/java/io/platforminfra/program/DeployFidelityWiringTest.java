package io.platforminfra.program;


import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StackKeys;

import com.google.gson.JsonParser;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.access.RoleAssignmentName;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploy fidelity of the stage programs' wiring, as the real engine would receive it: the resource options and
 * dependencies that decide whether a first {@code pulumi up}, a later update and a teardown succeed in Azure (zones
 * fixed at creation, role assignment names Azure finds again, the cluster provider after its cluster, locks after
 * what lives under them).
 */
class DeployFidelityWiringTest {
    private static final String KUBERNETES_PROVIDER = "pulumi:providers:kubernetes";
    /** Two groups, so two grants differ only in their principal. */
    private static final String GROUP_A = "11111111-2222-4333-8444-555555555555";
    private static final String GROUP_B = "66666666-7777-4888-9999-000000000000";
    private static final String ACCESS = "{\"readerGroupObjectIds\":[\"" + GROUP_A + "\",\"" + GROUP_B + "\"],"
            + "\"clusterUserGroupObjectIds\":[\"" + GROUP_A + "\",\"" + GROUP_B + "\"]}";

    static List<String> stages() {
        return StageRuns.stagesInRepository();
    }

    static Stream<Arguments> stagesInBothModes() {
        return stages().stream().flatMap(stage -> Stream.of(Arguments.of(stage, true), Arguments.of(stage, false)));
    }

    // --- versions: refused before anything is registered ----------------------------------------------------------

    @Test
    void aVersionOutOfSupportOnTheRunsDayStopsTheProgramBeforeItRegistersAnything() {
        var loaded = StackConfiguration.load(StageRuns.PROJECT, "dev");
        var values = new HashMap<>(loaded.values());
        var cluster = JsonParser.parseString(values.get(Platform.CLUSTER.key())).getAsJsonObject();
        cluster.addProperty("kubernetesVersion", "1.33");
        values.put(Platform.CLUSTER.key(), cluster.toString());

        var run = MockedRun.builder().stack("dev").preview(true).config(values, loaded.secretKeys())
                .run(StackProgram.reading(values.keySet(), TestDates.AS_OF, read -> { }));

        assertThat(run.result().exceptions()).isEmpty();
        assertThat(run.customResources()).as("nothing registered").isEmpty();
        assertThat(run.result().errors()).singleElement().asString()
                .contains("Pulumi.dev.yaml: platform-infra:cluster.kubernetesVersion must ", "(value: '1.33')");
    }

    // --- production: zones chosen at creation ----------------------------------------------------------------------

    @Test
    void productionNodePoolsAreZonalAcrossTheThreeZones() {
        var run = StageRuns.run("prod");
        assertSucceeded(run);
        var zones = List.of("1", "2", "3");

        var cluster = run.single(AzureResourceType.MANAGED_CLUSTER.token());
        var inlinePools = (List<?>) cluster.input("agentPoolProfiles").orElseThrow();
        assertThat(inlinePools).isNotEmpty();
        for (int i = 0; i < inlinePools.size(); i++) {
            assertThat(cluster.input("agentPoolProfiles." + i + ".availabilityZones")).as("system pool " + i)
                    .contains(zones);
        }
        var userPools = run.ofType(AzureResourceType.AGENT_POOL.token());
        assertThat(userPools).isNotEmpty().allSatisfy(pool ->
                assertThat(pool.input("availabilityZones")).as(pool.name()).contains(zones));
    }

    @Test
    void productionPostgresPinsBothZonesAndIgnoresTheirLaterChangesBecauseAFailoverSwapsThem() {
        var run = StageRuns.run("prod");
        assertSucceeded(run);

        var server = run.single(AzureResourceType.POSTGRES_SERVER.token());
        assertThat(server.input("highAvailability.mode")).contains("ZoneRedundant");
        assertThat(server.input("availabilityZone")).contains("1");
        assertThat(server.input("highAvailability.standbyAvailabilityZone")).contains("2");
        assertThat(server.options().ignoreChanges())
                .contains("availabilityZone", "highAvailability.standbyAvailabilityZone");
    }

    // --- role assignments: names Azure finds again ----------------------------------------------------------------

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void everyRoleAssignmentIsNamedFromItsScopeRoleAndPrincipal(String stage) {
        var run = StageRuns.runWith(stage, Map.of(Platform.ACCESS.key(), ACCESS));
        assertSucceeded(run);

        var assignments = run.ofType(AzureResourceType.ROLE_ASSIGNMENT.token());
        assertThat(assignments).hasSizeGreaterThan(4);
        for (var assignment : assignments) {
            var name = text(assignment, "roleAssignmentName");
            assertThat(name).as(assignment.name()).isEqualTo(RoleAssignmentName.of(text(assignment, "scope"),
                    text(assignment, "roleDefinitionId"), text(assignment, "principalId")));
            assertThat(UUID.fromString(name).version()).as("a name-based UUID").isEqualTo(5);
        }
        assertThat(assignments.stream().map(a -> text(a, "roleAssignmentName")).distinct())
                .as("no two assignments share a name (409 RoleAssignmentExists)").hasSameSizeAs(assignments);
    }

    @Test
    void roleAssignmentNamesAreTheSameInEveryRunAndDifferPerPrincipal() {
        var first = assignmentNames(StageRuns.runWith("dev", Map.of(Platform.ACCESS.key(), ACCESS)));
        var second = assignmentNames(StageRuns.runWith("dev", Map.of(Platform.ACCESS.key(), ACCESS)));

        assertThat(first).isNotEmpty().isEqualTo(second);
        // Same role on the same scope, another group: another assignment, another name.
        assertThat(first.get("readers-" + GROUP_A)).isNotNull().isNotEqualTo(first.get("readers-" + GROUP_B));
        assertThat(first.get("cluster-users-" + GROUP_A)).isNotNull()
                .isNotEqualTo(first.get("cluster-users-" + GROUP_B));
    }

    // --- the cluster's Kubernetes provider --------------------------------------------------------------------------

    @ParameterizedTest(name = "Pulumi.{0}.yaml, preview {1}")
    @MethodSource("stagesInBothModes")
    void theKubernetesProviderDependsOnTheClusterItsCredentialsComeFrom(String stage, boolean preview) {
        var run = StageRuns.run(StackConfiguration.load(StageRuns.PROJECT, stage), preview);
        assertSucceeded(run);

        var provider = run.single(KUBERNETES_PROVIDER);
        var cluster = run.single(AzureResourceType.MANAGED_CLUSTER.token());
        assertThat(provider.dependencies())
                .as("the kubeconfig comes from an invoke; without the dependency a teardown deletes the cluster first")
                .contains(cluster.urn());
    }

    // --- production locks: created last, deleted first --------------------------------------------------------------

    @Test
    void eachProductionLockDependsOnItsResourceAndEverythingAzureWouldRefuseToDeleteUnderIt() {
        var run = StageRuns.runWith("prod", Map.of(Platform.ACCESS.key(), ACCESS));
        assertSucceeded(run);

        var locks = run.ofType(AzureResourceType.LOCK.token());
        assertThat(locks).extracting(RegisteredResource::name)
                .containsExactlyInAnyOrder("cluster-aks-lock", "secrets-kv-lock", "storage-st-lock", "database-psql-lock");
        for (var lock : locks) {
            var locked = run.named(lock.name().replaceFirst("-lock$", "")).orElseThrow();
            var under = under(run, lock, locked);
            assertThat(under).as("what lives under " + locked.name())
                    .anySatisfy(r -> assertThat(r.type()).isEqualTo(AzureResourceType.DIAGNOSTIC_SETTING.token()))
                    .hasSizeGreaterThan(1);
            assertThat(lock.dependencies()).as(lock.name()).contains(locked.urn());
            for (var resource : under) {
                assertThat(lock.dependencies()).as(lock.name() + " depends on " + resource.name() + " ("
                        + resource.type() + ")").contains(resource.urn());
            }
        }
        // The grants under the vault, the account and the cluster are among them.
        for (var grant : List.of("secrets-read-orders", "blob-data-orders", "cluster-users-" + GROUP_A)) {
            var assignment = run.named(grant).orElseThrow();
            assertThat(locks).as(grant).anySatisfy(lock -> assertThat(lock.dependencies()).contains(assignment.urn()));
        }
    }

    @Test
    void aDevelopmentStageHasNoLockSoItCanBeTornDown() {
        var run = StageRuns.run("dev");
        assertSucceeded(run);
        assertThat(run.ofType(AzureResourceType.LOCK.token())).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /**
     * What Azure refuses to delete while {@code lock} is on {@code locked}: extension resources on its scope or below
     * (role assignments, diagnostic settings, policy assignments, data collection rule associations), and child
     * resources naming it as their parent by Azure name (pools, server databases and parameters, blob services).
     */
    private static List<RegisteredResource> under(RunResult run, RegisteredResource lock, RegisteredResource locked) {
        var scope = text(lock, "scope");
        var azureName = AzureResourceType.azureNameIn(locked.type(), locked.inputs()).orElseThrow();
        return run.customResources().stream()
                .filter(r -> !r.urn().equals(lock.urn()) && !r.urn().equals(locked.urn()))
                .filter(r -> isAtOrBelow(r.input("scope"), scope) || isAtOrBelow(r.input("resourceUri"), scope)
                        || namesAsParent(r, azureName))
                .toList();
    }

    private static boolean isAtOrBelow(Optional<Object> id, String scope) {
        return id.filter(String.class::isInstance).map(String.class::cast)
                .filter(value -> value.equalsIgnoreCase(scope) || value.toLowerCase().startsWith(scope.toLowerCase() + "/"))
                .isPresent();
    }

    /** A top-level {@code ...Name} input, other than the resource's own name, that holds {@code azureName}. */
    private static boolean namesAsParent(RegisteredResource resource, String azureName) {
        var own = AzureResourceType.azureNameInputOf(resource.type());
        return resource.inputs().entrySet().stream().anyMatch(input -> input.getKey().endsWith("Name")
                && !input.getKey().equals(own) && azureName.equals(input.getValue()));
    }

    private static Map<String, String> assignmentNames(RunResult run) {
        assertSucceeded(run);
        var names = new TreeMap<String, String>();
        run.ofType(AzureResourceType.ROLE_ASSIGNMENT.token()).forEach(a -> names.put(a.name(), text(a, "roleAssignmentName")));
        return names;
    }

    private static String text(RegisteredResource resource, String input) {
        var value = resource.input(input).orElseThrow(() -> new AssertionError(resource.name() + " has no " + input));
        assertThat(value).as(resource.name() + "." + input + " is known in an update").isInstanceOf(String.class);
        return (String) value;
    }
}
