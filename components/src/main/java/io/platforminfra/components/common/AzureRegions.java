package io.platforminfra.components.common;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Azure regions this platform may be deployed to, with the short code used in resource names.
 *
 * <p>Short codes keep names inside Azure's length limits (a storage account name has 24 characters in all).
 * A region missing here is added by one line in a pull request.
 */
public final class AzureRegions {
    private static final Map<String, String> SHORT_CODES = new TreeMap<>(Map.ofEntries(
            Map.entry("westeurope", "weu"),
            Map.entry("northeurope", "neu"),
            Map.entry("germanywestcentral", "gwc"),
            Map.entry("swedencentral", "sdc"),
            Map.entry("switzerlandnorth", "szn"),
            Map.entry("francecentral", "frc"),
            Map.entry("uksouth", "uks"),
            Map.entry("ukwest", "ukw"),
            Map.entry("norwayeast", "nwe"),
            Map.entry("polandcentral", "plc"),
            Map.entry("italynorth", "itn"),
            Map.entry("eastus", "eus"),
            Map.entry("eastus2", "eus2"),
            Map.entry("centralus", "cus"),
            Map.entry("westus2", "wus2"),
            Map.entry("westus3", "wus3"),
            Map.entry("canadacentral", "cnc"),
            Map.entry("brazilsouth", "brs"),
            Map.entry("australiaeast", "aue"),
            Map.entry("southeastasia", "sea"),
            Map.entry("eastasia", "ea"),
            Map.entry("japaneast", "jpe"),
            Map.entry("koreacentral", "krc"),
            Map.entry("centralindia", "inc"),
            Map.entry("uaenorth", "uan"),
            Map.entry("southafricanorth", "san")));

    private AzureRegions() {
    }

    /** The short code of {@code region} (Azure's programmatic name, such as {@code westeurope}), if known. */
    public static Optional<String> shortCode(String region) {
        return Optional.ofNullable(region == null ? null : SHORT_CODES.get(region));
    }

    /** Every known region's programmatic name, sorted. */
    public static Iterable<String> names() {
        return SHORT_CODES.keySet();
    }
}
