package io.platforminfra.components.storage;

import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import io.platforminfra.components.common.PrivateNetworkAttachment;
import lombok.Builder;
import lombok.NonNull;
import lombok.Value;

/**
 * Inputs of an {@link ObjectStorage} component.
 */
@Value
@Builder
public class ObjectStorageArgs {
    /** Resource group, region, naming and tags. Required. */
    @NonNull
    Placement placement;

    /** Subnet and network of the blob private endpoint. Required: the account is private by default. */
    @NonNull
    PrivateNetworkAttachment privateEndpoint;

    /** Resource ID of the Log Analytics workspace that receives metrics and blob logs. Required. */
    @NonNull
    Output<String> logAnalyticsWorkspaceId;

    /** Account settings. Default: {@link ObjectStorageSettings#defaults()}. */
    @Builder.Default
    ObjectStorageSettings settings = ObjectStorageSettings.defaults();
}
