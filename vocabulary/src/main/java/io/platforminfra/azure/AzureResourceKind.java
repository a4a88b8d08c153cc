package io.platforminfra.azure;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rules of the Azure resource types this library names ({@link AzureResourceType}, the one table of
 * types): the abbreviation of the Cloud Adoption Framework and the length and character rules Azure enforces for
 * each name.
 *
 * <p>Source: "Naming rules and restrictions for Azure resources" and "Abbreviation examples for Azure resources"
 * (Microsoft Learn, Cloud Adoption Framework). Checking names here turns a failed deployment minutes into a run
 * into an error before anything is created.
 */
public enum AzureResourceKind {
    /** Resource group: 1-90 characters, letters, digits, hyphens, underscores, periods and parentheses. */
    RESOURCE_GROUP(AzureResourceType.RESOURCE_GROUP, "rg", "Microsoft.Resources/resourceGroups", 1, 90, "[-\\w.()]*[-\\w()]", false, true),
    /** Virtual network: 2-64 characters, alphanumerics, underscores, periods and hyphens. */
    VIRTUAL_NETWORK(AzureResourceType.VIRTUAL_NETWORK, "vnet", "Microsoft.Network/virtualNetworks", 2, 64, "[a-zA-Z0-9][-\\w.]*\\w", false, true),
    /** Subnet: 1-80 characters, alphanumerics, underscores, periods and hyphens. */
    SUBNET(AzureResourceType.SUBNET, "snet", "Microsoft.Network/virtualNetworks/subnets", 1, 80, "[a-zA-Z0-9]([-\\w.]*\\w)?", false, true),
    /** Network security group: 1-80 characters. */
    NETWORK_SECURITY_GROUP(AzureResourceType.NETWORK_SECURITY_GROUP, "nsg", "Microsoft.Network/networkSecurityGroups", 1, 80, "[a-zA-Z0-9]([-\\w.]*\\w)?", false, true),
    /** Private endpoint: 2-64 characters. */
    PRIVATE_ENDPOINT(AzureResourceType.PRIVATE_ENDPOINT, "pe", "Microsoft.Network/privateEndpoints", 2, 64, "[a-zA-Z0-9][-\\w.]*\\w", false, true),
    /** Log Analytics workspace: 4-63 characters, alphanumerics and hyphens, starting and ending alphanumeric. */
    LOG_ANALYTICS_WORKSPACE(AzureResourceType.LOG_ANALYTICS_WORKSPACE, "log", "Microsoft.OperationalInsights/workspaces", 4, 63, "[a-zA-Z0-9][-a-zA-Z0-9]*[a-zA-Z0-9]", false, true),
    /** AKS managed cluster: 1-63 characters, alphanumerics, underscores and hyphens. */
    KUBERNETES_CLUSTER(AzureResourceType.MANAGED_CLUSTER, "aks", "Microsoft.ContainerService/managedClusters", 1, 63, "[a-zA-Z0-9]([-\\w]*[a-zA-Z0-9])?", false, true),
    /** User-assigned managed identity: 3-128 characters, alphanumerics, hyphens and underscores. */
    MANAGED_IDENTITY(AzureResourceType.USER_ASSIGNED_IDENTITY, "id", "Microsoft.ManagedIdentity/userAssignedIdentities", 3, 128, "[a-zA-Z0-9][-\\w]*", false, true),
    /** Key Vault: 3-24 characters, alphanumerics and hyphens, starting with a letter; globally unique. */
    KEY_VAULT(AzureResourceType.VAULT, "kv", "Microsoft.KeyVault/vaults", 3, 24, "[a-zA-Z]([a-zA-Z0-9]|-(?!-))*[a-zA-Z0-9]", true, true),
    /** Storage account: 3-24 lowercase letters and digits only; globally unique. */
    STORAGE_ACCOUNT(AzureResourceType.STORAGE_ACCOUNT, "st", "Microsoft.Storage/storageAccounts", 3, 24, "[a-z0-9]+", true, false),
    /** PostgreSQL flexible server: 3-63 lowercase letters, digits and hyphens; globally unique (DNS name). */
    POSTGRESQL_SERVER(AzureResourceType.POSTGRES_SERVER, "psql", "Microsoft.DBforPostgreSQL/flexibleServers", 3, 63, "[a-z0-9]([-a-z0-9]*[a-z0-9])?", true, true);

    private final AzureResourceType type;
    private final String abbreviation;
    private final String armType;
    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    private final boolean globallyUnique;
    private final boolean allowsHyphens;

    AzureResourceKind(AzureResourceType type, String abbreviation, String armType, int minLength, int maxLength, String pattern, boolean globallyUnique,
                      boolean allowsHyphens) {
        this.type = type;
        this.abbreviation = abbreviation;
        this.armType = armType;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pattern = Pattern.compile(pattern);
        this.globallyUnique = globallyUnique;
        this.allowsHyphens = allowsHyphens;
    }

    /** The kind of resource a Pulumi type token registers, if it is one of these. */
    public static Optional<AzureResourceKind> ofPulumiType(String token) {
        return Arrays.stream(values()).filter(kind -> kind.pulumiType().equals(token)).findFirst();
    }

    /** The azure-native type token, such as {@code azure-native:keyvault:Vault}. */
    public String pulumiType() {
        return type.token();
    }

    /** Cloud Adoption Framework abbreviation, the first part of every name. */
    public String abbreviation() {
        return abbreviation;
    }

    /** Azure Resource Manager type, as it appears in resource IDs, such as {@code Microsoft.KeyVault/vaults}. */
    public String armType() {
        return armType;
    }

    /** Whether the name must be unique across all of Azure (it becomes part of a public DNS name). */
    public boolean globallyUnique() {
        return globallyUnique;
    }

    /** Whether Azure accepts hyphens in this type's names. */
    public boolean allowsHyphens() {
        return allowsHyphens;
    }

    /** Whether Azure accepts {@code name} for this resource type. */
    public boolean accepts(String name) {
        return name != null && name.length() >= minLength && name.length() <= maxLength
                && pattern.matcher(name).matches();
    }

    /** The rule in words, for error messages. */
    public String rule() {
        return "be " + minLength + "-" + maxLength + " characters matching " + pattern.pattern()
                + " (Azure's rule for " + name().toLowerCase().replace('_', ' ') + " names)";
    }
}
