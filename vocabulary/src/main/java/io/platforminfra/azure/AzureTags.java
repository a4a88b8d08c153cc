package io.platforminfra.azure;

/**
 * Azure Resource Manager's limits on tags, shared by stack-file validation (keys that become tags) and the offline
 * engine (every registered resource).
 */
public final class AzureTags {
    /** Where the limits are documented. */
    public static final String SOURCE = "\"Use tags to organize your Azure resources\", MicrosoftDocs/azure-docs"
            + " articles/azure-resource-manager/management/tag-resources.md (ms.date 04/19/2023), Limitations";
    /** Longest tag value Azure accepts. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** Most tags one resource may carry. */
    public static final int MAX_TAGS = 50;
    /** Longest tag name Azure accepts. */
    public static final int MAX_NAME_LENGTH = 512;
    /** Longest tag name on a storage account. */
    public static final int MAX_STORAGE_ACCOUNT_NAME_LENGTH = 128;

    private AzureTags() {
    }
}
