package io.platforminfra.offline;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.platforminfra.structure.SecretText;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The one test harness: runs a program under Pulumi's in-process mock engine and returns what it registered.
 *
 * <p>It is the only place that touches the SDK's internal test API ({@code PulumiTestInternal}, needed for stack
 * config and the monitor), so an SDK upgrade changes one file. Every run is followed by
 * {@link PulumiTest#cleanup()}: the deployment is a static singleton.
 */
public final class MockedRun {
    private String project = "platform-infra";
    private String stack = "dev";
    private boolean preview;
    private Map<String, String> config = Map.of();
    private Set<String> secretKeys = Set.of();
    private Mocks mocks;

    private MockedRun() {
    }

    /** A run of project {@code platform-infra}, stack {@code dev}, as an update (not a preview), no config. */
    public static MockedRun builder() {
        return new MockedRun();
    }

    /** The stack (stage) name. */
    public MockedRun stack(String stack) {
        this.stack = stack;
        return this;
    }

    /** Whether to run as a preview (dry run): outputs Azure computes stay unknown. */
    public MockedRun preview(boolean preview) {
        this.preview = preview;
        return this;
    }

    /** Stack config by fully qualified key ({@code platform-infra:cluster}); structured values as JSON. */
    public MockedRun config(Map<String, String> config, Set<String> secretKeys) {
        this.config = Map.copyOf(config);
        this.secretKeys = Set.copyOf(secretKeys);
        return this;
    }

    /** Mocks to use instead of {@link AzureMocks} (for example a Mockito spy of them). */
    public MockedRun mocks(Mocks mocks) {
        this.mocks = mocks;
        return this;
    }

    /**
     * Name of the logger the engine's diagnostics go to. It prints nothing (see {@link #quietLogger()}); a test that
     * checks what a run logs adds a handler to it.
     */
    public static final String ENGINE_LOGGER = "io.platforminfra.offline.MockedRun.engine";

    /** The values of the secret config keys, as the engine masks them in what it displays. */
    private SecretText secretText() {
        return SecretText.of(secretKeys.stream().map(config::get).filter(java.util.Objects::nonNull).toList());
    }

    /** Runs {@code program} and returns what it registered; never throws for a failing program. */
    public RunResult run(Consumer<Context> program) {
        // The provider reports the subscription its config names, so the stage's own one shows in every ID.
        var effectiveMocks = mocks != null ? mocks
                : new AzureMocks(preview, AzureMocks.DEFAULT_CALLER, AzureMocks.subscriptionOf(config));
        var recorder = new AtomicReference<RecordingMonitor>();
        var logger = quietLogger();
        var log = PulumiTestInternal.mockLog(logger);
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(project).stackName(stack).preview(preview).build())
                .standardLogger(logger)
                .mocks(effectiveMocks)
                .config(config, secretKeys)
                .monitorDecorator(original -> {
                    var monitor = new RecordingMonitor(effectiveMocks, log, secretText());
                    recorder.set(monitor);
                    return monitor;
                })
                .build();
        try {
            TestResult result = test.runTest(program);
            return new RunResult(result, recorder.get().registered());
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * The SDK's engine logger writes every diagnostic twice: to the (mock) engine, which collects it into the run's
     * result for the caller to report, and to a java.util.logging logger, whose default console handler prints it
     * again on standard error under a "SEVERE:" header. Here the result is the one record, so this logger prints
     * nothing: a run never writes to the console, and whoever reads the result says what went wrong once.
     */
    private static Logger quietLogger() {
        var logger = Logger.getLogger(ENGINE_LOGGER);
        logger.setUseParentHandlers(false);
        return logger;
    }
}
