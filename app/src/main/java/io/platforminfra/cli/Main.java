package io.platforminfra.cli;

import io.platforminfra.drift.IgnoreListException;
import io.platforminfra.plan.PlanRefusedException;
import io.platforminfra.config.StackFileException;
import io.platforminfra.report.PipelineEnvironmentException;
import io.platforminfra.report.Retry;
import com.pulumi.Pulumi;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * Entry point of {@code target/platform-infra.jar}. Started by the Pulumi engine (no arguments, engine
 * environment present) it runs the stack program; with a subcommand it runs the offline tools; otherwise it
 * prints usage.
 */
public final class Main {
    /** Exit code when the work was done. */
    public static final int OK = 0;
    /** Exit code of an unexpected failure (a bug, not a user mistake). */
    public static final int FAILED = 1;
    /** Exit code of bad input: a refused stack file, an unknown stage, a wrong option. */
    public static final int BAD_INPUT = 2;

    /** The environment variable through which the Pulumi engine hands a program its monitor. */
    static final String ENGINE_VARIABLE = "PULUMI_MONITOR";
    private static final String POOL_PARALLELISM_PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private Main() {
    }

    /**
     * Threads of the JDK's common pool, unless set on the command line. The Pulumi SDK runs everything as
     * {@code CompletableFuture} async tasks; on a 2-core machine (a hosted pipeline agent, a small laptop VM) the
     * pool gets one thread and the JDK then starts a new thread for every task: about 2,000 for one stage, which
     * costs a second and more. It must be set before anything touches the pool, so it is the first thing main does.
     */
    static final String POOL_PARALLELISM = "4";

    /** Runs the stack program under the engine, or the command line. */
    public static void main(String[] args) {
        if (System.getProperty(POOL_PARALLELISM_PROPERTY) == null) {
            System.setProperty(POOL_PARALLELISM_PROPERTY, POOL_PARALLELISM);
        }
        if (startedByEngine(args, System.getenv())) {
            // The run's date decides which Kubernetes and PostgreSQL versions Azure still supports (VersionSupport);
            // the clock also dates a break glass.
            var exitCode = EngineRun.run(System.getenv(), Clock.systemUTC(), Pulumi::run,
                    new PrintWriter(System.err, true));
            if (exitCode != OK) {
                System.exit(exitCode);
            }
            return;
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Whether the Pulumi engine started this process: no arguments and the engine's environment present. */
    static boolean startedByEngine(String[] args, Map<String, String> environment) {
        var monitor = environment.get(ENGINE_VARIABLE);
        return args.length == 0 && monitor != null && !monitor.isBlank();
    }

    /** Runs the command line with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * Runs the command line with {@code args} in {@code environment} (what {@code report --post} reads the
     * pipeline's variables from), writing to {@code out} and {@code err}; returns the exit code.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(args, out, err, environment, Clock.systemUTC());
    }

    /**
     * Runs the command line as {@link #run(String[], PrintWriter, PrintWriter, Map)} does, with today taken from
     * {@code clock} (where {@code --as-of} is not given).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                          Clock clock) {
        return run(args, out, err, environment, clock, Retry.SLEEP);
    }

    /**
     * Runs the command line as {@link #run(String[], PrintWriter, PrintWriter, Map, Clock)} does, waiting with
     * {@code waiter} before a request to Azure DevOps is sent again (tests pass one that does not sleep).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                          Clock clock, Retry.Wait waiter) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ReportCommand.class) {
                    return type.cast(new ReportCommand(environment, waiter));
                }
                return type == RunDay.class ? type.cast(new RunDay(clock)) : CommandLine.defaultFactory().create(type);
            }
        };
        var commandLine = new CommandLine(new PlatformInfraCommand(), factory)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((exception, command, parsed) -> {
                    if (isBadInput(exception)) {
                        // A user mistake named with its file or option: the message is the whole story.
                        err.println(exception.getMessage());
                        return BAD_INPUT;
                    }
                    err.println("platform-infra failed unexpectedly (a bug, please report it with this output):");
                    exception.printStackTrace(err);
                    return FAILED;
                });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println(exception.getMessage());
            exception.getCommandLine().usage(err);
            return BAD_INPUT;
        });
        var exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /**
     * Whether {@code exception} is a user mistake rather than a bug: an option or path that cannot be used, a
     * project or stack file that cannot be read, a stage refused, a drift ignore list that breaks its rules, a
     * pipeline environment without the variables {@code report --post} needs. This is the one place that decides
     * how bad input is reported (its message alone) and with which exit code ({@link #BAD_INPUT}): commands throw,
     * they do not print and return the code themselves.
     */
    static boolean isBadInput(Exception exception) {
        return exception instanceof BadInputException || exception instanceof StackFileException
                || exception instanceof PlanRefusedException || exception instanceof IgnoreListException
                || exception instanceof PipelineEnvironmentException;
    }
}
