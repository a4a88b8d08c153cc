package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureResourceType;

import java.util.List;
import java.util.Set;

/** What Azure Storage refuses when an account is created or updated. */
final class StorageRules {
    /** Redundancy SKUs that copy data across the zones of the primary region. */
    private static final Set<String> ZONE_REDUNDANT = Set.of("Standard_ZRS", "Standard_GZRS", "Standard_RAGZRS",
            "Premium_ZRS");

    private StorageRules() {
    }

    static List<AzureRule> all() {
        return List.of(new AzureRule("AZ-ST-001", Set.of(AzureResourceType.STORAGE_ACCOUNT), "zone-redundant storage"
                + " (ZRS, GZRS, RA-GZRS) only in a region with availability zones",
                "MicrosoftDocs/azure-docs articles/storage/common/storage-redundancy.md (\"ZRS replicates your storage"
                        + " account synchronously across three Azure availability zones in the primary region\")",
                (resource, facts) -> {
                    var region = RegionZones.of(resource, facts);
                    return Inputs.text(resource, "sku.name").filter(ZONE_REDUNDANT::contains)
                            .filter(sku -> region.none())
                            .map(sku -> List.of(new AzureRule.Breach("sku.name", sku, region.refusal())))
                            .orElse(List.of());
                }));
    }
}
