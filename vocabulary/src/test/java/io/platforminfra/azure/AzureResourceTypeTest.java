package io.platforminfra.azure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Map;

import static io.platforminfra.azure.AzureResourceType.AGENT_POOL;
import static io.platforminfra.azure.AzureResourceType.BLOB_CONTAINER;
import static io.platforminfra.azure.AzureResourceType.FEDERATED_IDENTITY_CREDENTIAL;
import static io.platforminfra.azure.AzureResourceType.LOG_ANALYTICS_WORKSPACE;
import static io.platforminfra.azure.AzureResourceType.MANAGED_CLUSTER;
import static io.platforminfra.azure.AzureResourceType.NETWORK_SECURITY_GROUP;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_DATABASE;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_SERVER;
import static io.platforminfra.azure.AzureResourceType.PRIVATE_ENDPOINT;
import static io.platforminfra.azure.AzureResourceType.RESOURCE_GROUP;
import static io.platforminfra.azure.AzureResourceType.STORAGE_ACCOUNT;
import static io.platforminfra.azure.AzureResourceType.SUBNET;
import static io.platforminfra.azure.AzureResourceType.USER_ASSIGNED_IDENTITY;
import static io.platforminfra.azure.AzureResourceType.VAULT;
import static io.platforminfra.azure.AzureResourceType.VIRTUAL_NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one table of types: its two stateful sets, Azure name inputs, the deployer's authorization types, tokens
 * with an explicit API version, and the naming rules of the types the platform names.
 */
class AzureResourceTypeTest {

    @Test
    void theTypesGuardedInProductionAreTheFourThePolicyProtectsAndLocks() {
        assertThat(AzureResourceType.values()).filteredOn(AzureResourceType::guardedInProduction)
                .containsExactlyInAnyOrder(MANAGED_CLUSTER, VAULT, STORAGE_ACCOUNT, POSTGRES_SERVER);
    }

    @Test
    void everyGuardedTypeLosesDataAndTheDataLosingSetIsWider() {
        var losing = Arrays.stream(AzureResourceType.values()).filter(AzureResourceType::losesData).toList();
        assertThat(losing).containsAll(Arrays.stream(AzureResourceType.values())
                        .filter(AzureResourceType::guardedInProduction).toList())
                .contains(AGENT_POOL, BLOB_CONTAINER, POSTGRES_DATABASE, RESOURCE_GROUP, LOG_ANALYTICS_WORKSPACE,
                        VIRTUAL_NETWORK, USER_ASSIGNED_IDENTITY);
        assertThat(losing).extracting(AzureResourceType::token)
                .allSatisfy(token -> assertThat(token).isEqualTo(AzureResourceType.withoutApiVersion(token)));
    }

    @Test
    void anIdentityLosesSomethingOnlyWhenFederatedCredentialsNameIt() {
        assertThat(AzureResourceType.of("azure-native:managedidentity:UserAssignedIdentity")
                .flatMap(AzureResourceType::loss).orElseThrow().onlyWhenReferencedBy())
                .contains(FEDERATED_IDENTITY_CREDENTIAL);
        assertThat(AzureResourceType.values())
                .filteredOn(type -> type.loss().flatMap(AzureResourceType.Loss::onlyWhenReferencedBy).isPresent())
                .hasSize(1);
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
        assertThat(AzureResourceType.withoutApiVersion(versioned)).isEqualTo(plain);
        assertThat(AzureResourceType.of(versioned)).isPresent().isEqualTo(AzureResourceType.of(plain));
        assertThat(AzureResourceType.of(versioned).flatMap(AzureResourceType::loss)).isPresent();
    }

    @Test
    void theGuardedTypesAreRecognisedUnderAnApiVersionToo() {
        assertThat(AzureResourceType.of("azure-native:dbforpostgresql/v20221201:Server")
                .filter(AzureResourceType::guardedInProduction)).isPresent();
        assertThat(AzureResourceType.of("azure-native:dbforpostgresql/v20221201:Database")
                .filter(AzureResourceType::guardedInProduction)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"azure-native:network:PrivateEndpoint", "azure-native:insights:DiagnosticSetting",
            "azure-native:authorization:RoleAssignment", "pulumi:pulumi:Stack", "not-a-token"})
    void whatMerelyPointsAtStatefulResourcesOrIsNoTokenIsNotStateful(String token) {
        assertThat(AzureResourceType.of(token).flatMap(AzureResourceType::loss)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "azure-native:keyvault:Vault, vaultName",
            "azure-native:containerservice/v20230601:MaintenanceConfiguration, configName",
            "azure-native:insights:DiagnosticSetting, name",
            "azure-native:cache:Redis, name"})
    void theAzureNameIsReadFromTheTypesOwnInputOrName(String token, String input) {
        assertThat(AzureResourceType.azureNameInputOf(token)).isEqualTo(input);
        assertThat(AzureResourceType.azureNameIn(token, Map.of(input, "the-name", "other", "x"))).contains("the-name");
        assertThat(AzureResourceType.azureNameIn(token, Map.of("other", "x"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "azure-native:authorization:RoleAssignment, Microsoft.Authorization/roleAssignments",
            "azure-native:authorization:ManagementLockByScope, Microsoft.Authorization/locks",
            "azure-native:authorization:ManagementLockAtSubscriptionLevel, Microsoft.Authorization/locks",
            "azure-native:authorization:PolicyAssignment, Microsoft.Authorization/policyAssignments",
            "azure-native:authorization:RoleDefinition,"
                    + " Microsoft.Authorization/<unknown: azure-native:authorization:RoleDefinition>"})
    void theDeployerNeedsMoreThanContributorForEveryAuthorizationType(String token, String armType) {
        assertThat(AzureResourceType.authorizationArmType(token)).contains(armType);
    }

    @Test
    void typesOutsideAuthorizationNeedOnlyContributor() {
        assertThat(AzureResourceType.authorizationArmType(VAULT.token())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AzureResourceType.class)
    void everyTypeIsFoundByItsOwnToken(AzureResourceType type) {
        assertThat(AzureResourceType.of(type.token())).contains(type);
        assertThat(type.isTypeOf(type.token())).isTrue();
    }

    @Test
    void theConventionNamesTheMainResourcesAndWhatTheComponentsCreateBesideThem() {
        assertThat(AzureResourceType.values()).filteredOn(type -> type.naming().isPresent())
                .containsExactly(RESOURCE_GROUP, VIRTUAL_NETWORK, SUBNET, NETWORK_SECURITY_GROUP, PRIVATE_ENDPOINT,
                        LOG_ANALYTICS_WORKSPACE, MANAGED_CLUSTER, USER_ASSIGNED_IDENTITY, VAULT, STORAGE_ACCOUNT,
                        POSTGRES_SERVER);
    }

    @Test
    void namedTypesHaveTheirOwnAbbreviationAndArmTypeSoTwoTypesNeverGetTheSameName() {
        var rules = Arrays.stream(AzureResourceType.values()).flatMap(type -> type.naming().stream()).toList();
        assertThat(rules).extracting(NamingRules::abbreviation).doesNotHaveDuplicates();
        assertThat(rules).extracting(NamingRules::armType).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({
            "VAULT, kv-plat-dev-weu-1a2b, true",
            "VAULT, kv--plat, false",
            "VAULT, 1kv-plat, false",
            "VAULT, kv-plat-integration-weu-1a2b, false",
            "STORAGE_ACCOUNT, stplatdevweu1a2b, true",
            "STORAGE_ACCOUNT, st-plat-dev-weu, false",
            "STORAGE_ACCOUNT, stPlatDevWeu, false",
            "POSTGRES_SERVER, psql-plat-dev-weu-1a2b, true",
            "POSTGRES_SERVER, psql-plat-dev-weu-, false",
            "RESOURCE_GROUP, rg-plat-dev-weu, true",
            "RESOURCE_GROUP, rg-plat-dev-weu., false",
            "LOG_ANALYTICS_WORKSPACE, log, false"})
    void aNameIsCheckedAgainstAzuresLengthAndCharacterRulesForItsType(AzureResourceType type, String name,
                                                                         boolean accepted) {
        assertThat(type.naming().orElseThrow().accepts(name)).isEqualTo(accepted);
    }

    @Test
    void theRuleInWordsGivesTheLengthsThePatternAndTheType() {
        assertThat(VAULT.naming().orElseThrow().rule()).isEqualTo("be 3-24 characters matching"
                + " [a-zA-Z]([a-zA-Z0-9]|-(?!-))*[a-zA-Z0-9] (Azure's rule for key vault names)");
    }
}
