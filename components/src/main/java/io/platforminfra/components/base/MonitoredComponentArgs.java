package io.platforminfra.components.base;

import com.pulumi.core.Output;
import lombok.Getter;
import lombok.NonNull;
import lombok.experimental.SuperBuilder;

/**
 * Inputs of a component whose logs and metrics go to the stage's Log Analytics workspace: every component but the
 * workspace itself.
 */
@Getter
@SuperBuilder
public abstract class MonitoredComponentArgs extends ComponentArgs {
    /** Resource ID of the Log Analytics workspace that receives the component's diagnostics. Required. */
    @NonNull
    private final Output<String> logAnalyticsWorkspaceId;
}
