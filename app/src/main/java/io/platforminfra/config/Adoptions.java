package io.platforminfra.config;

import java.util.Map;

/**
 * The existing Azure resources a stage adopts instead of creating ({@code platform-infra:adopt}): resource IDs by
 * field, {@value #RESOURCE_GROUP} or the field of an adoptable {@link SettingsSection}. Parts not listed are
 * created.
 *
 * @param ids resource ID by field of {@code platform-infra:adopt}
 */
public record Adoptions(Map<String, String> ids) {
    /** The field that adopts the stage's resource group. */
    public static final String RESOURCE_GROUP = "resourceGroup";

    /** Copies the map, so the adoptions cannot change after reading. */
    public Adoptions {
        ids = Map.copyOf(ids);
    }

    /** The resource ID {@code section}'s part adopts, or {@code null} when it is created (what component args take). */
    public String idOf(SettingsSection<?> section) {
        return ids.get(section.field());
    }

    /** The resource ID of the resource group the stage adopts, or {@code null} when it is created. */
    public String resourceGroupId() {
        return ids.get(RESOURCE_GROUP);
    }
}
