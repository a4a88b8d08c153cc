package io.platforminfra.components.validation;

import java.util.List;

/**
 * Settings of a resource that is private by default (reached through its private endpoint) and lets only the
 * public IPv4 ranges a stage names through its default-deny firewall (Azure security benchmark NS-2). The Key Vault
 * and the storage account share this shape, so both read and check their ranges the same way.
 */
public interface PublicIpAllowList {
    /** Name of the field in the settings and the stack file. */
    String FIELD = "allowedIpRanges";

    /** Public IPv4 addresses or CIDR ranges allowed through the firewall; none means public network access is off. */
    List<String> getAllowedIpRanges();

    /** Azure's {@code publicNetworkAccess}: {@code Enabled} exactly when some range is allowed. */
    default String publicNetworkAccess() {
        return getAllowedIpRanges().isEmpty() ? "Disabled" : "Enabled";
    }

    /** Records a problem for each allowed range that is not an IPv4 address or CIDR range. */
    default void checkAllowedIpRanges(Problems problems) {
        problems.ipRanges(FIELD, getAllowedIpRanges());
    }
}
