package io.platforminfra.components.monitoring;

import io.platforminfra.components.attach.DiagnosticSettings;

import io.platforminfra.components.validation.InvalidSettingsException;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestPlacements;
import org.junit.jupiter.api.Test;

import static io.platforminfra.testing.Assertions.assertAllParentedTo;
import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

class MonitoringTest {
    static RunResult deploy(MonitoringSettings settings) {
        return MockedRun.builder().run(ctx -> {
            var monitoring = new Monitoring("monitoring", MonitoringArgs.builder()
                    .placement(TestPlacements.dev()).settings(settings).build(), null);
            DiagnosticSettings.send("target-diag", com.pulumi.core.Output.of("/target"), monitoring.resourceId(),
                    DiagnosticSettings.Signals.LOGS_AND_METRICS, monitoring);
        });
    }

    @Test
    void workspaceKeepsLogsForTheConfiguredDaysAtPayPerGb() {
        var run = deploy(MonitoringSettings.builder().retentionDays(90).build());
        assertSucceeded(run);
        var workspace = run.single("azure-native:operationalinsights:Workspace");
        assertThat(workspace.input("workspaceName")).contains("log-plat-dev-weu");
        assertThat(workspace.input("retentionInDays")).contains(90.0);
        assertThat(workspace.input("sku.name")).contains("PerGB2018");
    }

    @Test
    void diagnosticSettingsSendAllLogsAndMetricsToTheWorkspace() {
        var setting = deploy(MonitoringSettings.defaults()).single("azure-native:insights:DiagnosticSetting");
        assertThat(setting.input("resourceUri")).contains("/target");
        assertThat((String) setting.input("workspaceId").orElseThrow()).endsWith("Workspace/log-plat-dev-weu");
        assertThat(setting.input("logs.0.categoryGroup")).contains("allLogs");
        assertThat(setting.input("metrics.0.category")).contains("AllMetrics");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertAllParentedTo(deploy(MonitoringSettings.defaults()), Monitoring.TYPE);
    }

    @Test
    void retentionOutsideWhatAzureOffersIsRejected() {
        assertRejectedBeforeRegistering(deploy(MonitoringSettings.builder().retentionDays(7).build()),
                InvalidSettingsException.class, "retentionDays must be between 30 and 730 (value: 7)");
    }
}
