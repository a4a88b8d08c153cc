package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureRegions;
import io.platforminfra.offline.RegisteredResource;

import java.util.List;

/**
 * The region a resource is created in (its own {@code location}, else the stage's) with that region's availability
 * zones: one place for how the rules that refuse a zone a region lacks find the region and word the refusal.
 *
 * @param region the region's programmatic name
 * @param zones  its logical zones; none when it has none or is unknown
 */
record RegionZones(String region, List<String> zones) {

    /** The region {@code resource} is created in, with its zones. */
    static RegionZones of(RegisteredResource resource, DeploymentFacts facts) {
        var region = Inputs.text(resource, "location").orElse(facts.location());
        return new RegionZones(region, AzureRegions.zonesOf(region));
    }

    /** Whether the region has no availability zones at all. */
    boolean none() {
        return zones.isEmpty();
    }

    /** Why a zone, or a zone-redundant setting, is refused in this region. */
    String refusal() {
        return none() ? "region " + region + " has no availability zones"
                : "region " + region + " has the zones " + zones;
    }
}
