package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureResourceType;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What Azure's authorization refuses: writes the deploying identity may not make, and malformed role assignments. */
final class AuthorizationRules {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private AuthorizationRules() {
    }

    static List<AzureRule> all() {
        return List.of(
                new AzureRule("AZ-RBAC-001", Set.of(), "the deploying identity holds a role that allows writing the"
                        + " resource's type (Contributor excludes Microsoft.Authorization/*/Write)",
                        "role-based-access-control/built-in-roles/privileged.md (Contributor NotActions, ms.date"
                                + " 07/01/2026); azure-resource-manager/management/lock-resources.md (\"Who can create"
                                + " or delete locks\"); scripts/bootstrap.sh",
                        (resource, facts) -> AzureResourceType.authorizationArmType(resource.type())
                                .filter(armType -> !facts.deployer().mayWrite(armType))
                                .map(armType -> List.of(new AzureRule.Breach("type", armType, facts.deployer()
                                        .identity() + " holds only " + facts.deployer().roles()
                                        + ", none of which allows " + armType + "/write")))
                                .orElse(List.of())),
                new AzureRule("AZ-RBAC-002", Set.of(AzureResourceType.ROLE_ASSIGNMENT), "the deploying identity assigns"
                        + " only the roles, and to the principal types, its delegation condition allows",
                        "scripts/bootstrap.sh (PROGRAM_ASSIGNED_ROLES and the condition on Role Based Access Control"
                                + " Administrator, whose actions are role assignment write and delete only:"
                                + " built-in-roles/privileged.md)",
                        (resource, facts) -> {
                            var role = Inputs.text(resource, "roleDefinitionId");
                            var type = Inputs.text(resource, "principalType").orElse("(not set: Azure looks it up)");
                            if (role.isEmpty() || facts.deployer().mayAssign(role.get(), type)) {
                                return List.of();
                            }
                            return List.of(new AzureRule.Breach("roleDefinitionId", role.get(), "the condition allows"
                                    + " only the roles listed in PROGRAM_ASSIGNED_ROLES to ServicePrincipal and Group"
                                    + " principals (principal type: " + type + ")"));
                        }),
                new AzureRule("AZ-RBAC-003", Set.of(AzureResourceType.ROLE_ASSIGNMENT), "a role assignment's name is a"
                        + " GUID", "pulumi/pulumi-azure-native#582 (\"Role assignments must be named with UUIDs\");"
                        + " role-based-access-control/troubleshooting.md",
                        (resource, facts) -> Inputs.text(resource, "roleAssignmentName")
                                .filter(name -> !GUID.matcher(name).matches())
                                .map(name -> List.of(new AzureRule.Breach("roleAssignmentName", name, "it is not a GUID")))
                                .orElse(List.of())));
    }
}
