package io.platforminfra.components.aks;

import com.pulumi.core.Output;
import io.platforminfra.components.base.MonitoredComponentArgs;
import lombok.Getter;
import lombok.NonNull;
import lombok.Singular;
import lombok.experimental.SuperBuilder;

import java.util.List;

/**
 * Inputs of an {@link AksCluster} component: placement, workspace (Container Insights and control-plane logs) and
 * adoption ({@link MonitoredComponentArgs}), plus the node subnet and who may use the cluster.
 */
@Getter
@SuperBuilder
public final class AksClusterArgs extends MonitoredComponentArgs {
    /** Resource ID of the subnet the nodes join. Required. */
    @NonNull
    private final Output<String> nodeSubnetId;

    /**
     * Entra ID groups that may get a user kubeconfig: role "Azure Kubernetes Service Cluster User Role" on this
     * cluster; what they may do inside is Kubernetes RBAC through Entra ID. Default: none.
     */
    @Singular
    private final List<String> clusterUserGroupObjectIds;

    /** Cluster settings. Required: at least the admin groups and API server access must be chosen. */
    @NonNull
    private final AksClusterSettings settings;
}
