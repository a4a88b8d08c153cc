package io.platforminfra.components.monitoring;

import io.platforminfra.azure.AzureResourceKind;
import io.platforminfra.components.common.ComponentArgs;
import lombok.Builder;
import lombok.EqualsAndHashCode;
import lombok.ToString;
import lombok.Value;
import lombok.experimental.SuperBuilder;

/**
 * Inputs of a {@link Monitoring} component: placement and adoption ({@link ComponentArgs}); it is the workspace
 * the other components send to, so it has none of its own.
 */
@Value
@SuperBuilder
@ToString(callSuper = true)
@EqualsAndHashCode(callSuper = true)
public class MonitoringArgs extends ComponentArgs {
    /** Workspace settings. Default: {@link MonitoringSettings#defaults()}. */
    @Builder.Default
    MonitoringSettings settings = MonitoringSettings.defaults();

    @Override
    protected AzureResourceKind adoptedKind() {
        return AzureResourceKind.LOG_ANALYTICS_WORKSPACE;
    }
}
