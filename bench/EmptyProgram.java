import io.platforminfra.offline.MockedRun;

/**
 * The floor of the plan benchmark: a Pulumi Java program that registers nothing, run as a preview under the same
 * in-process mock engine as {@code plan}. What a plan takes beyond this is the platform's own cost.
 */
public final class EmptyProgram {
    private EmptyProgram() {
    }

    /** Runs the empty program once; exits non-zero if the engine reported a failure. */
    public static void main(String[] args) {
        var run = MockedRun.builder().stack("empty").preview(true).run(ctx -> { });
        if (!run.succeeded()) {
            System.err.println(run.failures());
            System.exit(1);
        }
    }
}
