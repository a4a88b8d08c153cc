package io.platforminfra.program;

import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;

import com.pulumi.Context;

import io.platforminfra.testing.TestDates;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the real stack program for a stage under the mock engine, with config exactly as the stage's stack file
 * (and Pulumi.yaml) give it.
 */
final class StageRuns {
    /** The project directory: the repository root, where Maven runs the tests. */
    static final Path PROJECT = Path.of("").toAbsolutePath();

    private StageRuns() {
    }

    /** Every stage with a stack file in the repository. */
    static List<String> stagesInRepository() {
        return StackConfiguration.stagesIn(PROJECT);
    }

    /** Runs {@code stage} of the repository as an update. */
    static RunResult run(String stage) {
        return run(StackConfiguration.load(PROJECT, stage), false);
    }

    /** Runs a loaded configuration. */
    static RunResult run(StackConfiguration configuration, boolean preview) {
        return MockedRun.builder()
                .stack(configuration.stage())
                .preview(preview)
                .config(configuration.values(), configuration.secretKeys())
                .run(program(configuration));
    }

    /** The stack program given exactly the keys of {@code configuration}; stack file mistakes are thrown. */
    static Consumer<Context> program(StackConfiguration configuration) {
        return ctx -> Platform.define(ctx, configuration.values().keySet(), TestDates.AS_OF);
    }

    /** Runs {@code stage} of the repository with some keys replaced (a value of {@code null} removes the key). */
    static RunResult runWith(String stage, Map<String, String> overrides) {
        var loaded = StackConfiguration.load(PROJECT, stage);
        var values = new HashMap<>(loaded.values());
        overrides.forEach((key, value) -> {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        });
        return run(new StackConfiguration(stage, loaded.stackFile(), values, loaded.secretKeys()), false);
    }
}
