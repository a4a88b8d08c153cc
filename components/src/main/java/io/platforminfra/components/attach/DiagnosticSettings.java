package io.platforminfra.components.attach;

import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.insights.DiagnosticSettingArgs;
import com.pulumi.azurenative.insights.inputs.LogSettingsArgs;
import com.pulumi.azurenative.insights.inputs.MetricSettingsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * Sends a resource's logs and metrics to the stage's Log Analytics workspace, the same way for every component.
 *
 * <p>Category groups ({@code allLogs}) rather than named categories: new log categories Azure adds are collected
 * without a code change (Azure security benchmark LT-3, "enable logging for security investigation").
 */
public final class DiagnosticSettings {
    /** Azure name of every diagnostic setting this platform creates; one per resource. */
    public static final String SETTING_NAME = "to-log-analytics";

    private DiagnosticSettings() {
    }

    /** What a resource type emits. */
    public enum Signals {
        /** Resource logs and platform metrics (most resource types). */
        LOGS_AND_METRICS,
        /** Platform metrics only (storage accounts keep their logs on the service level, such as blobs). */
        METRICS_ONLY
    }

    /**
     * Creates the diagnostic setting of {@code targetResourceId}.
     *
     * @param name        Pulumi name, conventionally {@code <resource name>-diag}
     * @param workspaceId resource ID of the Log Analytics workspace
     * @param parent      the component that owns the target resource
     */
    public static DiagnosticSetting send(String name, Output<String> targetResourceId, Output<String> workspaceId,
                                         Signals signals, Resource parent) {
        var args = metricsTo(targetResourceId, workspaceId);
        if (signals == Signals.LOGS_AND_METRICS) {
            args.logs(LogSettingsArgs.builder().categoryGroup("allLogs").enabled(true).build());
        }
        return new DiagnosticSetting(name, args.build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /**
     * Creates the diagnostic setting of {@code targetResourceId} with metrics and the named log categories only:
     * for resources where "all logs" costs far more than it tells (AKS's kube-audit).
     */
    public static DiagnosticSetting send(String name, Output<String> targetResourceId, Output<String> workspaceId,
                                         List<String> logCategories, Resource parent) {
        var args = metricsTo(targetResourceId, workspaceId).logs(logCategories.stream()
                .map(category -> LogSettingsArgs.builder().category(category).enabled(true).build()).toList());
        return new DiagnosticSetting(name, args.build(), CustomResourceOptions.builder().parent(parent).build());
    }

    private static DiagnosticSettingArgs.Builder metricsTo(Output<String> targetResourceId, Output<String> workspaceId) {
        return DiagnosticSettingArgs.builder()
                .name(SETTING_NAME)
                .resourceUri(targetResourceId)
                .workspaceId(workspaceId)
                .metrics(MetricSettingsArgs.builder().category("AllMetrics").enabled(true).build());
    }
}
