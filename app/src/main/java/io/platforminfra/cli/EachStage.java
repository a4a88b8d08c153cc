package io.platforminfra.cli;

import io.platforminfra.plan.PlanRefusedException;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StackFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs an offline command's work for each stage, so that one bad stack file does not hide the problems of the
 * next: every refusal is collected and reported together.
 */
final class EachStage {
    private EachStage() {
    }

    /**
     * {@code work} for each stage in {@code names} of the project in {@code directory}.
     *
     * @throws PlanRefusedException with the problems of every refused stage
     */
    static <T> List<T> apply(Path directory, List<String> names, Function<StackConfiguration, T> work) {
        var results = new ArrayList<T>();
        var refusals = new ArrayList<PlanRefusedException>();
        for (var name : names) {
            try {
                results.add(work.apply(StackConfiguration.load(directory, name)));
            } catch (PlanRefusedException e) {
                refusals.add(e);
            } catch (StackFileException e) {
                refusals.add(new PlanRefusedException(e.getMessage()));
            }
        }
        if (!refusals.isEmpty()) {
            throw PlanRefusedException.of(refusals);
        }
        return results;
    }
}
