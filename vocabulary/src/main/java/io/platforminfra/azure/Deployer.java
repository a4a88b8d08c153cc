package io.platforminfra.azure;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identity that deploys a stage, and what it may write in Azure: exactly the roles {@code scripts/bootstrap.sh}
 * grants it ({@code DeployerMatchesBootstrapTest} compares the assignable roles, the principal types, the custom roles'
 * names and actions, and that the lock role goes to production only). The offline engine refuses a resource the
 * deployer could not write, so a missing permission fails {@code plan} instead of a release.
 *
 * <ul>
 *   <li><b>Contributor</b> on its ring's subscription: everything except {@code Microsoft.Authorization/*&#47;Write}
 *       and {@code Microsoft.Authorization/*&#47;Delete} (its NotActions; role-based-access-control/built-in-roles/privileged.md, ms.date 07/01/2026).
 *       So no lock, no policy assignment and no role assignment comes from Contributor.</li>
 *   <li><b>Role Based Access Control Administrator</b> ({@code f58310d9-a9f6-439a-9e8d-f62e7b41a168}) with a
 *       condition: role assignments of {@link #ASSIGNABLE_ROLES} only, to service principals and groups only.</li>
 *   <li><b>platform-infra Policy Assignment Operator</b> ({@link #POLICY_ASSIGNMENT_OPERATOR}, custom role created by
 *       the bootstrap): {@code Microsoft.Authorization/policyAssignments/read|write|delete}, both rings, each on its
 *       ring's subscription, for the AKS pod security assignment.</li>
 *   <li><b>platform-infra Lock Operator</b> ({@link #LOCK_OPERATOR}, custom role created by the bootstrap): {@code
 *       Microsoft.Authorization/locks/read|write|delete}, production ring only, on the production subscription.
 *       Among the general built-in roles only Owner and User Access Administrator may write locks, both far wider
 *       ("Who can create or delete locks", azure-resource-manager/management/lock-resources.md, ms.date 03/08/2024;
 *       Microsoft.Authorization locks REST specification, 2016-09-01).</li>
 * </ul>
 */
@RequiredArgsConstructor
public enum Deployer {
    /** {@code id-platform-infra-development-deploy}: development stages. */
    NON_PRODUCTION("id-platform-infra-development-deploy", false),
    /** {@code id-platform-infra-production-deploy}: production stages. */
    PRODUCTION("id-platform-infra-production-deploy", true);

    /**
     * Role definitions (GUIDs) the deployers may assign: Key Vault Secrets User, Storage Blob Data Contributor,
     * Network Contributor, Reader and Azure Kubernetes Service Cluster User Role ({@code PROGRAM_ASSIGNED_ROLES} in
     * scripts/bootstrap.sh).
     */
    public static final Set<String> ASSIGNABLE_ROLES = Set.of(
            "4633458b-17de-408a-b874-0445c86b69e6",
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
            "4d97b98b-1d4f-4787-a291-c67834d212e7",
            "acdd72a7-3385-48ef-bd42-f606fba81ae7",
            "4abbcc35-e782-43d8-92c5-2d3f1bd2253f");
    /**
     * Principal types the delegation condition lets the deployers assign roles to: the program's managed identities
     * and the Entra ID groups a stack file names ({@code DELEGATION_PRINCIPAL_TYPES} in scripts/bootstrap.sh).
     */
    public static final List<String> ASSIGNABLE_PRINCIPAL_TYPES = List.of("ServicePrincipal", "Group");
    /**
     * Custom role {@code platform-infra Policy Assignment Operator}: held by both deployers on their ring's
     * subscription ({@code POLICY_OPERATOR_ROLE} and {@code POLICY_OPERATOR_ACTIONS} in scripts/bootstrap.sh).
     */
    public static final CustomRole POLICY_ASSIGNMENT_OPERATOR = new CustomRole(
            "platform-infra Policy Assignment Operator",
            List.of("Microsoft.Authorization/policyAssignments/read",
                    "Microsoft.Authorization/policyAssignments/write",
                    "Microsoft.Authorization/policyAssignments/delete"));
    /**
     * Custom role {@code platform-infra Lock Operator}: held by the production deployer only, on the production
     * subscription ({@code LOCK_OPERATOR_ROLE} and {@code LOCK_OPERATOR_ACTIONS} in scripts/bootstrap.sh).
     */
    public static final CustomRole LOCK_OPERATOR = new CustomRole("platform-infra Lock Operator",
            List.of("Microsoft.Authorization/locks/read",
                    "Microsoft.Authorization/locks/write",
                    "Microsoft.Authorization/locks/delete"));
    /** ARM type of role assignments. */
    public static final String ROLE_ASSIGNMENTS = "Microsoft.Authorization/roleAssignments";
    /** ARM type of management locks. */
    public static final String LOCKS = "Microsoft.Authorization/locks";
    /** ARM type of policy assignments. */
    public static final String POLICY_ASSIGNMENTS = "Microsoft.Authorization/policyAssignments";

    private static final String AUTHORIZATION = "microsoft.authorization/";

    /**
     * Name of the ring's deploying managed identity, the one identity of its {@code -deploy} pool (naming scheme
     * {@code id-platform-infra-<type>-deploy}, docs/bootstrap.md).
     */
    @Getter
    @Accessors(fluent = true)
    private final String identity;
    /** Whether it holds the Lock Operator role. */
    private final boolean writesLocks;

    /** The deployer of a stage: production stages deploy with the production identity. */
    public static Deployer of(boolean production) {
        return production ? PRODUCTION : NON_PRODUCTION;
    }

    /**
     * Whether the deployer may create, change and delete resources of ARM type {@code armType}, such as
     * {@code Microsoft.Authorization/locks}. Role assignments are allowed here and judged per role by
     * {@link #mayAssign}.
     */
    public boolean mayWrite(String armType) {
        var type = armType.toLowerCase(Locale.ROOT);
        if (!type.startsWith(AUTHORIZATION)) {
            return true; // Contributor
        }
        return type.equals(ROLE_ASSIGNMENTS.toLowerCase(Locale.ROOT))
                || type.equals(POLICY_ASSIGNMENTS.toLowerCase(Locale.ROOT))
                || (writesLocks && type.equals(LOCKS.toLowerCase(Locale.ROOT)));
    }

    /** Whether the deployer may assign the role definition {@code roleDefinitionId} (a GUID or an ID ending in one). */
    public boolean mayAssign(String roleDefinitionId, String principalType) {
        var guid = roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return ASSIGNABLE_ROLES.contains(guid) && ASSIGNABLE_PRINCIPAL_TYPES.contains(principalType);
    }

    /** What the deployer holds, in words, for refusals. */
    public String roles() {
        return "Contributor, Role Based Access Control Administrator (conditional), "
                + POLICY_ASSIGNMENT_OPERATOR.name() + (writesLocks ? ", " + LOCK_OPERATOR.name() : "");
    }

    /**
     * A custom role the bootstrap creates for the deployers: its display name (unique in the tenant) and exactly its
     * actions, in the order scripts/bootstrap.sh lists them.
     *
     * @param name    display name ({@code roleName}) of the role definition
     * @param actions the role's {@code Actions}; it has no NotActions and no data actions
     */
    public record CustomRole(String name, List<String> actions) {
        /** Copies {@code actions}, so the constants cannot be changed. */
        public CustomRole {
            actions = List.copyOf(actions);
        }
    }
}
