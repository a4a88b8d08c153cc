package io.platforminfra.cli;

import io.platforminfra.program.StackConfiguration;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which stages an offline command works on: named ones or all of them. Commands extend it with their own
 * alternatives in one exclusive option group.
 */
class StageSelection {
    @Option(names = {"-s", "--stack"}, split = ",", paramLabel = "<stage>[,<stage>...]", hideParamSyntax = true,
            description = "Stage (its file is Pulumi.<stage>.yaml); repeat or separate by commas for more.")
    private List<String> named = new ArrayList<>();

    @Option(names = "--all", description = "Every stage with a stack file in the project directory.")
    private boolean all;

    /** The stages selected: those named, or every stage with a stack file in {@code directory}. */
    List<String> stages(Path directory) {
        return all ? StackConfiguration.stagesIn(directory) : named;
    }
}
