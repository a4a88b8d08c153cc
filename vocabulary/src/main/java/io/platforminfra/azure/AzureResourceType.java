package io.platforminfra.azure;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one table of the Azure resource types the platform registers or judges: each type's Pulumi type token, the
 * input that carries its Azure name, what is lost with a resource of the type and, for {@code
 * Microsoft.Authorization} types, the ARM type the deployer must be allowed to write and, for the types the platform
 * names by its convention, their {@link NamingRules}. The policy gate, the preview report, the offline engine, its
 * mocks, the naming convention and adoption read it; no other main code spells a type token ({@code
 * TypeTokensAreSpelledOnceTest}).
 *
 * <p><b>Stateful</b> means two things here, both read from the one {@link Loss} of a type:
 * <ul>
 *   <li>{@link #losesData()}: deleting the resource loses something the program cannot create again (data, running
 *       workloads, or an identity others trust). Pulumi replaces a resource by deleting it and creating a new one,
 *       so for these types a replacement is as serious as a deletion: the preview comment warns of both. A resource
 *       that merely points at one of them (a private endpoint, a diagnostic setting, a role assignment, a lock) does
 *       not lose data: the program creates it again as it was.</li>
 *   <li>{@link #guardedInProduction()}: the main resource of each data component (cluster, key vault, storage
 *       account, PostgreSQL server). The components protect and lock exactly these in production, and the policy
 *       gate requires them to be protected, locked and to send diagnostics there (PI-GOV-001, PI-GOV-002,
 *       PI-MON-001). The set is narrower on purpose: what lives under one of them (node pools, blob containers,
 *       databases) is covered by its lock, since Azure refuses to delete anything under a {@code CanNotDelete}
 *       lock; and locking the resource group, network or workspace would block every teardown of a stage for
 *       resources whose loss the preview already names to the reviewer.</li>
 * </ul>
 *
 * <p>Types are compared without their API version: {@code azure-native:dbforpostgresql/v20221201:Server} is the
 * same server as {@code azure-native:dbforpostgresql:Server} (azure-native names a resource at an explicit API
 * version as {@code <module>/v<yyyymmdd>[preview]}).
 */
public enum AzureResourceType {
    /**
     * Resource group; Azure deletes it with everything in it: the program's whole stage. Names: 1-90 characters,
     * letters, digits, hyphens, underscores, periods and parentheses.
     */
    RESOURCE_GROUP("azure-native:resources:ResourceGroup", "resourceGroupName",
            Loss.always("resource group with every resource in it (the whole stage)"),
            new NamingRules("resource group", "rg", "Microsoft.Resources/resourceGroups", 1, 90, "[-\\w.()]*[-\\w()]",
                    false, true)),
    /** Virtual network: 2-64 characters, alphanumerics, underscores, periods and hyphens. */
    VIRTUAL_NETWORK("azure-native:network:VirtualNetwork", "virtualNetworkName",
            Loss.always("virtual network with its subnets, and with them the network of the cluster and the private"
                    + " endpoints"),
            new NamingRules("virtual network", "vnet", "Microsoft.Network/virtualNetworks", 2, 64,
                    "[a-zA-Z0-9][-\\w.]*\\w", false, true)),
    /** Subnet: 1-80 characters, alphanumerics, underscores, periods and hyphens. */
    SUBNET("azure-native:network:Subnet", "subnetName",
            new NamingRules("subnet", "snet", "Microsoft.Network/virtualNetworks/subnets", 1, 80,
                    "[a-zA-Z0-9]([-\\w.]*\\w)?", false, true)),
    /** Network security group: 1-80 characters. */
    NETWORK_SECURITY_GROUP("azure-native:network:NetworkSecurityGroup", "networkSecurityGroupName",
            new NamingRules("network security group", "nsg", "Microsoft.Network/networkSecurityGroups", 1, 80,
                    "[a-zA-Z0-9]([-\\w.]*\\w)?", false, true)),
    /**
     * A security rule as a resource of its own. Its Azure name is the path input {@code securityRuleName}; its
     * {@code name} input is the rule's name in the request body (SecurityRuleArgs of azure-native 2.10.0, javap).
     */
    SECURITY_RULE("azure-native:network:SecurityRule", "securityRuleName"),
    PRIVATE_ZONE("azure-native:network:PrivateZone", "privateZoneName"),
    VIRTUAL_NETWORK_LINK("azure-native:network:VirtualNetworkLink", "virtualNetworkLinkName"),
    /** Private endpoint: 2-64 characters. */
    PRIVATE_ENDPOINT("azure-native:network:PrivateEndpoint", "privateEndpointName",
            new NamingRules("private endpoint", "pe", "Microsoft.Network/privateEndpoints", 2, 64,
                    "[a-zA-Z0-9][-\\w.]*\\w", false, true)),
    PRIVATE_DNS_ZONE_GROUP("azure-native:network:PrivateDnsZoneGroup", "privateDnsZoneGroupName"),
    /** Log Analytics workspace: 4-63 characters, alphanumerics and hyphens, starting and ending alphanumeric. */
    LOG_ANALYTICS_WORKSPACE("azure-native:operationalinsights:Workspace", "workspaceName",
            Loss.always("Log Analytics workspace with its logs (the audit and diagnostic history)"),
            new NamingRules("log analytics workspace", "log", "Microsoft.OperationalInsights/workspaces", 4, 63,
                    "[a-zA-Z0-9][-a-zA-Z0-9]*[a-zA-Z0-9]", false, true)),
    /** AKS managed cluster: 1-63 characters, alphanumerics, underscores and hyphens. */
    MANAGED_CLUSTER("azure-native:containerservice:ManagedCluster", "resourceName",
            Loss.guarded("AKS cluster with everything running on it"),
            new NamingRules("kubernetes cluster", "aks", "Microsoft.ContainerService/managedClusters", 1, 63,
                    "[a-zA-Z0-9]([-\\w]*[a-zA-Z0-9])?", false, true)),
    AGENT_POOL("azure-native:containerservice:AgentPool", "agentPoolName",
            Loss.always("AKS node pool with the pods running on it")),
    /**
     * AKS planned maintenance configuration at API version 2023-06-01, the first one the provider knows with a
     * {@code maintenanceWindow} (the default token's 2023-04-01 has only the deprecated {@code timeInWeek}).
     */
    MAINTENANCE_CONFIGURATION_WINDOW("azure-native:containerservice/v20230601:MaintenanceConfiguration",
            "configName"),
    /** A user-assigned identity's federated credential, which lets a workload outside Azure log in as it. */
    FEDERATED_IDENTITY_CREDENTIAL("azure-native:managedidentity:FederatedIdentityCredential",
            "federatedIdentityCredentialResourceName"),
    /**
     * User-assigned managed identity. A new identity has a new client and principal ID: workloads federated to the
     * old one can no longer log in, and grants made to it outside this program are gone. Names: 3-128 characters,
     * alphanumerics, hyphens and underscores.
     */
    USER_ASSIGNED_IDENTITY("azure-native:managedidentity:UserAssignedIdentity", "resourceName",
            Loss.whenReferencedBy(FEDERATED_IDENTITY_CREDENTIAL,
                    "managed identity with the client ID its federated workloads log in with"),
            new NamingRules("managed identity", "id", "Microsoft.ManagedIdentity/userAssignedIdentities", 3, 128,
                    "[a-zA-Z0-9][-\\w]*", false, true)),
    /** Key Vault: 3-24 characters, alphanumerics and hyphens, starting with a letter; globally unique. */
    VAULT("azure-native:keyvault:Vault", "vaultName",
            Loss.guarded("key vault with its keys, secrets and certificates"),
            new NamingRules("key vault", "kv", "Microsoft.KeyVault/vaults", 3, 24,
                    "[a-zA-Z]([a-zA-Z0-9]|-(?!-))*[a-zA-Z0-9]", true, true)),
    SECRET("azure-native:keyvault:Secret", "secretName"),
    /** Storage account: 3-24 lowercase letters and digits only; globally unique. */
    STORAGE_ACCOUNT("azure-native:storage:StorageAccount", "accountName",
            Loss.guarded("storage account with all its blobs"),
            new NamingRules("storage account", "st", "Microsoft.Storage/storageAccounts", 3, 24, "[a-z0-9]+", true,
                    false)),
    BLOB_SERVICE("azure-native:storage:BlobServiceProperties", "blobServicesName"),
    BLOB_CONTAINER("azure-native:storage:BlobContainer", "containerName",
            Loss.always("blob container with all its blobs")),
    /** PostgreSQL flexible server: 3-63 lowercase letters, digits and hyphens; globally unique (DNS name). */
    POSTGRES_SERVER("azure-native:dbforpostgresql:Server", "serverName",
            Loss.guarded("PostgreSQL server with all its databases"),
            new NamingRules("postgresql server", "psql", "Microsoft.DBforPostgreSQL/flexibleServers", 3, 63,
                    "[a-z0-9]([-a-z0-9]*[a-z0-9])?", true, true)),
    POSTGRES_DATABASE("azure-native:dbforpostgresql:Database", "databaseName",
            Loss.always("PostgreSQL database with its data")),
    POSTGRES_CONFIGURATION("azure-native:dbforpostgresql:Configuration", "configurationName"),
    /** Its Azure name is the path input {@code firewallRuleName} (FirewallRuleArgs of azure-native 2.10.0, javap). */
    POSTGRES_FIREWALL_RULE("azure-native:dbforpostgresql:FirewallRule", "firewallRuleName"),
    ROLE_ASSIGNMENT("azure-native:authorization:RoleAssignment", "roleAssignmentName", Deployer.ROLE_ASSIGNMENTS),
    /** Management lock on any scope: the one the program uses. */
    LOCK("azure-native:authorization:ManagementLockByScope", "lockName", Deployer.LOCKS),
    LOCK_AT_RESOURCE_LEVEL("azure-native:authorization:ManagementLockAtResourceLevel", "lockName", Deployer.LOCKS),
    LOCK_AT_RESOURCE_GROUP_LEVEL("azure-native:authorization:ManagementLockAtResourceGroupLevel", "lockName",
            Deployer.LOCKS),
    LOCK_AT_SUBSCRIPTION_LEVEL("azure-native:authorization:ManagementLockAtSubscriptionLevel", "lockName",
            Deployer.LOCKS),
    POLICY_ASSIGNMENT("azure-native:authorization:PolicyAssignment", "policyAssignmentName",
            Deployer.POLICY_ASSIGNMENTS),
    DIAGNOSTIC_SETTING("azure-native:insights:DiagnosticSetting", "name"),
    DATA_COLLECTION_RULE("azure-native:insights:DataCollectionRule", "dataCollectionRuleName"),
    DATA_COLLECTION_RULE_ASSOCIATION("azure-native:insights:DataCollectionRuleAssociation", "associationName");

    /** The input most types take the Azure name in, where the table names no other. */
    private static final String NAME_INPUT = "name";

    /** The azure-native module whose types Contributor cannot write. */
    private static final String AUTHORIZATION_MODULE = "azure-native:authorization:";

    /**
     * {@code /v20221201}, {@code /v20230601preview}: the API version part of an azure-native module. Anything after
     * a slash counts, since module names have none of their own: a version written another way must not hide a
     * type from the rules or the warnings.
     */
    private static final Pattern API_VERSION = Pattern.compile("/.*$");

    private static final Map<String, AzureResourceType> BY_BASE_TOKEN = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(type -> withoutApiVersion(type.token), Function.identity()));

    /**
     * What goes with a resource of a stateful type when it is deleted or replaced.
     *
     * @param lostWith             what goes, worded to follow "the existing …"
     * @param guardedInProduction  whether production protects and locks it (see the table's Javadoc)
     * @param onlyWhenReferencedBy the type of the resources without which nothing is lost (an identity is only
     *                             trusted by others through its federated credentials); empty when something is
     *                             always lost
     */
    public record Loss(String lostWith, boolean guardedInProduction,
                       Optional<AzureResourceType> onlyWhenReferencedBy) {

        static Loss always(String lostWith) {
            return new Loss(lostWith, false, Optional.empty());
        }

        static Loss guarded(String lostWith) {
            return new Loss(lostWith, true, Optional.empty());
        }

        static Loss whenReferencedBy(AzureResourceType referencing, String lostWith) {
            return new Loss(lostWith, false, Optional.of(referencing));
        }
    }

    private final String token;
    private final String azureNameInput;
    private final Optional<Loss> loss;
    private final Optional<String> deployerWrites;
    private final Optional<NamingRules> naming;

    AzureResourceType(String token, String azureNameInput) {
        this(token, azureNameInput, Optional.empty(), Optional.empty(), Optional.empty());
    }

    AzureResourceType(String token, String azureNameInput, Loss loss) {
        this(token, azureNameInput, Optional.of(loss), Optional.empty(), Optional.empty());
    }

    AzureResourceType(String token, String azureNameInput, NamingRules naming) {
        this(token, azureNameInput, Optional.empty(), Optional.empty(), Optional.of(naming));
    }

    AzureResourceType(String token, String azureNameInput, Loss loss, NamingRules naming) {
        this(token, azureNameInput, Optional.of(loss), Optional.empty(), Optional.of(naming));
    }

    AzureResourceType(String token, String azureNameInput, String deployerWrites) {
        this(token, azureNameInput, Optional.empty(), Optional.of(deployerWrites), Optional.empty());
    }

    AzureResourceType(String token, String azureNameInput, Optional<Loss> loss, Optional<String> deployerWrites,
                      Optional<NamingRules> naming) {
        this.token = token;
        this.azureNameInput = azureNameInput;
        this.loss = loss;
        this.deployerWrites = deployerWrites;
        this.naming = naming;
    }

    /** The type {@code token} names, with or without an API version; empty when it is not in the table. */
    public static Optional<AzureResourceType> of(String token) {
        return Optional.ofNullable(BY_BASE_TOKEN.get(withoutApiVersion(token)));
    }

    /** The input of a resource of type {@code token} that holds its Azure name ({@code name} for unknown types). */
    public static String azureNameInputOf(String token) {
        return of(token).map(AzureResourceType::azureNameInput).orElse(NAME_INPUT);
    }

    /** The Azure name among {@code inputs} of a resource of type {@code token}, when it is set and known. */
    public static Optional<String> azureNameIn(String token, Map<String, ?> inputs) {
        return inputs.get(azureNameInputOf(token)) instanceof String name ? Optional.of(name) : Optional.empty();
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
        return Optional.of(of(token).flatMap(type -> type.deployerWrites)
                .orElse("Microsoft.Authorization/<unknown: " + token + ">"));
    }

    /** The Pulumi type token, such as {@code azure-native:keyvault:Vault}. */
    public String token() {
        return token;
    }

    /** The input that holds the resource's Azure name: type-specific ({@code vaultName}, ...) or {@code name}. */
    public String azureNameInput() {
        return azureNameInput;
    }

    /** What deleting or replacing a resource of this type loses; empty when nothing is. */
    public Optional<Loss> loss() {
        return loss;
    }

    /** Whether deleting or replacing a resource of this type loses something (under its condition). */
    public boolean losesData() {
        return loss.isPresent();
    }

    /** Whether production protects, locks and monitors resources of this type. */
    public boolean guardedInProduction() {
        return loss.map(Loss::guardedInProduction).orElse(false);
    }

    /**
     * The rules Azure has for the names of this type, for the types the platform names by its convention; empty
     * for the others (their names are given by the component, or they have none of their own).
     */
    public Optional<NamingRules> naming() {
        return naming;
    }

    /** Whether {@code token}, with or without an API version, names this type. */
    public boolean isTypeOf(String token) {
        return of(token).filter(this::equals).isPresent();
    }

    /**
     * {@code token} without the API version azure-native puts after its module: {@code
     * azure-native:dbforpostgresql/v20221201:Server} is {@code azure-native:dbforpostgresql:Server}. Any other
     * token is returned as it is.
     */
    public static String withoutApiVersion(String token) {
        var parts = token.split(":", -1);
        if (parts.length != 3) {
            return token;
        }
        var module = API_VERSION.matcher(parts[1]).replaceFirst("");
        return parts[0] + ":" + module + ":" + parts[2];
    }
}
