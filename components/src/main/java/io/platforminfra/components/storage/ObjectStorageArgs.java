package io.platforminfra.components.storage;

import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import io.platforminfra.components.common.PrivateNetworkAttachment;
import io.platforminfra.components.common.Adoption;
import io.platforminfra.azure.AzureResourceKind;
import javax.annotation.Nullable;
import lombok.Builder;
import lombok.Singular;
import io.platforminfra.components.common.Grant;
import java.util.List;
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

    /**
     * Principals that may read, write and delete blobs: role "Storage Blob Data Contributor" on this account only.
     * Default: none.
     */
    @Singular
    List<Grant> blobDataContributors;

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
