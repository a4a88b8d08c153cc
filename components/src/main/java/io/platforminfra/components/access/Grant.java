package io.platforminfra.components.access;

import com.pulumi.core.Output;

/**
 * Access a component grants on its own resource when it is created: a principal and the Pulumi name of the role
 * assignment. Components take their grants as arguments (as Azure Verified Modules take {@code roleAssignments}), so
 * the assignments exist before the resource's lock, which must depend on them (see
 * {@link StatefulResources#lock}).
 *
 * @param name        Pulumi name of the role assignment; unique in the stack
 * @param principalId object ID of the managed identity, service principal or group
 */
public record Grant(String name, Output<String> principalId) {
}
