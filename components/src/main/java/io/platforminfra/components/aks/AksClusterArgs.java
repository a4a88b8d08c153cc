package io.platforminfra.components.aks;

import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import io.platforminfra.components.common.Adoption;
import io.platforminfra.azure.AzureResourceKind;
import javax.annotation.Nullable;
import lombok.Builder;
import lombok.Singular;
import java.util.List;
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

    /**
     * Entra ID groups that may get a user kubeconfig: role "Azure Kubernetes Service Cluster User Role" on this
     * cluster; what they may do inside is Kubernetes RBAC through Entra ID. Default: none.
     */
    @Singular
    List<String> clusterUserGroupObjectIds;

    /** Cluster settings. Required: at least the admin groups and API server access must be chosen. */
    @NonNull
    AksClusterSettings settings;

    /**
     * Resource ID of an existing AKS cluster to adopt (Pulumi {@code import}) instead of creating one; it keeps its
     * Azure name, every other setting must match it. Default: none (create it).
     */
    @Nullable
    String adoptResourceId;

    /** Whether the component creates its AKS cluster or adopts an existing one. */
    public Adoption adoption() {
        return Adoption.of(adoptResourceId, AzureResourceKind.KUBERNETES_CLUSTER);
    }
}
