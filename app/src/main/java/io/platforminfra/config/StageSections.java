package io.platforminfra.config;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.aks.AksClusterSettings;
import io.platforminfra.components.database.DatabaseSettings;
import io.platforminfra.components.monitoring.MonitoringSettings;
import io.platforminfra.components.network.NetworkSettings;
import io.platforminfra.components.secretstore.SecretStoreSettings;
import io.platforminfra.components.storage.ObjectStorageSettings;

import java.util.List;

/**
 * The structured keys of a stage's stack file, one per part of the stage, in the order the documentation lists
 * them. Each field's meaning and default is the settings class's own (its Javadoc and its builder's default):
 * docs/configuration.md and the key list of Pulumi.yaml are generated from them ({@code ConfigurationReference}).
 */
public final class StageSections {
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

    /** Every structured key bound to settings, in the order the documentation lists them. */
    public static final List<SettingsSection<?>> ALL = List.of(MONITORING, NETWORK, CLUSTER, SECRET_STORE, STORAGE,
            DATABASE, ACCESS);

    private StageSections() {
    }
}
