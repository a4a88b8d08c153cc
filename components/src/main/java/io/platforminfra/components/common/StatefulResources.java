package io.platforminfra.components.common;

import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.authorization.enums.LockLevel;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * How components protect the resources that hold data or take long to rebuild (cluster, vault, storage account,
 * database server) where the placement asks for it: the one place this is decided, so every component does it
 * the same way.
 */
public final class StatefulResources {
    private StatefulResources() {
    }

    /**
     * Options of a stateful main resource, to complete and build: a child of {@code parent}, adopted if
     * {@code adoption} says so, and protected if {@code placement} says so (Pulumi then refuses any operation that
     * would delete or replace it until the protection is removed in a reviewed change).
     */
    public static CustomResourceOptions.Builder options(Adoption adoption, Placement placement, Resource parent) {
        var options = adoption.options(parent);
        options.protect(placement.protectStateful());
        return options;
    }

    /**
     * A {@code CanNotDelete} lock on {@code resourceId} if {@code placement} protects stateful resources: Azure then
     * refuses to delete the resource, from the portal or any tool, until the lock is removed.
     *
     * @param name Pulumi name of the lock; unique in the stack
     */
    public static void lock(String name, Output<String> resourceId, Placement placement, Resource parent) {
        if (!placement.protectStateful()) {
            return;
        }
        new ManagementLockByScope(name, ManagementLockByScopeArgs.builder()
                .scope(resourceId)
                .lockName("do-not-delete")
                .level(LockLevel.CanNotDelete)
                .notes("Stateful resource of a production stage, managed by platform-infra: delete only through a"
                        + " reviewed change that removes this lock.")
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
