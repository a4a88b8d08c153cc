package io.platforminfra.config;

import io.platforminfra.components.aks.AksClusterSettings;
import io.platforminfra.components.database.DatabaseSettings;
import io.platforminfra.components.monitoring.MonitoringSettings;
import io.platforminfra.components.network.NetworkSettings;
import io.platforminfra.components.secretstore.SecretStoreSettings;
import io.platforminfra.components.storage.ObjectStorageSettings;
import io.platforminfra.policy.Waiver;

import java.util.List;

/**
 * Everything a stage's stack file says, typed and validated: the one place the program's configuration is read
 * into (by {@link StageConfigReader}). The keys are listed in {@link StackKeys} and documented, with defaults,
 * in {@code docs/configuration.md}.
 *
 * @param stage           the stage: the Pulumi stack's name, such as {@code dev}
 * @param stackFile       the stack's file, such as {@code Pulumi.dev.yaml}, named in every error
 * @param location        Azure region of every resource ({@code azure-native:location})
 * @param subscriptionId  subscription the stage deploys into ({@code azure-native:subscriptionId})
 * @param environmentType development or production
 * @param owner           team or person answerable for the stage (tag {@code owner})
 * @param costCenter      cost center the stage is billed to (tag {@code cost-center})
 * @param repository      repository the stage is deployed from (tag {@code repository})
 * @param monitoring      Log Analytics workspace settings
 * @param network         virtual network settings
 * @param cluster         AKS cluster settings
 * @param secretStore     Key Vault settings
 * @param storage         storage account settings
 * @param database        PostgreSQL flexible server settings
 * @param access          Entra ID groups with read access to the stage
 * @param adoptions       existing Azure resources the stage adopts instead of creating
 * @param waivers         accepted exceptions to policy rules
 * @param deployers       client IDs of the identities that may update the stage
 */
public record StageConfig(String stage,
                          String stackFile,
                          String location,
                          String subscriptionId,
                          EnvironmentType environmentType,
                          String owner,
                          String costCenter,
                          String repository,
                          MonitoringSettings monitoring,
                          NetworkSettings network,
                          AksClusterSettings cluster,
                          SecretStoreSettings secretStore,
                          ObjectStorageSettings storage,
                          DatabaseSettings database,
                          AccessSettings access,
                          Adoptions adoptions,
                          List<Waiver> waivers,
                          List<String> deployers) {
}
