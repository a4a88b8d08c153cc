package io.platforminfra.components.monitoring;

import io.platforminfra.components.common.Placement;
import io.platforminfra.components.common.Adoption;
import io.platforminfra.azure.AzureResourceKind;
import javax.annotation.Nullable;
import lombok.Builder;
import lombok.NonNull;
import lombok.Value;

/**
 * Inputs of a {@link Monitoring} component.
 */
@Value
@Builder
public class MonitoringArgs {
    /** Resource group, region, naming and tags. Required. */
    @NonNull
    Placement placement;

    /** Workspace settings. Default: {@link MonitoringSettings#defaults()}. */
    @Builder.Default
    MonitoringSettings settings = MonitoringSettings.defaults();

    /**
     * Resource ID of an existing Log Analytics workspace to adopt (Pulumi {@code import}) instead of creating one; it keeps its
     * Azure name, every other setting must match it. Default: none (create it).
     */
    @Nullable
    String adoptResourceId;

    /** Whether the component creates its Log Analytics workspace or adopts an existing one. */
    public Adoption adoption() {
        return Adoption.of(adoptResourceId, AzureResourceKind.LOG_ANALYTICS_WORKSPACE);
    }
}
