package io.platforminfra.components.base;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.NamingRules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Azure Resource Manager ID of a top-level resource or of a resource group, taken apart:
 * {@code /subscriptions/<subscription>/resourceGroups/<group>[/providers/<Namespace>/<type>/<name>]}.
 *
 * @param subscriptionId subscription the resource lives in
 * @param resourceGroup  resource group the resource lives in (for a resource group ID, the group itself)
 * @param resourceType   ARM type such as {@code Microsoft.KeyVault/vaults}; {@code Microsoft.Resources/resourceGroups}
 *                       for a resource group
 * @param name           the resource's name
 */
public record AzureResourceId(String subscriptionId, String resourceGroup, String resourceType, String name) {
    private static final String RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups";
    private static final Pattern ID = Pattern.compile(
            "/subscriptions/([0-9a-fA-F-]{36})/resourceGroups/([-\\w.()]+)(?:/providers/([\\w.]+/\\w+)/([^/]+))?",
            Pattern.CASE_INSENSITIVE);

    /** Parses {@code id}; empty when it is not the ID of a resource group or of a top-level resource. */
    public static Optional<AzureResourceId> parse(String id) {
        var matcher = id == null ? null : ID.matcher(id);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(3) == null
                ? new AzureResourceId(matcher.group(1), matcher.group(2), RESOURCE_GROUP_TYPE, matcher.group(2))
                : new AzureResourceId(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }

    /**
     * Whether this is the ID of a resource of {@code type}; ARM types are case-insensitive. Only the types the
     * platform names know their ARM type: for any other the answer is no.
     */
    public boolean isOf(AzureResourceType type) {
        return type.naming().map(NamingRules::armType).filter(resourceType::equalsIgnoreCase).isPresent();
    }
}
