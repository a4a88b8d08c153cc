package io.platforminfra.components.secretstore;

import io.platforminfra.offline.AzureMocks;
import com.pulumi.core.Output;
import io.platforminfra.components.validation.InvalidSettingsException;
import io.platforminfra.components.access.Grant;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestArgs;
import io.platforminfra.testing.TestPlacements;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static io.platforminfra.testing.Assertions.assertAllParentedTo;
import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

class SecretStoreTest {
    private static final String VAULT = "azure-native:keyvault:Vault";

    static RunResult deploy(SecretStoreSettings settings, Consumer<SecretStore> use) {
        return deploy(settings, UnaryOperator.identity(), use);
    }

    static RunResult deploy(SecretStoreSettings settings, UnaryOperator<SecretStoreArgs.SecretStoreArgsBuilder> args,
                            Consumer<SecretStore> use) {
        return MockedRun.builder().run(ctx -> use.accept(new SecretStore("secrets",
                args.apply(TestArgs.privateInDev(SecretStoreArgs.builder()).settings(settings)).build(), null)));
    }

    static RunResult deploy(SecretStoreSettings settings) {
        return deploy(settings, store -> { });
    }

    @Test
    void vaultIsPrivateRbacOnlyAndPurgeProtectedByDefault() {
        var run = deploy(SecretStoreSettings.defaults());
        assertSucceeded(run);
        var vault = run.single(VAULT);
        assertThat(vault.input("vaultName")).contains("kv-plat-dev-weu-" + TestPlacements.dev().naming().uniqueSuffix());
        assertThat(vault.input("properties.enableRbacAuthorization")).contains(true);
        assertThat(vault.input("properties.enablePurgeProtection")).contains(true);
        assertThat(vault.input("properties.enableSoftDelete")).contains(true);
        assertThat(vault.input("properties.softDeleteRetentionInDays")).contains(90.0);
        assertThat(vault.input("properties.publicNetworkAccess")).contains("Disabled");
        assertThat(vault.input("properties.networkAcls.defaultAction")).contains("Deny");
        assertThat(vault.input("properties.accessPolicies")).isEmpty();
        assertThat(vault.input("properties.tenantId")).contains(io.platforminfra.offline.AzureMocks.TENANT_ID);
    }

    @Test
    void allowingIpRangesOpensOnlyThoseRanges() {
        var vault = deploy(SecretStoreSettings.builder().allowedIpRange("203.0.113.7").build()).single(VAULT);
        assertThat(vault.input("properties.publicNetworkAccess")).contains("Enabled");
        assertThat(vault.input("properties.networkAcls.defaultAction")).contains("Deny");
        assertThat(vault.input("properties.networkAcls.ipRules")).contains(List.of(Map.of("value", "203.0.113.7")));
    }

    @Test
    void vaultIsReachedThroughAPrivateEndpointWithItsOwnDnsZone() {
        var run = deploy(SecretStoreSettings.defaults());
        var endpoint = run.single("azure-native:network:PrivateEndpoint");
        assertThat(endpoint.input("subnet.id")).contains(TestArgs.ENDPOINT_SUBNET_ID);
        assertThat(endpoint.input("privateLinkServiceConnections.0.groupIds")).contains(List.of("vault"));
        assertThat(run.single("azure-native:network:PrivateZone").input("privateZoneName"))
                .contains("privatelink.vaultcore.azure.net");
        assertThat(run.single("azure-native:network:VirtualNetworkLink").input("virtualNetwork.id"))
                .contains(TestArgs.NETWORK_ID);
        assertThat(run.single("azure-native:insights:DiagnosticSetting").input("logs.0.categoryGroup")).contains("allLogs");
    }

    @Test
    void secretReadersGetSecretsUserOnThisVaultOnly() {
        var run = deploy(SecretStoreSettings.defaults(),
                args -> args.secretReader(new Grant("reader", Output.of("principal-1"))), store -> { });
        var grant = run.named("reader").orElseThrow();
        assertThat(grant.input("principalId")).contains("principal-1");
        assertThat((String) grant.input("roleDefinitionId").orElseThrow()).endsWith("4633458b-17de-408a-b874-0445c86b69e6");
        assertThat((String) grant.input("scope").orElseThrow()).endsWith("Vault/kv-plat-dev-weu-"
                + TestPlacements.dev().naming().uniqueSuffix());
        assertThat(grant.parentUrn()).isEqualTo(run.single(SecretStore.TYPE).urn());
    }

    @Test
    void storedSecretValuesStaySecret() {
        var run = deploy(SecretStoreSettings.defaults(),
                store -> store.storeSecret("db-password", Output.ofSecret("s3cr3t-value")));
        var secret = run.single("azure-native:keyvault:Secret");
        assertThat(secret.input("secretName")).contains("db-password");
        assertThat(secret.input("properties.value")).get().isInstanceOf(RegisteredResource.Secret.class);
        assertThat(secret.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertAllParentedTo(deploy(SecretStoreSettings.defaults()), SecretStore.TYPE);
    }

    @Test
    void invalidSettingsAreAllReportedBeforeAnythingIsRegistered() {
        var settings = SecretStoreSettings.builder().sku("gold").allowedIpRange("everyone").softDeleteRetentionDays(3).build();
        assertRejectedBeforeRegistering(deploy(settings), InvalidSettingsException.class,
                "sku must be one of standard, premium (value: 'gold')",
                "allowedIpRanges[0] must be an IPv4 address such as 203.0.113.7 or a CIDR range written from its first"
                        + " address such as 203.0.113.0/24 (value: 'everyone')",
                "softDeleteRetentionDays must be between 7 and 90 (value: 3)");
    }
}
