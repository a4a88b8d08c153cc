package io.platforminfra.cli;

import com.pulumi.Context;
import io.platforminfra.config.EngineEnvironment;
import io.platforminfra.plan.AzureRulesRefusedException;
import io.platforminfra.plan.PlanRefusedException;
import io.platforminfra.plan.Planner;
import io.platforminfra.plan.StagePolicy;
import io.platforminfra.plan.WaiverRefusedException;
import io.platforminfra.policy.PolicyText;
import io.platforminfra.program.StackProgram;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run started by the Pulumi engine ({@code pulumi preview}/{@code up}): the policy gate first, then the program.
 *
 * <p>The engine's environment is read once ({@link EngineEnvironment}). The gate plans the stage in-process under
 * the mock engine, with the config the engine passed, and evaluates the same rules as {@code check}, with the
 * waivers of the config that plan read. A mandatory violation stops the process before the program has registered
 * anything, so nothing in Azure is touched, even where the pipeline's own check step was skipped. (A stack
 * transformation would see resources one by one while earlier ones were already on their way to Azure.) The program
 * is then handed the config the gate judged: the stack's config is read once per run, and what the gate passed is
 * exactly what is deployed.
 */
final class EngineRun {
    /** Exit code of a run the gate stopped: the engine reports the run as failed. */
    static final int STOPPED = 1;

    private EngineRun() {
    }

    /**
     * Runs the gate with the engine's {@code environment} on the day {@code clock} gives; on success hands the stack
     * program, with the config the gate judged, to {@code engine} ({@code Pulumi::run}).
     *
     * @return {@link Main#OK} when the program ran, {@link #STOPPED} when the gate stopped the run
     */
    static int run(Map<String, String> environment, Clock clock, Consumer<Consumer<Context>> engine,
                   PrintWriter err) {
        var today = LocalDate.now(clock);
        var configuration = EngineEnvironment.configuration(environment);
        Consumer<Context> program;
        try {
            var plan = Planner.plan(configuration, today);
            var verdict = StagePolicy.verdict(plan);
            if (!verdict.passes()) {
                return stopped(err, PolicyText.render(verdict, today), "The policy gate stopped this run before"
                        + " anything was registered: fix the violations above or waive them in "
                        + configuration.stackFile().getFileName() + " (docs/policies.md).");
            }
            program = StackProgram.of(plan.config(), environment, today, clock);
        } catch (AzureRulesRefusedException e) {
            // The program would register these resources, and Azure would refuse them part-way through the run.
            return stopped(err, e.getMessage(), "Azure would refuse the resources above: this run was stopped before"
                    + " anything was registered (docs/deploy-fidelity.md).");
        } catch (WaiverRefusedException e) {
            // The program would run with the waiver, which waives nothing, or whatever later takes that name.
            return stopped(err, e.getMessage(), "A waiver above names no resource of this stage: this run was"
                    + " stopped before anything was registered (docs/policies.md#waivers).");
        } catch (PlanRefusedException e) {
            // The stack file is refused: the program reports the same problems as the engine's own diagnostics.
            program = StackProgram.refusing(e.getMessage());
        }
        engine.accept(program);
        return Main.OK;
    }

    /** Prints what stopped the run and why nothing was registered. */
    private static int stopped(PrintWriter err, String what, String why) {
        err.println(what);
        err.println(why);
        err.flush();
        return STOPPED;
    }
}
