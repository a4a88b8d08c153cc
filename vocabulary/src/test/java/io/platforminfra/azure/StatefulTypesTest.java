package io.platforminfra.azure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one table of stateful types: its two sets, and tokens with an explicit API version. */
class StatefulTypesTest {

    @Test
    void theCoreTypesAreTheFourThePolicyProtectsAndLocks() {
        assertThat(StatefulTypes.CORE).containsExactlyInAnyOrder(ResourceTypes.MANAGED_CLUSTER, ResourceTypes.VAULT,
                ResourceTypes.STORAGE_ACCOUNT, ResourceTypes.POSTGRES_SERVER);
    }

    @Test
    void everyCoreTypeLosesDataAndTheDataLosingSetIsWider() {
        assertThat(StatefulTypes.DATA_LOSING).containsAll(StatefulTypes.CORE).contains(
                ResourceTypes.AGENT_POOL, ResourceTypes.BLOB_CONTAINER, ResourceTypes.POSTGRES_DATABASE,
                "azure-native:resources:ResourceGroup", "azure-native:operationalinsights:Workspace",
                "azure-native:network:VirtualNetwork", "azure-native:managedidentity:UserAssignedIdentity");
        assertThat(StatefulTypes.all()).extracting(StatefulTypes.StatefulType::token)
                .containsExactlyInAnyOrderElementsOf(StatefulTypes.DATA_LOSING)
                .allSatisfy(token -> assertThat(token).isEqualTo(StatefulTypes.withoutApiVersion(token)));
    }

    @Test
    void anIdentityLosesSomethingOnlyWhenFederatedCredentialsNameIt() {
        assertThat(StatefulTypes.of("azure-native:managedidentity:UserAssignedIdentity").orElseThrow()
                .onlyWhenReferencedBy()).contains(StatefulTypes.FEDERATED_IDENTITY_CREDENTIAL);
        assertThat(StatefulTypes.all()).filteredOn(type -> type.onlyWhenReferencedBy().isPresent()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "azure-native:dbforpostgresql/v20221201:Server, azure-native:dbforpostgresql:Server",
            "azure-native:containerservice/v20230601preview:ManagedCluster, azure-native:containerservice:ManagedCluster",
            "azure-native:keyvault/v20230701:Vault, azure-native:keyvault:Vault",
            "azure-native:resources/v20220901:ResourceGroup, azure-native:resources:ResourceGroup",
            "azure-native:storage/latest:BlobContainer, azure-native:storage:BlobContainer",
            "azure-native:storage:StorageAccount, azure-native:storage:StorageAccount"})
    void aTokenWithAnApiVersionIsTheSameType(String versioned, String plain) {
        assertThat(StatefulTypes.withoutApiVersion(versioned)).isEqualTo(plain);
        assertThat(StatefulTypes.of(versioned)).isPresent().isEqualTo(StatefulTypes.of(plain));
    }

    @Test
    void theCoreTypesAreRecognisedUnderAnApiVersionToo() {
        assertThat(StatefulTypes.isCore("azure-native:dbforpostgresql/v20221201:Server")).isTrue();
        assertThat(StatefulTypes.isCore("azure-native:dbforpostgresql/v20221201:Database")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"azure-native:network:PrivateEndpoint", "azure-native:insights:DiagnosticSetting",
            "azure-native:authorization:RoleAssignment", "pulumi:pulumi:Stack", "not-a-token"})
    void whatMerelyPointsAtStatefulResourcesOrIsNoTokenIsNotStateful(String token) {
        assertThat(StatefulTypes.of(token)).isEmpty();
    }
}
