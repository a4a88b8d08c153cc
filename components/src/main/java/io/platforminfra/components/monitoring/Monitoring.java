package io.platforminfra.components.monitoring;

import com.pulumi.azurenative.operationalinsights.Workspace;
import com.pulumi.azurenative.operationalinsights.WorkspaceArgs;
import com.pulumi.azurenative.operationalinsights.inputs.WorkspaceSkuArgs;
import com.pulumi.resources.ComponentResourceOptions;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.base.AzureComponent;
import io.platforminfra.components.base.Components;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * The stage's Log Analytics workspace: every other component sends its logs and metrics here through
 * {@link DiagnosticSettings}, so one query spans cluster, vault, storage and database.
 */
public class Monitoring extends AzureComponent {
    /** Pulumi type token. */
    public static final String TYPE = Components.TYPE_PREFIX + "Monitoring";

    /** Creates the workspace; throws before registering anything when the settings are invalid. */
    public Monitoring(String name, MonitoringArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, AzureResourceType.LOG_ANALYTICS_WORKSPACE, name, args, options);
        var placement = args.getPlacement();
        var workspace = new Workspace(name + "-log", WorkspaceArgs.builder()
                .workspaceName(mainResourceName())
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .sku(WorkspaceSkuArgs.builder().name("PerGB2018").build())
                .retentionInDays(args.getSettings().getRetentionDays())
                .tags(placement.tags())
                .build(), adoption().options(this).build());
        publish(workspace.id(), workspace.name(), Map.of());
    }
}
