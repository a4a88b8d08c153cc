package io.platforminfra.config;

import io.platforminfra.azure.AzureNativeKeys;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every stack config key the program reads that is not a part's settings: the scalar keys, declared in
 * {@code Pulumi.yaml} with type, default and description, and the waivers and adoptions. The keys bound to settings
 * are the stage's parts ({@link SettingsSection}, listed by the stack program); docs/configuration.md documents all of them.
 */
public final class StackKeys {
    /** Config namespace of this project. */
    public static final String NAMESPACE = "platform-infra";

    /**
     * Azure region of every resource of the stage, one of the regions in {@code AzureRegions}, such as
     * {@code westeurope}. Required.
     */
    public static final String LOCATION = "azure-native:location";
    /**
     * Subscription of the stage (a GUID): the provider deploys there and reports it, so role definition IDs and
     * scopes lie in it, and a preview of a production stage can never target another ring's subscription. The
     * provider reads its config before {@code ARM_SUBSCRIPTION_ID} ({@link AzureNativeKeys#SUBSCRIPTION_ID}).
     * Required.
     */
    public static final String SUBSCRIPTION_ID = AzureNativeKeys.SUBSCRIPTION_ID;
    /** {@code development} or {@code production}: which policies apply, not which resources exist. Required. */
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
    /**
     * Accepted exceptions to policy rules, each {@code {rule, resource, reason, expires}} (a {@code Waiver}): the
     * rule's ID, the resource's Pulumi name, why, and the last day it applies (YYYY-MM-DD). Default: none.
     */
    public static final String WAIVERS = NAMESPACE + ":waivers";
    /**
     * Existing Azure resources the stage adopts (imports) instead of creating them ({@link Adoptions}):
     * {@code resourceGroup} and the field of every adoptable part of the stage ({@code Platform.SECTIONS}), each an Azure resource
     * ID. Default: none (the stage creates everything).
     */
    public static final String ADOPT = NAMESPACE + ":adopt";
    /**
     * Password of the PostgreSQL administrator; only with {@code database.passwordAuth: true}, and only as a
     * secret ({@code pulumi config set --secret}). Stored in the stage's Key Vault as
     * {@code postgres-admin-password}, never exported. Default: none.
     */
    public static final String DATABASE_ADMIN_PASSWORD = NAMESPACE + ":databaseAdminPassword";

    /** The keys that hold one value (text, or {@link #DEPLOYERS}' list of text), in the order the documentation lists them. */
    public static final List<String> SCALARS = List.of(LOCATION, SUBSCRIPTION_ID, ENVIRONMENT_TYPE, OWNER, COST_CENTER,
            REPOSITORY, DEPLOYERS, DATABASE_ADMIN_PASSWORD);

    /** Every key of the project's namespace, given the stage's parts ({@code sections}), in the documentation's order. */
    public static List<String> all(List<SettingsSection<?>> sections) {
        return Stream.of(SCALARS.stream().filter(key -> key.startsWith(NAMESPACE + ":")),
                sections.stream().map(SettingsSection::key), Stream.of(ADOPT, WAIVERS)).flatMap(keys -> keys).toList();
    }

    private StackKeys() {
    }
}
