package io.platforminfra.config;

import io.platforminfra.azure.AzureNativeKeys;

import java.util.List;

/**
 * Every stack config key the program reads. Scalar keys are declared in {@code Pulumi.yaml} with type, default and
 * description; structured keys (maps) are documented field by field in {@code docs/configuration.md}, with each
 * field's default in the component settings class named below.
 */
public final class StackKeys {
    /** Config namespace of this project. */
    public static final String NAMESPACE = "platform-infra";

    /** Azure region of the stage, such as {@code westeurope}. Required. */
    public static final String LOCATION = "azure-native:location";
    /**
     * Subscription of the stage (a GUID): the provider deploys there and reports it, so role definition IDs and
     * scopes lie in it, and a preview of a production stage can never target another ring's subscription. The
     * provider reads its config before {@code ARM_SUBSCRIPTION_ID} ({@link AzureNativeKeys#SUBSCRIPTION_ID}).
     * Required.
     */
    public static final String SUBSCRIPTION_ID = AzureNativeKeys.SUBSCRIPTION_ID;
    /** {@code development} or {@code production}. Required. */
    public static final String ENVIRONMENT_TYPE = NAMESPACE + ":environmentType";
    /** Team or person answerable for the stage; tag {@code owner}. Required. */
    public static final String OWNER = NAMESPACE + ":owner";
    /** Cost center the stage is billed to; tag {@code cost-center}. Required. */
    public static final String COST_CENTER = NAMESPACE + ":costCenter";
    /** Repository the stage is deployed from; tag {@code repository}. Default {@code platform-infra}. */
    public static final String REPOSITORY = NAMESPACE + ":repository";
    /**
     * Client IDs of the identities that may update the stage (not preview: anyone may), compared with the client ID
     * (and, where the provider reports one, the object ID) of the credentials the Azure provider uses
     * ({@code DeploymentGuard}). Required.
     */
    public static final String DEPLOYERS = NAMESPACE + ":deployers";
    /** Log Analytics settings ({@code MonitoringSettings}). Default: every field's default. */
    public static final String MONITORING = NAMESPACE + ":monitoring";
    /** Virtual network settings ({@code NetworkSettings}). Default: every field's default. */
    public static final String NETWORK = NAMESPACE + ":network";
    /** AKS settings ({@code AksClusterSettings}). Required: admin groups and API server access. */
    public static final String CLUSTER = NAMESPACE + ":cluster";
    /** Key Vault settings ({@code SecretStoreSettings}). Default: every field's default. */
    public static final String SECRET_STORE = NAMESPACE + ":secretStore";
    /** Storage settings ({@code ObjectStorageSettings}). Default: every field's default. */
    public static final String STORAGE = NAMESPACE + ":storage";
    /** PostgreSQL settings ({@code DatabaseSettings}). Required: the Entra ID admin group. */
    public static final String DATABASE = NAMESPACE + ":database";
    /**
     * Entra ID groups with read access ({@code AccessSettings}): {@code readerGroupObjectIds} (Reader on the
     * resource group), {@code clusterUserGroupObjectIds} (AKS Cluster User on the cluster). Default: none.
     */
    public static final String ACCESS = NAMESPACE + ":access";
    /**
     * Accepted exceptions to policy rules, each {@code {rule, resource, reason, expires}} (a {@code Waiver}): the
     * rule's ID, the resource's Pulumi name, why, and the last day it applies (YYYY-MM-DD). Default: none.
     */
    public static final String WAIVERS = NAMESPACE + ":waivers";
    /**
     * Existing Azure resources the stage adopts (imports) instead of creating them, by part: {@code resourceGroup},
     * {@code monitoring}, {@code network}, {@code cluster}, {@code secretStore}, {@code storage}, {@code database},
     * each an Azure resource ID. Default: none (the stage creates everything).
     */
    public static final String ADOPT = NAMESPACE + ":adopt";
    /**
     * Password of the PostgreSQL administrator; only with {@code database.passwordAuth: true}, and only as a
     * secret ({@code pulumi config set --secret}). Default: none.
     */
    public static final String DATABASE_ADMIN_PASSWORD = NAMESPACE + ":databaseAdminPassword";

    /** Every key of the project's namespace, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(ENVIRONMENT_TYPE, OWNER, COST_CENTER, REPOSITORY, DEPLOYERS,
            MONITORING,
            NETWORK, CLUSTER, SECRET_STORE, STORAGE, DATABASE, DATABASE_ADMIN_PASSWORD, ACCESS, ADOPT, WAIVERS);

    private StackKeys() {
    }
}
