package io.platforminfra.components.monitoring;

import io.platforminfra.components.base.ComponentArgs;
import lombok.Builder;
import lombok.Getter;
import lombok.experimental.SuperBuilder;

/**
 * Inputs of a {@link Monitoring} component: placement and adoption ({@link ComponentArgs}); it is the workspace
 * the other components send to, so it has none of its own.
 */
@Getter
@SuperBuilder
public final class MonitoringArgs extends ComponentArgs {
    /** Workspace settings. Default: {@link MonitoringSettings#defaults()}. */
    @Builder.Default
    private final MonitoringSettings settings = MonitoringSettings.defaults();
}
