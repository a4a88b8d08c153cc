package io.platforminfra.components.network;

import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import io.platforminfra.components.common.Adoption;
import io.platforminfra.azure.AzureResourceKind;
import javax.annotation.Nullable;
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

    /**
     * Resource ID of an existing virtual network to adopt (Pulumi {@code import}) instead of creating one; it keeps its
     * Azure name, every other setting must match it. Default: none (create it).
     */
    @Nullable
    String adoptResourceId;

    /** Whether the component creates its virtual network or adopts an existing one. */
    public Adoption adoption() {
        return Adoption.of(adoptResourceId, AzureResourceKind.VIRTUAL_NETWORK);
    }
}
