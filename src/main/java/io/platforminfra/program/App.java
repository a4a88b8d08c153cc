package io.platforminfra.program;

import com.pulumi.Pulumi;

/**
 * Entry point started by the Pulumi engine ({@code pulumi preview}, {@code pulumi up}).
 *
 * <p>A stack file mistake is reported as an error diagnostic listing every problem, not as a stack trace, and
 * nothing is registered, so the run fails before anything in Azure is touched.
 */
public final class App {
    private App() {
    }

    /** Runs the stack program under the engine. */
    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            try {
                Platform.define(ctx);
            } catch (StackConfigException e) {
                ctx.log().error(e.getMessage());
            }
        });
    }
}
