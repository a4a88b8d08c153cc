package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.platforminfra.azure.AzureResourceType.MANAGED_CLUSTER;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_DATABASE;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_SERVER;
import static io.platforminfra.azure.AzureResourceType.STORAGE_ACCOUNT;
import static io.platforminfra.azure.AzureResourceType.VAULT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's production guards (protect, lock, diagnostics) apply to the types the one table guards in production,
 * the four core types, and not to the wider set whose deletion the preview warns of.
 */
class GuardedTypesTest {
    /** A production stage with one bare resource of every type in the table: nothing protected, locked or watched. */
    private static final PolicyTarget EVERY_TYPE_UNGUARDED = new PolicyTarget("prod", "Pulumi.prod.yaml", true,
            TestDates.AS_OF, Arrays.stream(AzureResourceType.values()).map(type -> new PolicyResource(type.token(),
                    type.name(), "urn:" + type.name(), Map.of(), false, "", List.of())).toList());

    @Test
    void locksAndDiagnosticsAreRequiredOfTheFourGuardedTypes() {
        assertThat(findingTypes("PI-GOV-002")).containsExactlyInAnyOrder(MANAGED_CLUSTER.token(), VAULT.token(),
                STORAGE_ACCOUNT.token(), POSTGRES_SERVER.token());
        assertThat(findingTypes("PI-MON-001")).containsExactlyInAnyOrderElementsOf(findingTypes("PI-GOV-002"));
    }

    @Test
    void protectionIsRequiredOfTheGuardedTypesAndTheirDatabases() {
        assertThat(findingTypes("PI-GOV-001")).containsExactlyInAnyOrder(MANAGED_CLUSTER.token(), VAULT.token(),
                STORAGE_ACCOUNT.token(), POSTGRES_SERVER.token(), POSTGRES_DATABASE.token());
    }

    private static List<String> findingTypes(String rule) {
        return Rules.byId(rule).orElseThrow().check().evaluate(EVERY_TYPE_UNGUARDED).stream()
                .map(Finding::resourceType).toList();
    }
}
