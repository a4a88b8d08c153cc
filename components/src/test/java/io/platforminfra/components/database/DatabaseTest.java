package io.platforminfra.components.database;

import com.pulumi.core.Output;
import io.platforminfra.components.validation.InvalidSettingsException;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.platforminfra.testing.Assertions.assertAllParentedTo;
import static io.platforminfra.testing.Assertions.assertInvalidSettingRefused;
import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {
    private static final String SERVER = "azure-native:dbforpostgresql:Server";
    private static final String ADMINS = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

    static DatabaseSettings.DatabaseSettingsBuilder valid() {
        return DatabaseSettings.builder().adminGroupObjectId(ADMINS).adminGroupName("db-admins").database("orders");
    }

    static RunResult deploy(DatabaseSettings settings, Output<String> password) {
        return MockedRun.builder().run(ctx -> new Database("database", TestArgs.monitoredInDev(DatabaseArgs.builder())
                .delegatedSubnetId(Output.of("/subnets/database"))
                .virtualNetworkId(Output.of(TestArgs.NETWORK_ID))
                .settings(settings)
                .administratorPassword(password)
                .build(), null));
    }

    @Test
    void serverIsPrivateWithEntraIdOnlyAndResilientByDefault() {
        var run = deploy(valid().build(), null);
        assertSucceeded(run);
        var server = run.single(SERVER);
        assertThat(server.input("version")).contains("15");
        assertThat(server.input("network.delegatedSubnetResourceId")).contains("/subnets/database");
        assertThat(server.input("authConfig.activeDirectoryAuth")).contains("Enabled");
        assertThat(server.input("authConfig.passwordAuth")).contains("Disabled");
        assertThat(server.input("administratorLogin")).isEmpty();
        assertThat(server.input("backup.geoRedundantBackup")).contains("Enabled");
        assertThat(server.input("backup.backupRetentionDays")).contains(14.0);
        assertThat(server.input("highAvailability.mode")).contains("ZoneRedundant");
    }

    @Test
    void zonesArePinnedAtCreationAndIgnoredAfterAFailoverSwapsThem() {
        var server = deploy(valid().build(), null).single(SERVER);
        assertThat(server.input("availabilityZone")).contains("1");
        assertThat(server.input("highAvailability.standbyAvailabilityZone")).contains("2");
        assertThat(server.options().ignoreChanges())
                .containsExactlyInAnyOrder("availabilityZone", "highAvailability.standbyAvailabilityZone");
        var chosen = deploy(valid().availabilityZone("3").standbyAvailabilityZone("1").build(), null).single(SERVER);
        assertThat(chosen.input("availabilityZone")).contains("3");
        assertThat(chosen.input("highAvailability.standbyAvailabilityZone")).contains("1");
    }

    @Test
    void withoutZoneRedundancyTheServerHasNoStandbyZone() {
        var server = deploy(valid().highAvailability("SameZone").build(), null).single(SERVER);
        assertThat(server.input("availabilityZone")).contains("1");
        assertThat(server.input("highAvailability.standbyAvailabilityZone").filter(zone -> !"".equals(zone)))
                .as("no zone-redundant standby (the SDK's own default is \"\", no preference)").isEmpty();
    }

    @Test
    void theTlsParameterIsKeptWhenDeletedBecauseAzureNative210CannotDeleteIt() {
        var configuration = deploy(valid().build(), null).single("azure-native:dbforpostgresql:Configuration");
        assertThat(configuration.input("configurationName")).contains("require_secure_transport");
        assertThat(configuration.options().retainOnDelete()).isTrue();
    }

    @Test
    void serverResolvesThroughAPrivateDnsZoneLinkedToTheNetwork() {
        var run = deploy(valid().build(), null);
        var zone = run.single("azure-native:network:PrivateZone");
        assertThat((String) zone.input("privateZoneName").orElseThrow()).endsWith(".private.postgres.database.azure.com");
        var link = run.single("azure-native:network:VirtualNetworkLink");
        assertThat(link.input("virtualNetwork.id")).contains(TestArgs.NETWORK_ID);
        var server = run.single(SERVER);
        assertThat(server.dependencies()).contains(link.urn());
        assertThat((String) server.input("network.privateDnsZoneArmResourceId").orElseThrow())
                .endsWith(".private.postgres.database.azure.com");
    }

    @Test
    void entraGroupAdministersTheServerAndTlsIsEnforced() {
        var run = deploy(valid().build(), null);
        var admin = run.single("azure-native:dbforpostgresql:Administrator");
        assertThat(admin.input("objectId")).contains(ADMINS);
        assertThat(admin.input("principalName")).contains("db-admins");
        assertThat(admin.input("principalType")).contains("Group");
        var tls = run.single("azure-native:dbforpostgresql:Configuration");
        assertThat(tls.input("configurationName")).contains("require_secure_transport");
        assertThat(tls.input("value")).contains("on");
        assertThat(run.single("azure-native:dbforpostgresql:Database").input("databaseName")).contains("orders");
    }

    @Test
    void passwordAuthenticationMustBeAskedForAndKeepsThePasswordSecret() {
        var run = deploy(valid().passwordAuth(true).build(), Output.ofSecret("pa55-w0rd-value"));
        assertSucceeded(run);
        var server = run.single(SERVER);
        assertThat(server.input("authConfig.passwordAuth")).contains("Enabled");
        assertThat(server.input("administratorLogin")).contains("psqladmin");
        assertThat(server.inputs().get("administratorLoginPassword")).isInstanceOf(RegisteredResource.Secret.class);
        assertThat(server.toString()).doesNotContain("pa55-w0rd-value");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertAllParentedTo(deploy(valid().build(), null), Database.TYPE);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                rule("version", s -> s.version("fifteen")),
                rule("availabilityZone", s -> s.availabilityZone("4")),
                rule("standbyAvailabilityZone", s -> s.availabilityZone("2").standbyAvailabilityZone("2")),
                rule("standbyAvailabilityZone", s -> s.highAvailability("SameZone").standbyAvailabilityZone("2")),
                rule("skuName", s -> s.skuName("D2ds")),
                rule("tier", s -> s.tier("Premium")),
                rule("storageSizeGb", s -> s.storageSizeGb(100)),
                rule("backupRetentionDays", s -> s.backupRetentionDays(3)),
                rule("highAvailability", s -> s.highAvailability("Always")),
                rule("highAvailability", s -> s.tier("Burstable").skuName("Standard_B1ms")),
                rule("databases[1]", s -> s.database("1orders")),
                rule("databases[1]", s -> s.database("postgres")),
                rule("databases", s -> s.database("orders")),
                rule("adminGroupObjectId", s -> s.adminGroupObjectId("db-admins")),
                rule("adminGroupName", s -> s.adminGroupName(" ")),
                rule("administratorLogin", s -> s.passwordAuth(true).administratorLogin("admin")));
    }

    private static Arguments rule(String field, UnaryOperator<DatabaseSettings.DatabaseSettingsBuilder> breakIt) {
        return Arguments.of(field, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingIsRejectedBeforeAnythingIsRegistered(
            String field, UnaryOperator<DatabaseSettings.DatabaseSettingsBuilder> breakIt) {
        var settings = breakIt.apply(valid()).build();
        var password = settings.isPasswordAuth() ? Output.ofSecret("x") : null;
        assertInvalidSettingRefused(settings, field, deploy(settings, password), "Database 'database'");
    }

    @Test
    void passwordAuthenticationWithoutAPasswordIsRejected() {
        assertRejectedBeforeRegistering(deploy(valid().passwordAuth(true).build(), null),
                InvalidSettingsException.class,
                "administratorPassword must be given when passwordAuth is true (value: not set)");
    }

    @Test
    void aPasswordWithoutPasswordAuthenticationIsRejectedWithoutShowingIt() {
        assertRejectedBeforeRegistering(deploy(valid().build(), Output.ofSecret("leak-me")),
                InvalidSettingsException.class,
                "administratorPassword must not be given when passwordAuth is false (value: '[secret]')");
    }
}
