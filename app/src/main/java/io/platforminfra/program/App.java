package io.platforminfra.program;

import com.pulumi.Pulumi;
import io.platforminfra.config.EngineConfigKeys;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Entry point of a run under the real Pulumi engine ({@code pulumi preview}, {@code pulumi up}).
 */
public final class App {
    private App() {
    }

    /** Runs the stack program under the engine, with the config keys the engine passed. */
    public static void main(String[] args) {
        // The run's date decides which Kubernetes and PostgreSQL versions Azure still supports (VersionSupport);
        // the clock also dates a break glass.
        var clock = Clock.systemUTC();
        Pulumi.run(StackProgram.withConfiguredKeys(EngineConfigKeys.fromEnvironment(), System.getenv(),
                LocalDate.now(clock), clock));
    }
}
