package io.platforminfra.program;

import io.platforminfra.config.StackConfigException;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StageConfigReader;

import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;

import com.pulumi.Context;

import io.platforminfra.testing.TestDates;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the real stack program for a stage under the mock engine, with config exactly as the stage's stack file
 * (and Pulumi.yaml) give it.
 */
public final class StageRuns {
    /** The project directory: the repository root, where Maven runs the tests. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private StageRuns() {
    }

    /** Every stage with a stack file in the repository. */
    public static List<String> stagesInRepository() {
        return StackConfiguration.stagesIn(PROJECT);
    }

    /** Runs {@code stage} of the repository as an update. */
    public static RunResult run(String stage) {
        return run(StackConfiguration.load(PROJECT, stage), false);
    }

    /** Runs a loaded configuration. */
    public static RunResult run(StackConfiguration configuration, boolean preview) {
        return MockedRun.builder()
                .stack(configuration.stage())
                .preview(preview)
                .config(configuration.values(), configuration.secretKeys())
                .run(program(configuration));
    }

    /** The stack program given exactly the keys of {@code configuration}; stack file mistakes are thrown. */
    public static Consumer<Context> program(StackConfiguration configuration) {
        return ctx -> Platform.define(ctx, configuration.values().keySet(), TestDates.AS_OF);
    }

    /** Runs {@code stage} of the repository with some keys replaced (a value of {@code null} removes the key). */
    public static RunResult runWith(String stage, Map<String, String> overrides) {
        return run(configurationWith(stage, overrides), false);
    }

    /**
     * The configuration of {@code stage} of the repository with some keys replaced (a value of {@code null} removes
     * the key), its secret keys as its stack file marks them.
     */
    public static StackConfiguration configurationWith(String stage, Map<String, String> overrides) {
        return configurationWith(stage, overrides, StackConfiguration.load(PROJECT, stage).secretKeys());
    }

    /** As {@link #configurationWith(String, Map)}, with {@code secretKeys} as the keys the stack file encrypts. */
    public static StackConfiguration configurationWith(String stage, Map<String, String> overrides, Set<String> secretKeys) {
        var loaded = StackConfiguration.load(PROJECT, stage);
        var values = new HashMap<>(loaded.values());
        overrides.forEach((key, value) -> {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        });
        return new StackConfiguration(stage, loaded.stackFile(), values, secretKeys);
    }

    /** Every problem the stack file reader refuses {@code configuration} with; fails the test when it is accepted. */
    public static String refusalOf(StackConfiguration configuration) {
        try {
            StageConfigReader.read(configuration, TestDates.AS_OF, Platform.SECTIONS);
        } catch (StackConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError(configuration.stackFile().getFileName() + " was accepted: " + configuration.values());
    }
}
