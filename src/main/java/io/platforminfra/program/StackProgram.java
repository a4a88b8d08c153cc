package io.platforminfra.program;

import com.pulumi.Context;
import com.pulumi.deployment.Deployment;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The stack program as both engines run it: the real one ({@code pulumi preview}/{@code up}, through {@link App})
 * and the offline mock engine ({@code plan}). One code path, so the offline plan refuses exactly what a real run
 * refuses.
 *
 * <p>An update outside the release pipeline is refused first ({@link DeploymentGuard}). A stack file mistake becomes one error diagnostic listing every problem, not a stack trace; nothing is
 * registered, so the run fails before anything in Azure is touched.
 */
public final class StackProgram {
    private StackProgram() {
    }

    /**
     * The program, for a deployment that was given the config keys {@code configuredKeys}, in a process with
     * {@code environment}, run on {@code asOf}: an update outside the release pipeline is refused by the
     * {@link DeploymentGuard}, and versions are judged against Azure's support on that day.
     */
    public static Consumer<Context> withConfiguredKeys(Set<String> configuredKeys, Map<String, String> environment,
                                                       LocalDate asOf) {
        return ctx -> {
            var decision = DeploymentGuard.decide(ctx.stackName(), Deployment.getInstance().isDryRun(), environment);
            if (decision instanceof DeploymentGuard.Decision.Refused refused) {
                ctx.log().error(refused.reason());
                return;
            }
            if (decision instanceof DeploymentGuard.Decision.BrokenGlass brokenGlass) {
                ctx.log().warn(brokenGlass.notice());
            }
            try {
                Platform.define(ctx, configuredKeys, asOf);
            } catch (StackConfigException e) {
                ctx.log().error(e.getMessage());
            }
        };
    }
}
