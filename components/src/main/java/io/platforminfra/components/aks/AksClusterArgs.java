package io.platforminfra.components.aks;

import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import lombok.Builder;
import lombok.NonNull;
import lombok.Value;

/**
 * Inputs of an {@link AksCluster} component.
 */
@Value
@Builder
public class AksClusterArgs {
    /** Resource group, region, naming, tags and tenant. Required. */
    @NonNull
    Placement placement;

    /** Resource ID of the subnet the nodes join. Required. */
    @NonNull
    Output<String> nodeSubnetId;

    /** Resource ID of the Log Analytics workspace for Container Insights and control-plane logs. Required. */
    @NonNull
    Output<String> logAnalyticsWorkspaceId;

    /** Cluster settings. Required: at least the admin groups and API server access must be chosen. */
    @NonNull
    AksClusterSettings settings;
}
