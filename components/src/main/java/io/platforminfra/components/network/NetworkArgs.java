package io.platforminfra.components.network;

import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import lombok.Builder;
import lombok.NonNull;
import lombok.Value;

/**
 * Inputs of a {@link Network} component.
 */
@Value
@Builder
public class NetworkArgs {
    /** Resource group, region, naming and tags. Required. */
    @NonNull
    Placement placement;

    /** Resource ID of the Log Analytics workspace that receives the network's diagnostics. Required. */
    @NonNull
    Output<String> logAnalyticsWorkspaceId;

    /** Address space. Default: {@link NetworkSettings#defaults()}. */
    @Builder.Default
    NetworkSettings settings = NetworkSettings.defaults();
}
