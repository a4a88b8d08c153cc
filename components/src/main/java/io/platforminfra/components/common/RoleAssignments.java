package io.platforminfra.components.common;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * The one way components grant access: a role assignment of a built-in role to a principal on a scope.
 */
public final class RoleAssignments {
    private RoleAssignments() {
    }

    /**
     * Grants {@code role} on {@code scope} to the service principal or managed identity {@code principalId}.
     *
     * @param name        Pulumi name of the assignment; unique in the stack
     * @param placement   gives the subscription the role definition is addressed in
     * @param parent      the component that owns the grant
     */
    public static RoleAssignment grant(String name, BuiltInRole role, Output<String> principalId,
                                       Output<String> scope, Placement placement, Resource parent) {
        return new RoleAssignment(name, RoleAssignmentArgs.builder()
                .principalId(principalId)
                // Service principals (managed identities included): Azure then skips the directory lookup that
                // fails right after a new identity is created.
                .principalType("ServicePrincipal")
                .roleDefinitionId(role.resourceId(placement.subscriptionId()))
                .scope(scope)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
