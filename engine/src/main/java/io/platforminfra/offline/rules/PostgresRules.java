package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.VersionSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What Azure Database for PostgreSQL flexible server refuses when a server is created or updated. */
final class PostgresRules {
    private static final Set<AzureResourceType> SERVER = Set.of(AzureResourceType.POSTGRES_SERVER);
    private static final String HIGH_AVAILABILITY = "azure-databases-docs articles/postgresql/high-availability/"
            + "how-to-configure-high-availability.md and concepts-high-availability.md";

    private PostgresRules() {
    }

    static List<AzureRule> all() {
        return List.of(
                new AzureRule("AZ-PG-001", SERVER, "a server is created only with a PostgreSQL major version in"
                        + " standard support on that day, which the provider's API version can send",
                        "azure-databases-docs articles/postgresql/configure-maintain/concepts-version-policy.md (\"You"
                                + " can't create new servers by using a PostgreSQL version that is retired\");"
                                + " FlexibleServers.json API 2022-12-01",
                        (resource, facts) -> VersionBreaches.of(resource, "version",
                                VersionSupport.Product.POSTGRESQL, facts.asOf())),
                new AzureRule("AZ-PG-002", SERVER, "high availability runs only in the General Purpose and Memory"
                        + " Optimized tiers", HIGH_AVAILABILITY + " (\"The Burstable tier doesn't support high"
                        + " availability\")",
                        (resource, facts) -> {
                            var mode = Inputs.text(resource, "highAvailability.mode").orElse("Disabled");
                            var tier = Inputs.text(resource, "sku.tier").orElse("");
                            return !mode.equals("Disabled") && tier.equals("Burstable")
                                    ? List.of(new AzureRule.Breach("highAvailability.mode", mode, "the tier is Burstable"))
                                    : List.of();
                        }),
                new AzureRule("AZ-PG-003", SERVER, "zone-redundant high availability, and any availability zone,"
                        + " only in a region with availability zones, and only its zones", HIGH_AVAILABILITY
                        + " (\"The zone-redundant option is only available in regions that have support for"
                        + " availability zones\"); Azure regions list",
                        (resource, facts) -> {
                            var region = RegionZones.of(resource, facts);
                            var breaches = new ArrayList<AzureRule.Breach>();
                            Inputs.text(resource, "highAvailability.mode").filter("ZoneRedundant"::equals)
                                    .filter(mode -> region.none()).ifPresent(mode -> breaches.add(
                                            new AzureRule.Breach("highAvailability.mode", mode, region.refusal())));
                            for (var path : List.of("availabilityZone", "highAvailability.standbyAvailabilityZone")) {
                                Inputs.text(resource, path)
                                        .filter(zone -> !zone.isEmpty() && !region.zones().contains(zone))
                                        .ifPresent(zone -> breaches.add(new AzureRule.Breach(path, zone,
                                                region.refusal())));
                            }
                            return breaches;
                        }));
    }
}
