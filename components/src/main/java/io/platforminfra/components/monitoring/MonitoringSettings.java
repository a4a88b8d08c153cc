package io.platforminfra.components.monitoring;

import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.Settings;
import lombok.Builder;
import lombok.Value;


/**
 * Settings of the stage's Log Analytics workspace.
 */
@Value
@Builder(toBuilder = true)
public class MonitoringSettings implements Settings {

    /**
     * Days logs are kept, 30 to 730. Default {@code 30}: what the per-GB price includes; longer retention is
     * a cost decision made per stage.
     */
    @Builder.Default
    int retentionDays = 30;

    /** Settings with every default. */
    public static MonitoringSettings defaults() {
        return builder().build();
    }

    @Override
    public void check(Problems problems) {
        problems.inRange("retentionDays", retentionDays, 30, 730);
    }
}
