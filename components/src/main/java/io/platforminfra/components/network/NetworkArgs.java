package io.platforminfra.components.network;

import io.platforminfra.azure.AzureResourceKind;
import io.platforminfra.components.common.MonitoredComponentArgs;
import lombok.Builder;
import lombok.EqualsAndHashCode;
import lombok.ToString;
import lombok.Value;
import lombok.experimental.SuperBuilder;

/**
 * Inputs of a {@link Network} component: placement, workspace and adoption ({@link MonitoredComponentArgs}).
 */
@Value
@SuperBuilder
@ToString(callSuper = true)
@EqualsAndHashCode(callSuper = true)
public class NetworkArgs extends MonitoredComponentArgs {
    /** Address space. Default: {@link NetworkSettings#defaults()}. */
    @Builder.Default
    NetworkSettings settings = NetworkSettings.defaults();

    @Override
    protected AzureResourceKind adoptedKind() {
        return AzureResourceKind.VIRTUAL_NETWORK;
    }
}
