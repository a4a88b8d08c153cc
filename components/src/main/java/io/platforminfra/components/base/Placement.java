package io.platforminfra.components.base;

import com.pulumi.core.Output;

import java.util.Map;
import java.util.Set;

/**
 * Where and how a component places its Azure resources: the same for every component of a stage, so it is built
 * once by the stack program and handed to each component.
 *
 * @param resourceGroupName resource group that holds the resources
 * @param location          Azure region's programmatic name, for example {@code westeurope}
 * @param naming            the naming convention every Azure name is derived from
 * @param tags              tags put on every Azure resource that takes tags
 * @param tenantId          Entra ID tenant of the deployment (Key Vault, PostgreSQL and AKS authenticate against it)
 * @param subscriptionId    subscription of the deployment (built-in role definitions are addressed through it)
 * @param protectStateful   whether stateful resources (cluster, vault, storage account, database server) are
 *                          protected: Pulumi {@code protect}, so no preview or update deletes or replaces them, and an
 *                          Azure {@code CanNotDelete} lock, so nobody deletes them by hand either. Production stages.
 * @param locksLifted       Pulumi names of stateful resources whose lock is lifted for now (an active waiver of the lock
 *                          rule in the stack file): deleting what lives under a locked resource, such as a role
 *                          assignment or a node pool, is refused by Azure while the lock is there (docs/stages.md)
 */
public record Placement(Output<String> resourceGroupName,
                        String location,
                        NamingConvention naming,
                        Map<String, String> tags,
                        Output<String> tenantId,
                        Output<String> subscriptionId,
                        boolean protectStateful,
                        Set<String> locksLifted) {

    /** Copies {@code tags} and the lifted locks, so a caller cannot change them after the fact. */
    public Placement {
        tags = Map.copyOf(tags);
        locksLifted = Set.copyOf(locksLifted);
    }

    /** Whether the stateful resource with Pulumi name {@code resourceName} gets a {@code CanNotDelete} lock. */
    public boolean locks(String resourceName) {
        return protectStateful && !locksLifted.contains(resourceName);
    }
}
