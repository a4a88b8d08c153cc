package io.platforminfra.components.aks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import io.platforminfra.azure.AzureResourceType;

import java.util.Map;

/**
 * The cluster's auto-upgrade window: a planned maintenance configuration named {@code aksManagedAutoUpgradeSchedule}.
 *
 * <p>Why a resource class of our own: AKS honours auto-upgrade windows only through {@code maintenanceWindow}, which
 * the API has from version 2023-05-01 on; the {@code default} configuration with {@code timeInWeek} "is meant
 * exclusively for AKS weekly releases" (articles/aks/planned-maintenance.md). azure-native 2.10.0's Java SDK offers
 * MaintenanceConfiguration only at its default API version 2023-04-01, and no explicitly versioned modules ("not
 * available in Java", pulumi/pulumi-azure-native#2400). The provider itself serves explicit versions by type token:
 * {@code azure-native:containerservice/v20230601:MaintenanceConfiguration} is among the API versions of the
 * resource in 2.10.0's schema (the Java SDK's alias list names it) and its module ships in the 2.21.1 Node.js SDK.
 * Not yet run against the 2.10.0 provider binary (docs/deploy-fidelity.md); docs/upgrading.md replaces this class
 * with the SDK's own resource.
 */
public final class AutoUpgradeSchedule extends CustomResource {
    /** The configuration name AKS reads auto-upgrade windows from. */
    public static final String CONFIG_NAME = "aksManagedAutoUpgradeSchedule";

    /** Creates the schedule of the cluster {@code clusterName} in {@code resourceGroupName}. */
    public AutoUpgradeSchedule(String name, Output<String> clusterName, Output<String> resourceGroupName,
                               MaintenanceWindowSettings window, CustomResourceOptions options) {
        super(AzureResourceType.MAINTENANCE_CONFIGURATION_WINDOW.token(), name, new Args(clusterName, resourceGroupName, window),
                options);
    }

    /** The inputs, as the provider's schema for API version 2023-06-01 names them. */
    static final class Args extends ResourceArgs {
        @Import(name = "configName", required = true)
        private final Output<String> configName = Output.of(CONFIG_NAME);

        @Import(name = "resourceName", required = true)
        private final Output<String> resourceName;

        @Import(name = "resourceGroupName", required = true)
        private final Output<String> resourceGroupName;

        @Import(name = "maintenanceWindow", required = true)
        private final Output<Map<String, Object>> maintenanceWindow;

        Args(Output<String> clusterName, Output<String> resourceGroupName, MaintenanceWindowSettings window) {
            this.resourceName = clusterName;
            this.resourceGroupName = resourceGroupName;
            this.maintenanceWindow = Output.of(Map.of(
                    "schedule", Map.of("weekly", Map.of("dayOfWeek", window.getDayOfWeek(), "intervalWeeks", 1)),
                    "durationHours", window.getDurationHours(),
                    "startTime", window.getStartTime(),
                    "utcOffset", window.getUtcOffset()));
        }
    }
}
