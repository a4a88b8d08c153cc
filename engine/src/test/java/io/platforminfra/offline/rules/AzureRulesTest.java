package io.platforminfra.offline.rules;

import io.platforminfra.azure.Deployer;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Azure rule the offline engine models, both ways: a resource Azure accepts passes, one it refuses is refused
 * with the rule, the property and the specific fact.
 */
class AzureRulesTest {
    private static final DeploymentFacts DEVELOPMENT = new DeploymentFacts(TestDates.AS_OF, "westeurope",
            Deployer.NON_PRODUCTION);
    private static final DeploymentFacts PRODUCTION = new DeploymentFacts(TestDates.AS_OF, "westeurope",
            Deployer.PRODUCTION);
    private static final DeploymentFacts WITHOUT_ZONES = new DeploymentFacts(TestDates.AS_OF, "ukwest",
            Deployer.NON_PRODUCTION);
    private static final String CLUSTER = "azure-native:containerservice:ManagedCluster";
    private static final String POOL = "azure-native:containerservice:AgentPool";
    private static final String SERVER = "azure-native:dbforpostgresql:Server";
    private static final String ACCOUNT = "azure-native:storage:StorageAccount";
    private static final String VAULT = "azure-native:keyvault:Vault";
    private static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    private static final String LOCK = "azure-native:authorization:ManagementLockByScope";
    private static final String SCHEDULE = "azure-native:containerservice/v20230601:MaintenanceConfiguration";
    private static final String SECRETS_USER =
            "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6";
    private static final String OWNER =
            "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    /** One case: the rule, what Azure accepts, what it refuses, the property named, in which deployment. */
    private record Case(String rule, RegisteredResource accepted, RegisteredResource refused, String property,
                        DeploymentFacts facts) {
        @Override
        public String toString() {
            return rule + " " + property;
        }
    }

    static Stream<Arguments> cases() {
        var system = Map.of("name", "system", "mode", "System", "count", 2.0);
        return Stream.of(
                new Case("AZ-NAME-001", resource(VAULT, "vaultName", "kv-plat-dev-weu-1a2b"),
                        resource(VAULT, "vaultName", "kv_plat_dev"), "vaultName", DEVELOPMENT),
                new Case("AZ-TAG-001", resource(VAULT, "tags", Map.of("owner", "a".repeat(256))),
                        resource(VAULT, "tags", Map.of("owner", "a".repeat(257))), "tags.owner", DEVELOPMENT),
                new Case("AZ-TAG-002", resource(VAULT, "tags", tags(50)), resource(VAULT, "tags", tags(51)), "tags",
                        DEVELOPMENT),
                new Case("AZ-TAG-003", resource(ACCOUNT, "tags", Map.of("t".repeat(128), "x")),
                        resource(ACCOUNT, "tags", Map.of("t".repeat(129), "x")), "tags", DEVELOPMENT),
                new Case("AZ-TAG-003", resource(VAULT, "tags", Map.of("cost-center", "x")),
                        resource(VAULT, "tags", Map.of("cost/center", "x")), "tags", DEVELOPMENT),
                new Case("AZ-AKS-001", resource(POOL, "enableAutoScaling", true, "count", 3.0, "minCount", 3.0,
                        "maxCount", 5.0), resource(POOL, "enableAutoScaling", true, "minCount", 3.0, "maxCount", 5.0),
                        "count", DEVELOPMENT),
                new Case("AZ-AKS-001", resource(POOL, "enableAutoScaling", true, "count", 5.0, "minCount", 1.0,
                        "maxCount", 5.0), resource(POOL, "enableAutoScaling", true, "count", 6.0, "minCount", 1.0,
                        "maxCount", 5.0), "count", DEVELOPMENT),
                new Case("AZ-AKS-001", resource(CLUSTER, "agentPoolProfiles", List.of(system)),
                        resource(CLUSTER, "agentPoolProfiles", List.of(Map.of("name", "apps", "mode", "System",
                                "enableAutoScaling", true, "minCount", 1.0, "maxCount", 3.0))),
                        "agentPoolProfiles[0].count", DEVELOPMENT),
                new Case("AZ-AKS-002", resource(CLUSTER, "kubernetesVersion", "1.36", "agentPoolProfiles", List.of(system)),
                        resource(CLUSTER, "kubernetesVersion", "1.33", "agentPoolProfiles", List.of(system)),
                        "kubernetesVersion", DEVELOPMENT),
                new Case("AZ-AKS-002", resource(POOL, "orchestratorVersion", "1.35"),
                        resource(POOL, "orchestratorVersion", "1.34"), "orchestratorVersion", DEVELOPMENT),
                new Case("AZ-AKS-003", resource(POOL, "availabilityZones", List.of("1", "2", "3")),
                        resource(POOL, "availabilityZones", List.of("1", "4")), "availabilityZones", DEVELOPMENT),
                new Case("AZ-AKS-003", resource(POOL, "availabilityZones", List.of()),
                        resource(POOL, "availabilityZones", List.of("1")), "availabilityZones", WITHOUT_ZONES),
                new Case("AZ-AKS-004", resource(CLUSTER, "agentPoolProfiles", List.of(system)),
                        resource(CLUSTER, "agentPoolProfiles", List.of(Map.of("name", "apps", "mode", "User",
                                "count", 1.0))), "agentPoolProfiles", DEVELOPMENT),
                new Case("AZ-AKS-005", resource(SCHEDULE, "maintenanceWindow", Map.of("durationHours", 4.0)),
                        resource(SCHEDULE, "maintenanceWindow", Map.of("durationHours", 3.0)),
                        "maintenanceWindow.durationHours", DEVELOPMENT),
                new Case("AZ-AKS-006", resource(POOL, "mode", "System", "vmSize", "Standard_D2ds_v5"),
                        resource(POOL, "mode", "System", "vmSize", "Standard_DS1_v2"), "vmSize", DEVELOPMENT),
                new Case("AZ-AKS-006", resource(CLUSTER, "agentPoolProfiles", List.of(Map.of("name", "system", "mode",
                        "System", "count", 2.0, "vmSize", "Standard_E4-2ds_v5"))), resource(CLUSTER,
                        "agentPoolProfiles", List.of(Map.of("name", "system", "mode", "System", "count", 2.0, "vmSize",
                        "Standard_E4-1ds_v5"))), "agentPoolProfiles[0].vmSize", DEVELOPMENT),
                new Case("AZ-AKS-006", resource(POOL, "mode", "User", "vmSize", "Standard_B1ms"),
                        resource(POOL, "mode", "System", "vmSize", "Standard_B1ms"), "vmSize", DEVELOPMENT),
                new Case("AZ-PG-001", resource(SERVER, "version", "15"), resource(SERVER, "version", "14"), "version",
                        DEVELOPMENT),
                new Case("AZ-PG-001", resource(SERVER, "version", "15"), resource(SERVER, "version", "16"), "version",
                        DEVELOPMENT),
                new Case("AZ-PG-002", resource(SERVER, "sku", Map.of("tier", "GeneralPurpose"), "highAvailability",
                        Map.of("mode", "ZoneRedundant")), resource(SERVER, "sku", Map.of("tier", "Burstable"),
                        "highAvailability", Map.of("mode", "SameZone")), "highAvailability.mode", DEVELOPMENT),
                new Case("AZ-PG-003", resource(SERVER, "highAvailability", Map.of("mode", "SameZone")),
                        resource(SERVER, "highAvailability", Map.of("mode", "ZoneRedundant")), "highAvailability.mode",
                        WITHOUT_ZONES),
                new Case("AZ-PG-003", resource(SERVER, "availabilityZone", "3"),
                        resource(SERVER, "availabilityZone", "4"), "availabilityZone", DEVELOPMENT),
                new Case("AZ-ST-001", resource(ACCOUNT, "sku", Map.of("name", "Standard_GRS")),
                        resource(ACCOUNT, "sku", Map.of("name", "Standard_GZRS")), "sku.name", WITHOUT_ZONES),
                new Case("AZ-RBAC-001", resource(LOCK, "level", "CanNotDelete"), resource(LOCK, "level",
                        "CanNotDelete"), "type", null),
                new Case("AZ-RBAC-002", resource(ROLE_ASSIGNMENT, "roleDefinitionId", SECRETS_USER, "principalType",
                        "ServicePrincipal"), resource(ROLE_ASSIGNMENT, "roleDefinitionId", OWNER, "principalType",
                        "ServicePrincipal"), "roleDefinitionId", DEVELOPMENT),
                new Case("AZ-RBAC-002", resource(ROLE_ASSIGNMENT, "roleDefinitionId", SECRETS_USER, "principalType",
                        "Group"), resource(ROLE_ASSIGNMENT, "roleDefinitionId", SECRETS_USER, "principalType", "User"),
                        "roleDefinitionId", DEVELOPMENT),
                new Case("AZ-RBAC-003", resource(ROLE_ASSIGNMENT, "roleAssignmentName",
                        "fd804237-77e9-5357-b490-fa94a6e8bef6"), resource(ROLE_ASSIGNMENT, "roleAssignmentName",
                        "reader-orders"), "roleAssignmentName", DEVELOPMENT)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void azureAcceptsOneAndRefusesTheOther(Case c) {
        // AZ-RBAC-001: the same lock is accepted from the production deployer and refused from the other one.
        var acceptedIn = c.facts() != null ? c.facts() : PRODUCTION;
        var refusedIn = c.facts() != null ? c.facts() : DEVELOPMENT;
        assertThat(breachesOf(c.rule(), c.accepted(), acceptedIn)).as("accepted").isEmpty();
        var breaches = breachesOf(c.rule(), c.refused(), refusedIn);
        assertThat(breaches).as("refused").isNotEmpty().allSatisfy(breach -> {
            assertThat(breach.breach().property()).isEqualTo(c.property());
            assertThat(breach.describe()).contains("resource 'r'", c.property(), "Rule " + c.rule(), "source: ");
        });
    }

    @Test
    void everyRuleHasACaseBothWays() {
        var covered = cases().map(a -> ((Case) a.get()[0]).rule()).collect(Collectors.toSet());
        assertThat(AzureRules.ALL).extracting(AzureRule::id).allMatch(covered::contains, "covered by a case");
        assertThat(AzureRules.ALL).extracting(AzureRule::id).doesNotHaveDuplicates();
        assertThat(AzureRules.ALL).allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
    }

    @Test
    void theVersionRulesFollowTheDayOfTheRun() {
        var cluster = resource(CLUSTER, "kubernetesVersion", "1.35", "agentPoolProfiles",
                List.of(Map.of("name", "system", "mode", "System", "count", 2.0)));
        assertThat(breachesOf("AZ-AKS-002", cluster, DEVELOPMENT)).isEmpty();
        var afterMarch = new DeploymentFacts(LocalDate.of(2027, 4, 1), "westeurope", Deployer.NON_PRODUCTION);
        assertThat(breachesOf("AZ-AKS-002", cluster, afterMarch)).singleElement()
                .satisfies(b -> assertThat(b.breach().detail()).contains("left standard support after 2027-03-31"));
    }

    @Test
    void valuesKnownOnlyAfterApplyAreNotJudged() {
        var pool = resource(POOL, "enableAutoScaling", true, "count", RegisteredResource.Unknown.VALUE, "minCount", 1.0,
                "maxCount", 3.0, "orchestratorVersion", RegisteredResource.Unknown.VALUE);
        assertThat(AzureRules.evaluate(List.of(pool), DEVELOPMENT)).isEmpty();
    }

    @Test
    void aSecretIsCheckedButNeverShown() {
        var vault = resource(VAULT, "tags", new RegisteredResource.Secret(Map.of("owner", "s3cr3t-" + "x".repeat(300))));
        var breach = breachesOf("AZ-TAG-001", vault, DEVELOPMENT);
        assertThat(breach).singleElement().satisfies(b -> assertThat(b.describe()).contains("[secret]")
                .doesNotContain("s3cr3t"));
    }

    @Test
    void componentsAndOtherProvidersAreNotJudged() {
        var component = new RegisteredResource("platform:azure:SecretStore", "r", "urn:r", "", "", List.of(),
                Map.of("tags", tags(60)), false, options());
        assertThat(AzureRules.evaluate(List.of(component), DEVELOPMENT)).isEmpty();
    }

    private static List<AzureRuleBreach> breachesOf(String rule, RegisteredResource resource, DeploymentFacts facts) {
        return AzureRules.evaluate(List.of(resource), facts).stream().filter(b -> b.rule().id().equals(rule)).toList();
    }

    /** A custom resource named {@code r} of {@code type} with the inputs given as key, value pairs. */
    static RegisteredResource resource(String type, Object... keysAndValues) {
        var inputs = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            inputs.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new RegisteredResource(type, "r", "urn:pulumi:dev::p::" + type + "::r", "", "", List.of(), inputs, true,
                options());
    }

    private static RegisteredResource.Options options() {
        return new RegisteredResource.Options("", false, List.of(), false, "", false);
    }

    private static Map<String, String> tags(int count) {
        var tags = new HashMap<String, String>();
        for (int i = 0; i < count; i++) {
            tags.put("tag" + i, "value");
        }
        return tags;
    }
}
