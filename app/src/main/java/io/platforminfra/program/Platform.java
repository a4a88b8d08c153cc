package io.platforminfra.program;

import io.platforminfra.components.aks.AksClusterSettings;
import io.platforminfra.components.database.DatabaseSettings;
import io.platforminfra.components.monitoring.MonitoringSettings;
import io.platforminfra.components.network.NetworkSettings;
import io.platforminfra.components.secretstore.SecretStoreSettings;
import io.platforminfra.components.storage.ObjectStorageSettings;

import io.platforminfra.config.AccessSettings;
import io.platforminfra.config.EnvironmentType;
import io.platforminfra.config.StackKeys;
import io.platforminfra.config.SettingsSection;
import io.platforminfra.config.PulumiConfigSource;
import io.platforminfra.config.StageConfig;
import io.platforminfra.config.StageConfigReader;
import io.platforminfra.config.StandardTags;

import com.pulumi.Context;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.core.Output;
import io.platforminfra.components.aks.AksCluster;
import io.platforminfra.components.aks.AksClusterArgs;
import io.platforminfra.components.base.Adoption;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.access.BuiltInRole;
import io.platforminfra.components.access.RoleAssignments;
import io.platforminfra.components.access.RoleAssignments.PrincipalType;
import io.platforminfra.components.base.NamingConvention;
import io.platforminfra.components.base.Placement;
import io.platforminfra.components.database.Database;
import io.platforminfra.components.database.DatabaseArgs;
import io.platforminfra.components.monitoring.Monitoring;
import io.platforminfra.components.monitoring.MonitoringArgs;
import io.platforminfra.components.network.Network;
import io.platforminfra.components.network.NetworkArgs;
import io.platforminfra.components.secretstore.SecretStore;
import io.platforminfra.components.secretstore.SecretStoreArgs;
import io.platforminfra.components.storage.ObjectStorage;
import io.platforminfra.components.storage.ObjectStorageArgs;

import io.platforminfra.components.access.Grant;
import io.platforminfra.policy.Rules;
import io.platforminfra.policy.Waiver;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * The stack program: reads the stage's config and composes the components. It decides nothing a component or a
 * stack file should decide; it only wires them together and exports what other teams need.
 *
 * <pre>
 *   resource group ─┬─ Monitoring (Log Analytics) ◄── diagnostics of everything below
 *                   ├─ Network (VNet: nodes, private endpoints, database subnets)
 *                   ├─ AksCluster ── Kubernetes provider ── namespaces + workload identities
 *                   ├─ SecretStore (Key Vault)        ◄── secrets read by each namespace's identity
 *                   ├─ ObjectStorage (storage account) ◄── blob data access for each namespace's identity
 *                   └─ Database (PostgreSQL flexible server)
 * </pre>
 */
public final class Platform {
    /** Secret name of the PostgreSQL administrator password in the Key Vault, when password auth is on. */
    public static final String DATABASE_PASSWORD_SECRET = "postgres-admin-password";

    private Platform() {
    }

    /** {@code platform-infra:monitoring}: the Log Analytics workspace. Default: every field's default. */
    public static final SettingsSection<MonitoringSettings> MONITORING = SettingsSection.adoptable("monitoring",
            MonitoringSettings.class, AzureResourceType.LOG_ANALYTICS_WORKSPACE);
    /** {@code platform-infra:network}: the virtual network. Default: every field's default. */
    public static final SettingsSection<NetworkSettings> NETWORK = SettingsSection.adoptable("network",
            NetworkSettings.class, AzureResourceType.VIRTUAL_NETWORK);
    /** {@code platform-infra:cluster}: the AKS cluster. Required: its admin groups and API server access. */
    public static final SettingsSection<AksClusterSettings> CLUSTER = SettingsSection.adoptable("cluster",
            AksClusterSettings.class, AzureResourceType.MANAGED_CLUSTER);
    /** {@code platform-infra:secretStore}: the Key Vault. Default: every field's default. */
    public static final SettingsSection<SecretStoreSettings> SECRET_STORE = SettingsSection.adoptable("secretStore",
            SecretStoreSettings.class, AzureResourceType.VAULT);
    /** {@code platform-infra:storage}: the storage account. Default: every field's default. */
    public static final SettingsSection<ObjectStorageSettings> STORAGE = SettingsSection.adoptable("storage",
            ObjectStorageSettings.class, AzureResourceType.STORAGE_ACCOUNT);
    /** {@code platform-infra:database}: the PostgreSQL flexible server. Required: its Entra ID admin group. */
    public static final SettingsSection<DatabaseSettings> DATABASE = SettingsSection.adoptable("database",
            DatabaseSettings.class, AzureResourceType.POSTGRES_SERVER);
    /** {@code platform-infra:access}: Entra ID groups with read access to the stage. Default: none. */
    public static final SettingsSection<AccessSettings> ACCESS = SettingsSection.of("access", AccessSettings.class);

    /**
     * The parts of a stage, each a structured stack key bound to its component's settings: what the stack file
     * reader binds and validates, what {@code platform-infra:adopt} accepts, and what docs/configuration.md and
     * Pulumi.yaml's key list are generated from, in the order the documentation lists them. A new component adds
     * its line here and is created below.
     */
    public static final List<SettingsSection<?>> SECTIONS = List.of(MONITORING, NETWORK, CLUSTER, SECRET_STORE, STORAGE,
            DATABASE, ACCESS);

    /** Read access to the resource group from the stack file, to groups only: see {@link AccessSettings}. */
    private static void grantReadAccess(AccessSettings access, ResourceGroup resourceGroup, Placement placement) {
        access.getReaderGroupObjectIds().forEach(group -> RoleAssignments.grant("readers-" + group,
                BuiltInRole.READER, PrincipalType.Group, Output.of(group), resourceGroup.id(), placement, null));
    }

    /**
     * The stateful resources whose lock an active waiver of the lock rule lifts: how a reviewed change deletes
     * something that lives under a locked resource (docs/stages.md).
     */
    private static Set<String> locksLifted(StageConfig config, LocalDate asOf) {
        return config.waivers().stream()
                .filter(waiver -> waiver.rule().equals(Rules.LOCK_RULE) && waiver.activeOn(asOf))
                .map(Waiver::resource)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Each application namespace's identity, as a grant named {@code <prefix><namespace>}. */
    private static List<Grant> workloadGrants(AksCluster cluster, String prefix) {
        return cluster.workloadIdentities().values().stream()
                .map(identity -> new Grant(prefix + identity.namespace(), identity.principalId()))
                .toList();
    }

    /**
     * Reads the stage's config from the deployment the program runs in and defines the whole stage in {@code ctx}.
     * Throws {@link io.platforminfra.config.StackConfigException} before registering anything when the stack file
     * is invalid.
     *
     * <p>Admits every run: for the tests of the stack under the mock engine. Real runs go through {@link StackProgram},
     * which asks the {@link DeploymentGuard}.
     *
     * @param configuredKeys every config key the deployment was given, so that unknown ones are refused
     * @param asOf           the run's day: versions out of Azure's support on it are refused
     */
    public static void define(Context ctx, Set<String> configuredKeys, LocalDate asOf) {
        define(ctx, read(ctx, configuredKeys, asOf), new ClientConfig(), asOf, config -> Optional.empty());
    }

    /**
     * The stage's config as the deployment in {@code ctx} was given it, validated.
     *
     * @throws io.platforminfra.config.StackConfigException listing every problem of the stack file
     */
    static StageConfig read(Context ctx, Set<String> configuredKeys, LocalDate asOf) {
        return StageConfigReader.read(new PulumiConfigSource(ctx, configuredKeys), ctx.stackName(), asOf, SECTIONS);
    }

    /**
     * Defines the stage {@code config} describes, read and validated before, in {@code ctx} if {@code admission}
     * admits it: it is asked before anything is registered, and either throws ({@link DeploymentRefusedException}:
     * nothing is registered) or returns the break glass to record, as the stack output
     * {@value DeploymentGuard#BREAK_GLASS_OUTPUT} and the resource group's tag {@value DeploymentGuard#BREAK_GLASS_TAG}.
     * The placement's tenant is {@code client}'s: the answer the guard was given, on an update.
     */
    static void define(Context ctx, StageConfig config, ClientConfig client, LocalDate asOf,
                       Function<StageConfig, Optional<DeploymentGuard.BreakGlass>> admission) {
        var breakGlass = admission.apply(config);
        var tags = StandardTags.of(config);
        var naming = new NamingConvention(StageConfigReader.WORKLOAD, config.stage(), config.location());

        var adoptions = config.adoptions();
        var resourceGroupAdoption = Adoption.of(adoptions.resourceGroupId(),
                AzureResourceType.RESOURCE_GROUP);
        var resourceGroup = new ResourceGroup("platform", ResourceGroupArgs.builder()
                .resourceGroupName(resourceGroupAdoption.name(naming.name(AzureResourceType.RESOURCE_GROUP)))
                .location(config.location())
                .tags(breakGlass.map(record -> withTag(tags, DeploymentGuard.BREAK_GLASS_TAG, record.tagValue()))
                        .orElse(tags))
                .build(), resourceGroupAdoption.options(null).build());
        var placement = new Placement(resourceGroup.name(), config.location(), naming, tags,
                client.tenantId(),
                // The stack file names the subscription, and the provider deploys there: it reads
                // azure-native:subscriptionId before ARM_SUBSCRIPTION_ID (pulumi-azure-native provider/pkg/provider/
                // auth.go, k.getConfig("subscriptionId", "ARM_SUBSCRIPTION_ID")). Known now: no need to ask it.
                Output.of(config.subscriptionId()),
                config.environmentType() == EnvironmentType.PRODUCTION,
                locksLifted(config, asOf));

        var monitoring = new Monitoring("monitoring", MonitoringArgs.builder()
                .placement(placement).settings(config.settings(MONITORING))
                .adoptResourceId(adoptions.idOf(MONITORING)).build(), null);
        var workspaceId = monitoring.resourceId();
        var network = new Network("network", NetworkArgs.builder()
                .placement(placement).settings(config.settings(NETWORK)).logAnalyticsWorkspaceId(workspaceId)
                .adoptResourceId(adoptions.idOf(NETWORK)).build(), null);
        var cluster = new AksCluster("cluster", AksClusterArgs.builder()
                .placement(placement).settings(config.settings(CLUSTER))
                .nodeSubnetId(network.nodeSubnetId()).logAnalyticsWorkspaceId(workspaceId)
                .clusterUserGroupObjectIds(config.settings(ACCESS).getClusterUserGroupObjectIds())
                .adoptResourceId(adoptions.idOf(CLUSTER)).build(), null);
        // Each application namespace's identity may read the vault's secrets and read and write blobs; nothing else.
        var secrets = new SecretStore("secrets", SecretStoreArgs.builder()
                .placement(placement).settings(config.settings(SECRET_STORE))
                .privateEndpoint(network.privateEndpoints()).logAnalyticsWorkspaceId(workspaceId)
                .secretReaders(workloadGrants(cluster, "secrets-read-"))
                .adoptResourceId(adoptions.idOf(SECRET_STORE)).build(), null);
        var storage = new ObjectStorage("storage", ObjectStorageArgs.builder()
                .placement(placement).settings(config.settings(STORAGE))
                .privateEndpoint(network.privateEndpoints()).logAnalyticsWorkspaceId(workspaceId)
                .blobDataContributors(workloadGrants(cluster, "blob-data-"))
                .adoptResourceId(adoptions.idOf(STORAGE)).build(), null);

        Output<String> password = null;
        if (config.settings(DATABASE).isPasswordAuth()) {
            password = PulumiConfigSource.secretOf(ctx, StackKeys.DATABASE_ADMIN_PASSWORD);
            secrets.storeSecret(DATABASE_PASSWORD_SECRET, password);
        }
        var database = new Database("database", DatabaseArgs.builder()
                .placement(placement).settings(config.settings(DATABASE))
                .delegatedSubnetId(network.databaseSubnetId()).virtualNetworkId(network.resourceId())
                .logAnalyticsWorkspaceId(workspaceId).administratorPassword(password)
                .adoptResourceId(adoptions.idOf(DATABASE)).build(), null);

        grantReadAccess(config.settings(ACCESS), resourceGroup, placement);

        ctx.export("resourceGroup", resourceGroup.name());
        ctx.export("clusterName", cluster.name());
        ctx.export("oidcIssuerUrl", cluster.oidcIssuerUrl());
        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("vaultUri", secrets.vaultUri());
        ctx.export("blobEndpoint", storage.blobEndpoint());
        ctx.export("databaseHost", database.hostName());
        // Where the team sees it: `pulumi stack output`, the update's summary, and the next preview's diff, which
        // shows the output and the resource group's tag going away when the release pipeline runs again.
        breakGlass.ifPresent(record -> ctx.export(DeploymentGuard.BREAK_GLASS_OUTPUT, Output.of(record.output())));
    }

    /**
     * {@code tags} plus one: a break glass is recorded on the resource group only, the stage's entry point in the
     * portal, so that every other resource keeps exactly the standard tags.
     */
    private static Map<String, String> withTag(Map<String, String> tags, String key, String value) {
        var tagged = new LinkedHashMap<>(tags);
        tagged.put(key, value);
        return tagged;
    }
}
