package io.platforminfra.program;

import io.platforminfra.config.StackConfigException;
import io.platforminfra.config.StackKeys;
import io.platforminfra.config.StageConfig;

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
 * The stack program as both engines run it: the real one ({@code pulumi preview}/{@code up}, started by
 * {@code cli.EngineRun}) and the offline mock engine ({@code plan}). One code path, so the offline plan refuses
 * exactly what a real run refuses.
 *
 * <p>The stage's config is read once. A plan reads it in its program, from the config the mock engine was given, and
 * keeps what it read ({@link #reading}); a real run is handed the config its policy gate's plan read ({@link #of}),
 * so the gate, the waivers and the update judge and deploy one and the same stage. Then, on an update, the
 * {@link DeploymentGuard} asks the Azure provider who it deploys as and refuses anyone the stage does not list; that
 * answer is also the placement's tenant ({@link ClientConfig}: one {@code getClientConfig} per run). A stack file
 * mistake or a refusal becomes one error diagnostic, not a stack trace; nothing is registered, so the run fails
 * before anything in Azure is touched.
 */
public final class StackProgram {
    private StackProgram() {
    }

    /**
     * The program of a run judged on the day {@code asOf} ({@code plan}, {@code check}, the gate, tests): it reads
     * the config the deployment was given (every key of it in {@code configuredKeys}, so that unknown ones are
     * refused) and hands the validated config to {@code read} before it defines the stage. A break glass is recorded
     * as happening at the start of that day; the process environment is not looked at.
     */
    public static Consumer<Context> reading(Set<String> configuredKeys, LocalDate asOf, Consumer<StageConfig> read) {
        return ctx -> {
            try {
                var config = Platform.read(ctx, configuredKeys, asOf);
                read.accept(config);
                define(ctx, config, Map.of(), asOf, Clock.fixed(asOf.atStartOfDay().toInstant(ZoneOffset.UTC),
                        ZoneOffset.UTC));
            } catch (StackConfigException e) {
                ctx.log().error(e.getMessage());
            }
        };
    }

    /**
     * The program of the stage {@code config} describes, read and validated before (by the policy gate's plan), in a
     * process with {@code environment}, run on {@code asOf}: versions are judged against Azure's support on that
     * day, and an update is admitted by the {@link DeploymentGuard}, a break glass recorded with the time
     * {@code clock} gives.
     */
    public static Consumer<Context> of(StageConfig config, Map<String, String> environment, LocalDate asOf,
                                       Clock clock) {
        return ctx -> define(ctx, config, environment, asOf, clock);
    }

    /**
     * The program of a stage whose stack file was refused (by the policy gate's plan): it reports {@code problems}
     * as the engine's error diagnostic, as a program that read the file itself would, and registers nothing.
     */
    public static Consumer<Context> refusing(String problems) {
        return ctx -> ctx.log().error(problems);
    }

    private static void define(Context ctx, StageConfig config, Map<String, String> environment, LocalDate asOf,
                               Clock clock) {
        var dryRun = Deployment.getInstance().isDryRun();
        var client = new ClientConfig();
        try {
            Platform.define(ctx, config, client, asOf, stage -> admit(ctx, DeploymentGuard.decide(stage, dryRun,
                    client::identity, environment, clock.instant())));
        } catch (DeploymentRefusedException e) {
            ctx.log().error(e.getMessage());
        }
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
