package io.platforminfra.azure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Azure regions this platform may be deployed to: the short code used in resource names, and whether the region has
 * availability zones.
 *
 * <p>Short codes keep names inside Azure's length limits (a storage account name has 24 characters in all). Zones
 * decide what a stage may ask for: zone-redundant storage (ZRS, GZRS, RA-GZRS), zone-redundant PostgreSQL high
 * availability and zonal node pools exist only in regions with zones, and Azure refuses them elsewhere.
 *
 * <p>Source of the zone column: "Azure regions list" (MicrosoftDocs/azure-docs articles/reliability/regions-list.md,
 * ms.date 04/15/2025, column "Availability zone support") and "What are Azure availability zones?" (ms.date
 * 02/11/2026, table "Number of availability zones"); both agree for every region here. Every region with zones offers
 * the logical zones 1, 2 and 3 (East US 2's fourth zone is in preview). A region missing here is added by one line in
 * a pull request, with the source of its zone column; a region whose zones are only in preview (North Central US in
 * the 2026 overview) is left out until they are generally available.
 */
public final class AzureRegions {
    /** The logical zones of every region that has availability zones. */
    public static final List<String> ZONES = List.of("1", "2", "3");

    /**
     * One region.
     *
     * @param name      Azure's programmatic name, such as {@code westeurope}
     * @param shortCode the code used in resource names, such as {@code weu}
     * @param hasZones  whether the region has availability zones
     */
    public record Region(String name, String shortCode, boolean hasZones) {
        /** The region's logical zones: {@link #ZONES}, or none. */
        public List<String> zones() {
            return hasZones ? ZONES : List.of();
        }
    }

    private static final Map<String, Region> REGIONS = Stream.of(
                    zoned("westeurope", "weu"),
                    zoned("northeurope", "neu"),
                    zoned("germanywestcentral", "gwc"),
                    zoned("swedencentral", "sdc"),
                    zoned("switzerlandnorth", "szn"),
                    zoned("francecentral", "frc"),
                    zoned("uksouth", "uks"),
                    withoutZones("ukwest", "ukw"),
                    zoned("norwayeast", "nwe"),
                    zoned("polandcentral", "plc"),
                    zoned("italynorth", "itn"),
                    zoned("eastus", "eus"),
                    zoned("eastus2", "eus2"),
                    zoned("centralus", "cus"),
                    withoutZones("westus", "wus"),
                    zoned("westus2", "wus2"),
                    zoned("westus3", "wus3"),
                    zoned("canadacentral", "cnc"),
                    zoned("brazilsouth", "brs"),
                    zoned("australiaeast", "aue"),
                    zoned("southeastasia", "sea"),
                    zoned("eastasia", "ea"),
                    zoned("japaneast", "jpe"),
                    zoned("koreacentral", "krc"),
                    zoned("centralindia", "inc"),
                    zoned("uaenorth", "uan"),
                    zoned("southafricanorth", "san"))
            .collect(Collectors.toMap(Region::name, Function.identity(), (a, b) -> a, TreeMap::new));

    private AzureRegions() {
    }

    private static Region zoned(String name, String shortCode) {
        return new Region(name, shortCode, true);
    }

    private static Region withoutZones(String name, String shortCode) {
        return new Region(name, shortCode, false);
    }

    /** The region with programmatic name {@code name}, if this platform knows it. */
    public static Optional<Region> of(String name) {
        return Optional.ofNullable(name == null ? null : REGIONS.get(name));
    }

    /** The short code of {@code region} (Azure's programmatic name, such as {@code westeurope}), if known. */
    public static Optional<String> shortCode(String region) {
        return of(region).map(Region::shortCode);
    }

    /** The logical zones of {@code region}: none when it has none or is unknown. */
    public static List<String> zonesOf(String region) {
        return of(region).map(Region::zones).orElse(List.of());
    }

    /** Every known region's programmatic name, sorted. */
    public static Iterable<String> names() {
        return REGIONS.keySet();
    }
}
