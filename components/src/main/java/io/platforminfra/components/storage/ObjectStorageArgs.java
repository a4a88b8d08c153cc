package io.platforminfra.components.storage;

import io.platforminfra.components.access.Grant;
import io.platforminfra.components.base.PrivateComponentArgs;
import lombok.Builder;
import lombok.Getter;
import lombok.Singular;
import lombok.experimental.SuperBuilder;

import java.util.List;

/**
 * Inputs of an {@link ObjectStorage} component: placement, workspace, blob private endpoint and adoption as every
 * private component has them ({@link PrivateComponentArgs}), plus who may use the blobs.
 */
@Getter
@SuperBuilder
public final class ObjectStorageArgs extends PrivateComponentArgs {
    /**
     * Principals that may read, write and delete blobs: role "Storage Blob Data Contributor" on this account only.
     * Default: none.
     */
    @Singular
    private final List<Grant> blobDataContributors;

    /** Account settings. Default: {@link ObjectStorageSettings#defaults()}. */
    @Builder.Default
    private final ObjectStorageSettings settings = ObjectStorageSettings.defaults();
}
