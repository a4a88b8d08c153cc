package io.platforminfra.components.base;

import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.authorization.enums.LockLevel;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * How components protect the resources that hold data or take long to rebuild where the placement asks for it: the
 * one place this is done, so every component does it the same way. Which types those are is decided by the one table
 * of Azure resource types, {@link io.platforminfra.azure.AzureResourceType#guardedInProduction()} (cluster, vault,
 * storage account, database server), which the policy gate checks against.
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
     * A {@code CanNotDelete} lock on {@code resource} if {@code placement} locks it: Azure then refuses to delete the
     * resource, from the portal or any tool, until the lock is removed.
     *
     * <p>The lock also refuses deleting what lives under the resource: its role assignments, diagnostic settings and
     * child resources (409 ScopeLocked; "Lock inheritance", azure-resource-manager/management/lock-resources.md). So
     * the lock is created last and depends on every such resource of the component ({@code underIt}): when a
     * reviewed change lifts the lock (an active waiver of PI-GOV-002) in the same update that removes one of them,
     * Pulumi deletes the dependent lock first and the resource under it second. Writing locks needs the production
     * deployer's lock role (scripts/bootstrap.sh): Contributor cannot.
     *
     * @param name         Pulumi name of the lock; unique in the stack
     * @param resourceName Pulumi name of {@code resource}, as waivers name it
     * @param underIt      every resource of the component scoped to, or a child of, {@code resource}
     */
    public static void lock(String name, CustomResource resource, String resourceName, List<Resource> underIt,
                            Placement placement, Resource parent) {
        if (!placement.locks(resourceName)) {
            return;
        }
        new ManagementLockByScope(name, ManagementLockByScopeArgs.builder()
                .scope(resource.id())
                .lockName("do-not-delete")
                .level(LockLevel.CanNotDelete)
                .notes("Stateful resource of a production stage, managed by platform-infra: delete only through a"
                        + " reviewed change that lifts this lock (docs/stages.md).")
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(underIt).build());
    }
}
