package io.platforminfra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The top command: without a subcommand it explains itself, because starting the jar by hand without one is
 * almost always a mistake.
 */
@Command(name = "platform-infra",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "The company's Azure platform as a Pulumi program, with offline tools for contributors.",
                "Started by the Pulumi engine (pulumi preview / pulumi up) it runs the stack program;"
                        + " started by hand it needs a subcommand."},
        subcommands = {PlanCommand.class, CheckCommand.class, ReportCommand.class, StagesCommand.class,
                DriftCommand.class})
public final class PlatformInfraCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.println("No subcommand given. The stack program itself runs only under the Pulumi engine"
                + " (pulumi preview, pulumi up); see what a stage would create with: plan --stack dev");
        err.println();
        spec.commandLine().usage(err);
        return Main.BAD_INPUT;
    }
}
