package io.platforminfra.cli;

import com.google.gson.JsonParser;
import io.platforminfra.plan.AzureRulesRefusedException;
import io.platforminfra.plan.PlanRefusedException;
import io.platforminfra.plan.StagePolicy;
import io.platforminfra.plan.WaiverRefusedException;
import io.platforminfra.policy.PolicyText;
import io.platforminfra.config.EngineConfigKeys;
import io.platforminfra.config.StackConfiguration;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * A run started by the Pulumi engine ({@code pulumi preview}/{@code up}): the policy gate first, then the program.
 *
 * <p>The gate plans the stage in-process under the mock engine, with the config the engine passed, and evaluates
 * the same rules as {@code check}. A mandatory violation stops the process before the program has registered
 * anything, so nothing in Azure is touched, even where the pipeline's own check step was skipped. (A stack
 * transformation would see resources one by one while earlier ones were already on their way to Azure.)
 */
final class EngineRun {
    /** Exit code of a run the gate stopped: the engine reports the run as failed. */
    static final int STOPPED = 1;

    private EngineRun() {
    }

    /**
     * Runs the gate with the engine's {@code environment}; on success hands over to {@code program}.
     *
     * @return {@link Main#OK} when the program ran, {@link #STOPPED} when the gate stopped the run
     */
    static int run(Map<String, String> environment, LocalDate today, Runnable program, PrintWriter err) {
        var configuration = configuration(environment);
        try {
            var verdict = StagePolicy.verdict(configuration, today);
            if (!verdict.passes()) {
                return stopped(err, PolicyText.render(verdict, today), "The policy gate stopped this run before"
                        + " anything was registered: fix the violations above or waive them in "
                        + configuration.stackFile().getFileName() + " (docs/policies.md).");
            }
        } catch (AzureRulesRefusedException e) {
            // The program would register these resources, and Azure would refuse them part-way through the run.
            return stopped(err, e.getMessage(), "Azure would refuse the resources above: this run was stopped before"
                    + " anything was registered (docs/deploy-fidelity.md).");
        } catch (WaiverRefusedException e) {
            // The program would run with the waiver, which waives nothing, or whatever later takes that name.
            return stopped(err, e.getMessage(), "A waiver above names no resource of this stage: this run was"
                    + " stopped before anything was registered (docs/policies.md#waivers).");
        } catch (PlanRefusedException e) {
            // The program refuses the same stack file with the same messages, as the engine's own diagnostics.
        }
        program.run();
        return Main.OK;
    }

    /** Prints what stopped the run and why nothing was registered. */
    private static int stopped(PrintWriter err, String what, String why) {
        err.println(what);
        err.println(why);
        err.flush();
        return STOPPED;
    }

    /** The stage's configuration as the engine passed it: PULUMI_STACK, PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS. */
    static StackConfiguration configuration(Map<String, String> environment) {
        var stage = environment.getOrDefault("PULUMI_STACK", "");
        var values = new LinkedHashMap<String, String>();
        var config = environment.get("PULUMI_CONFIG");
        if (config != null && !config.isBlank()) {
            JsonParser.parseString(config).getAsJsonObject().entrySet().forEach(entry -> values.put(
                    EngineConfigKeys.qualified(entry.getKey()), entry.getValue().getAsString()));
        }
        var secretKeys = new LinkedHashSet<String>();
        var secrets = environment.get("PULUMI_CONFIG_SECRET_KEYS");
        if (secrets != null && !secrets.isBlank()) {
            JsonParser.parseString(secrets).getAsJsonArray().forEach(key -> secretKeys.add(
                    EngineConfigKeys.qualified(key.getAsString())));
        }
        return new StackConfiguration(stage, Path.of("Pulumi." + stage + ".yaml"), values, secretKeys);
    }
}
