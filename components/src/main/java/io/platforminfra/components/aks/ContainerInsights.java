package io.platforminfra.components.aks;

import com.pulumi.azurenative.insights.DataCollectionRule;
import com.pulumi.azurenative.insights.DataCollectionRuleArgs;
import com.pulumi.azurenative.insights.DataCollectionRuleAssociation;
import com.pulumi.azurenative.insights.DataCollectionRuleAssociationArgs;
import com.pulumi.azurenative.insights.inputs.DataCollectionRuleDataSourcesArgs;
import com.pulumi.azurenative.insights.inputs.DataCollectionRuleDestinationsArgs;
import com.pulumi.azurenative.insights.inputs.DataFlowArgs;
import com.pulumi.azurenative.insights.inputs.ExtensionDataSourceArgs;
import com.pulumi.azurenative.insights.inputs.LogAnalyticsDestinationArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.platforminfra.components.base.Placement;

import java.util.Map;

/**
 * Container Insights with Entra ID (managed identity) authentication: the monitoring add-on with
 * {@code useAADAuth}, a data collection rule that sends the Container Insights streams to the stage's workspace, and
 * its association with the cluster.
 *
 * <p>Why: Container Insights' legacy authentication (the workspace key) is retired on 30 September 2026, after which
 * "data ingestion will stop" (azure-monitor-docs containers/container-insights-authentication.md). Container logs
 * are what application teams debug with; diagnostic settings carry only control-plane logs, so the add-on stays,
 * with the authentication Microsoft's own templates use (microsoft/Docker-Provider, managedClusters 2023-04-01 with
 * {@code "useAADAuth": "true"}, a data collection rule with the {@code ContainerInsights} extension and an
 * association named {@code ContainerInsightsExtension}).
 */
final class ContainerInsights {
    /** "Group stream that includes all of the above streams" (containers/includes/data-collection-rule-streams.md). */
    static final String STREAM = "Microsoft-ContainerInsights-Group-Default";
    /** The association name Microsoft's templates use. */
    static final String ASSOCIATION_NAME = "ContainerInsightsExtension";
    private static final String DESTINATION = "workspace";

    private ContainerInsights() {
    }

    /** The add-on's configuration: the workspace, and managed identity authentication. */
    static Output<Map<String, String>> addonConfig(Output<String> workspaceId) {
        return workspaceId.applyValue(id -> Map.of("logAnalyticsWorkspaceResourceID", id, "useAADAuth", "true"));
    }

    /** The data collection rule of {@code clusterId}'s Container Insights, and its association with the cluster. */
    static DataCollectionRuleAssociation collect(String name, Output<String> clusterId, Output<String> workspaceId,
                                                 String ruleName, Placement placement, Resource parent) {
        var rule = new DataCollectionRule(name + "-insights-dcr", DataCollectionRuleArgs.builder()
                .dataCollectionRuleName(ruleName)
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .kind("Linux")
                .dataSources(DataCollectionRuleDataSourcesArgs.builder()
                        .extensions(ExtensionDataSourceArgs.builder()
                                .name(ASSOCIATION_NAME)
                                .extensionName("ContainerInsights")
                                .streams(Either.ofLeft(STREAM))
                                .build())
                        .build())
                .destinations(DataCollectionRuleDestinationsArgs.builder()
                        .logAnalytics(LogAnalyticsDestinationArgs.builder()
                                .name(DESTINATION)
                                .workspaceResourceId(workspaceId)
                                .build())
                        .build())
                .dataFlows(DataFlowArgs.builder().streams(Either.ofLeft(STREAM)).destinations(DESTINATION).build())
                .tags(placement.tags())
                .build(), CustomResourceOptions.builder().parent(parent).build());
        return new DataCollectionRuleAssociation(name + "-insights-dcra", DataCollectionRuleAssociationArgs.builder()
                .associationName(ASSOCIATION_NAME)
                .resourceUri(clusterId)
                .dataCollectionRuleId(rule.id())
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
