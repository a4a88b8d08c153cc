package io.platforminfra.components.monitoring;

import io.platforminfra.components.common.Placement;
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
}
