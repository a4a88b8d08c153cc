package io.platforminfra.offline;

import java.util.Map;
import java.util.Optional;

/**
 * Where an azure-native resource's Azure name is among its inputs: most types take it as a type-specific input
 * ({@code vaultName}, {@code accountName}, ...), the rest as {@code name}. Plans show it; the mocks answer with it.
 */
public final class AzureNames {
    /** Input that holds the Azure name, by type token, where it is not simply {@code name}. */
    private static final Map<String, String> NAME_INPUTS = Map.ofEntries(
            Map.entry("azure-native:resources:ResourceGroup", "resourceGroupName"),
            Map.entry("azure-native:network:VirtualNetwork", "virtualNetworkName"),
            Map.entry("azure-native:network:Subnet", "subnetName"),
            Map.entry("azure-native:network:NetworkSecurityGroup", "networkSecurityGroupName"),
            Map.entry("azure-native:network:PrivateZone", "privateZoneName"),
            Map.entry("azure-native:network:VirtualNetworkLink", "virtualNetworkLinkName"),
            Map.entry("azure-native:network:PrivateEndpoint", "privateEndpointName"),
            Map.entry("azure-native:network:PrivateDnsZoneGroup", "privateDnsZoneGroupName"),
            Map.entry("azure-native:operationalinsights:Workspace", "workspaceName"),
            Map.entry("azure-native:containerservice:ManagedCluster", "resourceName"),
            Map.entry("azure-native:managedidentity:UserAssignedIdentity", "resourceName"),
            Map.entry("azure-native:managedidentity:FederatedIdentityCredential", "federatedIdentityCredentialResourceName"),
            Map.entry("azure-native:keyvault:Vault", "vaultName"),
            Map.entry("azure-native:keyvault:Secret", "secretName"),
            Map.entry("azure-native:storage:StorageAccount", "accountName"),
            Map.entry("azure-native:storage:BlobServiceProperties", "blobServicesName"),
            Map.entry("azure-native:storage:BlobContainer", "containerName"),
            Map.entry("azure-native:dbforpostgresql:Server", "serverName"),
            Map.entry("azure-native:dbforpostgresql:Database", "databaseName"),
            Map.entry("azure-native:dbforpostgresql:Configuration", "configurationName"),
            Map.entry("azure-native:authorization:RoleAssignment", "roleAssignmentName"),
            Map.entry("azure-native:authorization:ManagementLockByScope", "lockName"),
            Map.entry("azure-native:authorization:PolicyAssignment", "policyAssignmentName"),
            Map.entry("azure-native:containerservice:AgentPool", "agentPoolName"),
            Map.entry("azure-native:containerservice/v20230601:MaintenanceConfiguration", "configName"),
            Map.entry("azure-native:insights:DataCollectionRule", "dataCollectionRuleName"),
            Map.entry("azure-native:insights:DataCollectionRuleAssociation", "associationName"));

    private AzureNames() {
    }

    /** The input of type {@code type} that holds the Azure name. */
    public static String inputOf(String type) {
        return NAME_INPUTS.getOrDefault(type, "name");
    }

    /** The Azure name among {@code inputs} of a resource of type {@code type}, when it is set and known. */
    public static Optional<String> of(String type, Map<String, ?> inputs) {
        return inputs.get(inputOf(type)) instanceof String name ? Optional.of(name) : Optional.empty();
    }
}
