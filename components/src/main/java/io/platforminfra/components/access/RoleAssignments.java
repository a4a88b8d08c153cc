package io.platforminfra.components.access;

import io.platforminfra.components.base.Placement;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.List;

/**
 * The one way components grant access: a role assignment of a built-in role to a principal on a scope.
 */
public final class RoleAssignments {
    private RoleAssignments() {
    }

    /** Who a role is granted to: Azure skips a directory lookup when told, and the policy gate reads it. */
    public enum PrincipalType {
        /** A managed identity or an application's service principal. */
        ServicePrincipal,
        /** An Entra ID group: how people get access, so membership is managed in one place. */
        Group
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
        // Service principals (managed identities included): Azure then skips the directory lookup that fails right
        // after a new identity is created.
        return grant(name, role, PrincipalType.ServicePrincipal, principalId, scope, placement, parent);
    }

    /**
     * Grants {@code role} on {@code scope} to each of {@code grants}, in their order, as the component's own grants.
     *
     * @param placement gives the subscription the role definition is addressed in
     * @param parent    the component that owns the grants
     */
    public static List<RoleAssignment> grant(List<Grant> grants, BuiltInRole role, Output<String> scope,
                                             Placement placement, Resource parent) {
        return grants.stream()
                .map(grant -> grant(grant.name(), role, grant.principalId(), scope, placement, parent))
                .toList();
    }

    /**
     * Grants {@code role} on {@code scope} to {@code principalId} of {@code type}.
     *
     * @param name      Pulumi name of the assignment; unique in the stack
     * @param placement gives the subscription the role definition is addressed in
     * @param parent    the component that owns the grant, or {@code null} for the stack
     */
    public static RoleAssignment grant(String name, BuiltInRole role, PrincipalType type, Output<String> principalId,
                                       Output<String> scope, Placement placement, @Nullable Resource parent) {
        return new RoleAssignment(name, RoleAssignmentArgs.builder()
                // Derived, not random: see RoleAssignmentName.
                .roleAssignmentName(Output.tuple(scope, principalId)
                        .applyValue(t -> RoleAssignmentName.of(t.t1, role.definitionId(), t.t2)))
                .principalId(principalId)
                .principalType(type.name())
                .roleDefinitionId(role.resourceId(placement.subscriptionId()))
                .scope(scope)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
