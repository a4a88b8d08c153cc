package io.platforminfra.program;

import com.pulumi.Pulumi;

/**
 * Entry point of a run under the real Pulumi engine ({@code pulumi preview}, {@code pulumi up}).
 */
public final class App {
    private App() {
    }

    /** Runs the stack program under the engine, with the config keys the engine passed. */
    public static void main(String[] args) {
        Pulumi.run(StackProgram.withConfiguredKeys(EngineConfigKeys.fromEnvironment()));
    }
}
