package io.platforminfra.components.network;

import io.platforminfra.components.base.MonitoredComponentArgs;
import lombok.Builder;
import lombok.Getter;
import lombok.experimental.SuperBuilder;

/**
 * Inputs of a {@link Network} component: placement, workspace and adoption ({@link MonitoredComponentArgs}).
 */
@Getter
@SuperBuilder
public final class NetworkArgs extends MonitoredComponentArgs {
    /** Address space. Default: {@link NetworkSettings#defaults()}. */
    @Builder.Default
    private final NetworkSettings settings = NetworkSettings.defaults();
}
