package io.platforminfra.azure;

/**
 * Type tokens as plain strings, for code that must hand one to Pulumi itself: a hand-written {@code CustomResource}
 * registers under a token string. They come from the one table of types, {@link AzureResourceType}; everything else
 * reads the table.
 */
public final class ResourceTypes {
    /** {@link AzureResourceType#MAINTENANCE_CONFIGURATION_WINDOW}: the components' auto-upgrade schedule's token. */
    public static final String MAINTENANCE_CONFIGURATION_WINDOW =
            AzureResourceType.MAINTENANCE_CONFIGURATION_WINDOW.token();

    private ResourceTypes() {
    }
}
