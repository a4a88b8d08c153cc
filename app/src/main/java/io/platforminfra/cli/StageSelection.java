package io.platforminfra.cli;

import io.platforminfra.config.StackConfiguration;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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

    /**
     * The stages selected: those named, or every stage with a stack file in {@code directory}.
     *
     * @throws BadInputException when a stage is named twice, or {@code --all} finds no stack file
     */
    List<String> stages(Path directory) {
        if (!all) {
            return distinct("--stack", named);
        }
        var found = StackConfiguration.stagesIn(directory);
        if (found.isEmpty()) {
            throw new BadInputException("No stack files (Pulumi.<stage>.yaml) in "
                    + directory.toAbsolutePath().normalize());
        }
        return found;
    }

    /**
     * {@code stages} as named with {@code option}, refusing a stage named twice: it would be planned, compared or
     * reported twice, and reports would hold two entries for one stage.
     */
    static List<String> distinct(String option, List<String> stages) {
        var seen = new HashSet<String>();
        for (var stage : stages) {
            if (!seen.add(stage)) {
                throw new BadInputException(option + " names stage '" + stage + "' twice: name each stage once");
            }
        }
        return stages;
    }
}
