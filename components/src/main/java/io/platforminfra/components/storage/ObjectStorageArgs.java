package io.platforminfra.components.storage;

import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import io.platforminfra.components.common.PrivateNetworkAttachment;
import io.platforminfra.components.common.Adoption;
import io.platforminfra.components.common.AzureResourceKind;
import javax.annotation.Nullable;
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

    /**
     * Resource ID of an existing storage account to adopt (Pulumi {@code import}) instead of creating one; it keeps its
     * Azure name, every other setting must match it. Default: none (create it).
     */
    @Nullable
    String adoptResourceId;

    /** Whether the component creates its storage account or adopts an existing one. */
    public Adoption adoption() {
        return Adoption.of(adoptResourceId, AzureResourceKind.STORAGE_ACCOUNT);
    }
}
