package io.platforminfra.components.storage;

import com.pulumi.azurenative.storage.enums.SkuName;
import io.platforminfra.components.validation.Choice;
import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.PublicIpAllowList;
import io.platforminfra.components.validation.Settings;
import lombok.Builder;
import lombok.Singular;
import lombok.Value;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Settings of a storage account. HTTPS only, TLS 1.2, no public blobs, no shared keys and a default-deny firewall
 * are always on; what a stage chooses is redundancy, containers and how long deleted data stays recoverable.
 */
@Value
@Builder(toBuilder = true)
public class ObjectStorageSettings implements Settings, PublicIpAllowList {
    /** Redundancy options of StorageV2 accounts (the part after {@code Standard_}). */
    public static final Choice<SkuName> REPLICATIONS = new Choice<>(List.of(SkuName.Standard_LRS, SkuName.Standard_ZRS,
            SkuName.Standard_GRS, SkuName.Standard_GZRS, SkuName.Standard_RAGRS, SkuName.Standard_RAGZRS),
            sku -> sku.getValue().substring("Standard_".length()));

    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-z0-9](?!.*--)[-a-z0-9]{1,61}[a-z0-9]");

    /**
     * Redundancy: LRS, ZRS, GRS, GZRS, RAGRS or RAGZRS. Default {@code ZRS}: survives the loss of a zone;
     * {@code LRS} (one datacenter) must be chosen explicitly.
     */
    @Builder.Default
    String replication = "ZRS";

    /** Private blob containers to create: 3-63 lowercase letters, digits and single hyphens. Default: none. */
    @Singular
    List<String> containers;

    /** Days deleted blobs and containers stay recoverable, 1 to 365. Default {@code 14}. */
    @Builder.Default
    int softDeleteDays = 14;

    /**
     * Public IPv4 addresses and ranges let through the account's default-deny firewall. Default: none, and with none
     * public access is off: the account is reached through its private endpoint.
     */
    @Singular
    List<String> allowedIpRanges;

    /** Settings with every default. */
    public static ObjectStorageSettings defaults() {
        return builder().build();
    }

    @Override
    public void check(Problems problems) {
        problems.oneOf("replication", replication, REPLICATIONS);
        problems.each("containers", containers, c -> c != null && CONTAINER_NAME.matcher(c).matches(),
                "be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit");
        problems.check(new HashSet<>(containers).size() == containers.size(), "containers", containers,
                "not list a container twice");
        problems.inRange("softDeleteDays", softDeleteDays, 1, 365);
        checkAllowedIpRanges(problems);
    }
}
