package io.platforminfra.program;

import io.platforminfra.config.StackConfigException;
import io.platforminfra.config.StackKeys;

import com.pulumi.Context;
import com.pulumi.deployment.Deployment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The stack program as both engines run it: the real one ({@code pulumi preview}/{@code up}, through {@link App})
 * and the offline mock engine ({@code plan}). One code path, so the offline plan refuses exactly what a real run
 * refuses.
 *
 * <p>The stack file is read first; then, on an update, the {@link DeploymentGuard} asks the Azure provider who it
 * deploys as and refuses anyone the stage does not list. A stack file mistake or a refusal becomes one error
 * diagnostic, not a stack trace; nothing is registered, so the run fails before anything in Azure is touched.
 */
public final class StackProgram {
    private StackProgram() {
    }

    /**
     * The program for runs judged on the day {@code asOf} ({@code plan}, {@code check}, tests): a break glass is
     * recorded as happening at the start of that day. Real runs use
     * {@link #withConfiguredKeys(Set, Map, LocalDate, Clock)} with the system clock.
     */
    public static Consumer<Context> withConfiguredKeys(Set<String> configuredKeys, Map<String, String> environment,
                                                       LocalDate asOf) {
        return withConfiguredKeys(configuredKeys, environment, asOf,
                Clock.fixed(asOf.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /**
     * The program, for a deployment that was given the config keys {@code configuredKeys}, in a process with
     * {@code environment}, run on {@code asOf}: versions are judged against Azure's support on that day, and an
     * update is admitted by the {@link DeploymentGuard}, a break glass recorded with the time {@code clock} gives.
     */
    public static Consumer<Context> withConfiguredKeys(Set<String> configuredKeys, Map<String, String> environment,
                                                       LocalDate asOf, Clock clock) {
        return ctx -> {
            var dryRun = Deployment.getInstance().isDryRun();
            try {
                Platform.define(ctx, configuredKeys, asOf, config -> admit(ctx, DeploymentGuard.decide(config, dryRun,
                        DeployingIdentity::resolve, environment, clock.instant())));
            } catch (StackConfigException | DeploymentRefusedException e) {
                ctx.log().error(e.getMessage());
            }
        };
    }

    /** Logs the decision; a refusal stops the program, a break glass is handed on to be recorded. */
    private static Optional<DeploymentGuard.BreakGlass> admit(Context ctx, DeploymentGuard.Decision decision) {
        if (decision instanceof DeploymentGuard.Decision.Refused refused) {
            throw new DeploymentRefusedException(refused.reason());
        }
        if (decision instanceof DeploymentGuard.Decision.BrokenGlass brokenGlass) {
            ctx.log().warn(brokenGlass.breakGlass().notice());
            return Optional.of(brokenGlass.breakGlass());
        }
        if (decision instanceof DeploymentGuard.Decision.Deployer deployer) {
            ctx.log().info("Updating stage " + ctx.stackName() + " as " + deployer.identity().description()
                    + ", one of its deploying identities (" + StackKeys.DEPLOYERS + ").");
        }
        return Optional.empty();
    }
}
