package io.platforminfra.azure;

import java.util.Map;
import java.util.Optional;

/**
 * The Pulumi type tokens of the Azure resources this platform registers, named once for the offline engine's rules
 * and the policy gate, with the ARM type where a rule needs it (what the deploying identity must be allowed to
 * write).
 */
public final class ResourceTypes {
    /** AKS cluster. */
    public static final String MANAGED_CLUSTER = "azure-native:containerservice:ManagedCluster";
    /** AKS node pool as a resource of its own. */
    public static final String AGENT_POOL = "azure-native:containerservice:AgentPool";
    /**
     * AKS planned maintenance configuration at API version 2023-06-01, the first one the provider knows with a
     * {@code maintenanceWindow} (the default token's 2023-04-01 has only the deprecated {@code timeInWeek}).
     */
    public static final String MAINTENANCE_CONFIGURATION_WINDOW =
            "azure-native:containerservice/v20230601:MaintenanceConfiguration";
    /** Key Vault. */
    public static final String VAULT = "azure-native:keyvault:Vault";
    /** Storage account. */
    public static final String STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
    /** Blob container. */
    public static final String BLOB_CONTAINER = "azure-native:storage:BlobContainer";
    /** PostgreSQL flexible server. */
    public static final String POSTGRES_SERVER = "azure-native:dbforpostgresql:Server";
    /** Database of a PostgreSQL flexible server. */
    public static final String POSTGRES_DATABASE = "azure-native:dbforpostgresql:Database";
    /** Server parameter of a PostgreSQL flexible server. */
    public static final String POSTGRES_CONFIGURATION = "azure-native:dbforpostgresql:Configuration";
    /** Role assignment. */
    public static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    /** Management lock on any scope. */
    public static final String LOCK = "azure-native:authorization:ManagementLockByScope";
    /** Azure Policy assignment. */
    public static final String POLICY_ASSIGNMENT = "azure-native:authorization:PolicyAssignment";
    /** Diagnostic setting. */
    public static final String DIAGNOSTIC_SETTING = "azure-native:insights:DiagnosticSetting";
    /** Data collection rule (Azure Monitor). */
    public static final String DATA_COLLECTION_RULE = "azure-native:insights:DataCollectionRule";
    /** Association of a data collection rule with a resource. */
    public static final String DATA_COLLECTION_RULE_ASSOCIATION = "azure-native:insights:DataCollectionRuleAssociation";

    private static final String AUTHORIZATION_MODULE = "azure-native:authorization:";
    /** ARM types of the authorization tokens: the ones Contributor cannot write. */
    private static final Map<String, String> AUTHORIZATION_ARM_TYPES = Map.of(
            ROLE_ASSIGNMENT, Deployer.ROLE_ASSIGNMENTS,
            LOCK, Deployer.LOCKS,
            "azure-native:authorization:ManagementLockAtResourceLevel", Deployer.LOCKS,
            "azure-native:authorization:ManagementLockAtResourceGroupLevel", Deployer.LOCKS,
            "azure-native:authorization:ManagementLockAtSubscriptionLevel", Deployer.LOCKS,
            POLICY_ASSIGNMENT, Deployer.POLICY_ASSIGNMENTS);

    private ResourceTypes() {
    }

    /**
     * The ARM type a deployer must be allowed to write for a resource of type {@code token}, where it is not simply
     * a Contributor's: empty for every type outside {@code Microsoft.Authorization}. An authorization token not in
     * the table is named as unknown, so a new one cannot slip past the permission rule.
     */
    public static Optional<String> authorizationArmType(String token) {
        if (!token.startsWith(AUTHORIZATION_MODULE)) {
            return Optional.empty();
        }
        return Optional.of(AUTHORIZATION_ARM_TYPES.getOrDefault(token, "Microsoft.Authorization/<unknown: " + token
                + ">"));
    }
}
