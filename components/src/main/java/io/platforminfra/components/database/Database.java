package io.platforminfra.components.database;

import com.pulumi.azurenative.dbforpostgresql.Administrator;
import com.pulumi.azurenative.dbforpostgresql.AdministratorArgs;
import com.pulumi.azurenative.dbforpostgresql.Configuration;
import com.pulumi.azurenative.dbforpostgresql.ConfigurationArgs;
import com.pulumi.azurenative.dbforpostgresql.Server;
import com.pulumi.azurenative.dbforpostgresql.ServerArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.AuthConfigArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.BackupArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.HighAvailabilityArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.NetworkArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.SkuArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.StorageArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.platforminfra.azure.AzureRegions;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.base.AzureComponent;
import io.platforminfra.components.base.Components;
import io.platforminfra.components.attach.PrivateDns;
import io.platforminfra.components.base.StatefulResources;
import io.platforminfra.components.attach.DiagnosticSettings;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL flexible server with private access only: it lives in a delegated subnet and resolves through a
 * private DNS zone linked to the stage's network, so it has no public endpoint at all. Entra ID authentication is
 * on with a group as administrator; password authentication is off unless asked for. TLS is enforced, backups are
 * kept for the configured days (geo-redundant by default), high availability is zone-redundant by default, and
 * logs go to the workspace.
 */
public class Database extends AzureComponent {
    /** Pulumi type token. */
    public static final String TYPE = Components.TYPE_PREFIX + "Database";

    private final Output<String> hostName;

    /** Creates the server and its databases; throws before registering anything when the args are invalid. */
    public Database(String name, DatabaseArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, AzureResourceType.POSTGRES_SERVER, name, args, options);
        var placement = args.getPlacement();
        var settings = args.getSettings();
        var serverName = mainResourceName();

        // Azure requires the zone name to end in .postgres.database.azure.com; one zone per server keeps
        // stages and servers from sharing records.
        var dns = PrivateDns.linkedZone(name + "-psql", serverName + ".private.postgres.database.azure.com",
                args.getVirtualNetworkId(), placement, this);

        var server = new Server(name + "-psql", serverArgs(serverName, args, dns.zone().id()),
                StatefulResources.options(adoption(), placement, this)
                        .dependsOn(dns.link())
                        .additionalSecretOutputs("administratorLoginPassword")
                        // Zones are chosen at creation only, and a failover swaps them: see DatabaseSettings.
                        .ignoreChanges("availabilityZone", "highAvailability.standbyAvailabilityZone")
                        .build());

        var underServer = new ArrayList<Resource>();
        Resource previous = new Configuration(name + "-require-tls", ConfigurationArgs.builder()
                .configurationName("require_secure_transport")
                .value("on")
                .source("user-override")
                .serverName(server.name())
                .resourceGroupName(placement.resourceGroupName())
                // azure-native 2.10.0 cannot delete a server parameter (pulumi/pulumi-azure-native#3072; fixed in
                // PR #3752, after 2.10.0): deleting only forgets it. The setting goes with its server; a removed one
                // stays at its last value, here the secure one. (deletedWith is not settable in pulumi-java 1.36.1; docs/upgrading.md.)
                .build(), CustomResourceOptions.builder().parent(this).retainOnDelete(true).build());
        underServer.add(previous);
        previous = new Administrator(name + "-entra-admin", AdministratorArgs.builder()
                .objectId(settings.getAdminGroupObjectId())
                .principalName(settings.getAdminGroupName())
                .principalType("Group")
                .tenantId(placement.tenantId())
                .serverName(server.name())
                .resourceGroupName(placement.resourceGroupName())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(previous).build());
        underServer.add(previous);
        for (var database : settings.getDatabases()) {
            // One change at a time: a flexible server rejects concurrent operations ("ServerBusy").
            previous = new com.pulumi.azurenative.dbforpostgresql.Database(name + "-db-" + database,
                    com.pulumi.azurenative.dbforpostgresql.DatabaseArgs.builder()
                            .databaseName(database)
                            .charset("UTF8")
                            .collation("en_US.utf8")
                            .serverName(server.name())
                            .resourceGroupName(placement.resourceGroupName())
                            // Removing a database from the list drops its data: protected like the server.
                            .build(), CustomResourceOptions.builder().parent(this).dependsOn(previous)
                            .protect(placement.protectStateful()).build());
            underServer.add(previous);
        }
        underServer.add(DiagnosticSettings.send(name + "-psql-diag", server.id(), args.getLogAnalyticsWorkspaceId(),
                DiagnosticSettings.Signals.LOGS_AND_METRICS, this));
        StatefulResources.lock(name + "-psql-lock", server, name + "-psql", underServer, placement, this);

        this.hostName = server.fullyQualifiedDomainName();
        publish(server.id(), server.name(), Map.of("hostName", hostName));
    }

    private static ServerArgs serverArgs(String serverName, DatabaseArgs args, Output<String> zoneId) {
        var placement = args.getPlacement();
        var settings = args.getSettings();
        var zones = AzureRegions.zonesOf(placement.location());
        var server = ServerArgs.builder()
                .serverName(serverName)
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .version(settings.getVersion())
                .sku(SkuArgs.builder().name(settings.getSkuName())
                        .tier(DatabaseSettings.TIERS.of(settings.getTier())).build())
                .storage(StorageArgs.builder().storageSizeGB(settings.getStorageSizeGb()).build())
                .backup(BackupArgs.builder()
                        .backupRetentionDays(settings.getBackupRetentionDays())
                        .geoRedundantBackup(settings.isGeoRedundantBackup() ? "Enabled" : "Disabled")
                        .build())
                .highAvailability(highAvailability(settings, zones))
                .network(NetworkArgs.builder()
                        .delegatedSubnetResourceId(args.getDelegatedSubnetId())
                        .privateDnsZoneArmResourceId(zoneId)
                        .build())
                .authConfig(AuthConfigArgs.builder()
                        .activeDirectoryAuth("Enabled")
                        .passwordAuth(settings.isPasswordAuth() ? "Enabled" : "Disabled")
                        .tenantId(placement.tenantId())
                        .build())
                .tags(placement.tags());
        var primaryZone = settings.primaryZone(zones);
        if (primaryZone != null) {
            server.availabilityZone(primaryZone);
        }
        if (settings.isPasswordAuth()) {
            server.administratorLogin(settings.getAdministratorLogin())
                    .administratorLoginPassword(args.getAdministratorPassword().asSecret());
        }
        return server.build();
    }

    private static HighAvailabilityArgs highAvailability(DatabaseSettings settings, List<String> zones) {
        var highAvailability = HighAvailabilityArgs.builder()
                .mode(DatabaseSettings.HIGH_AVAILABILITY_MODES.of(settings.getHighAvailability()));
        var standby = settings.standbyZone(zones);
        if (standby != null) {
            highAvailability.standbyAvailabilityZone(standby);
        }
        return highAvailability.build();
    }

    /** Host name clients connect to; it resolves to the private address inside the stage's network. */
    public Output<String> hostName() {
        return hostName;
    }
}
