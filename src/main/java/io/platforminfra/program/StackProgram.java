package io.platforminfra.program;

import com.pulumi.Context;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The stack program as both engines run it: the real one ({@code pulumi preview}/{@code up}, through {@link App})
 * and the offline mock engine ({@code plan}). One code path, so the offline plan refuses exactly what a real run
 * refuses.
 *
 * <p>A stack file mistake becomes one error diagnostic listing every problem, not a stack trace; nothing is
 * registered, so the run fails before anything in Azure is touched.
 */
public final class StackProgram {
    private StackProgram() {
    }

    /** The program, for a deployment that was given the config keys {@code configuredKeys}. */
    public static Consumer<Context> withConfiguredKeys(Set<String> configuredKeys) {
        return ctx -> {
            try {
                Platform.define(ctx, configuredKeys);
            } catch (StackConfigException e) {
                ctx.log().error(e.getMessage());
            }
        };
    }
}
