package io.platforminfra.policy;

import io.platforminfra.azure.StatefulTypes;

import java.util.Set;

/** The type tokens the rules look at, named once. */
final class Types {
    static final String CLUSTER = "azure-native:containerservice:ManagedCluster";
    static final String VAULT = "azure-native:keyvault:Vault";
    static final String STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
    static final String BLOB_SERVICE = "azure-native:storage:BlobServiceProperties";
    static final String BLOB_CONTAINER = "azure-native:storage:BlobContainer";
    static final String POSTGRES = "azure-native:dbforpostgresql:Server";
    static final String POSTGRES_DATABASE = "azure-native:dbforpostgresql:Database";
    static final String POSTGRES_CONFIGURATION = "azure-native:dbforpostgresql:Configuration";
    static final String POSTGRES_FIREWALL_RULE = "azure-native:dbforpostgresql:FirewallRule";
    static final String SUBNET = "azure-native:network:Subnet";
    static final String NSG = "azure-native:network:NetworkSecurityGroup";
    static final String SECURITY_RULE = "azure-native:network:SecurityRule";
    static final String PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";
    static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    static final String LOCK = "azure-native:authorization:ManagementLockByScope";
    static final String FEDERATED_CREDENTIAL = "azure-native:managedidentity:FederatedIdentityCredential";
    static final String DIAGNOSTIC_SETTING = "azure-native:insights:DiagnosticSetting";
    static final String WORKSPACE = "azure-native:operationalinsights:Workspace";

    /**
     * Resources that hold data or take long to rebuild: protected and locked in production. The core stateful types
     * of the one table ({@link StatefulTypes#CORE}); the wider set the preview comment warns about is
     * {@link StatefulTypes#DATA_LOSING}.
     */
    static final Set<String> STATEFUL = StatefulTypes.CORE;

    /** Resources that must carry the standard tags (cost, ownership and origin are read from them). */
    static final Set<String> TAGGED = Set.of("azure-native:resources:ResourceGroup",
            "azure-native:network:VirtualNetwork", NSG, PRIVATE_ENDPOINT, WORKSPACE, CLUSTER, VAULT, STORAGE_ACCOUNT,
            POSTGRES, "azure-native:managedidentity:UserAssignedIdentity");

    private Types() {
    }
}
