package io.platforminfra.cli;

import io.platforminfra.testing.TestDates;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * What one invocation of the jar's command line printed and returned.
 *
 * @param exitCode the process exit code it would have
 * @param out      standard output
 * @param err      standard error
 */
public record CommandLineRun(int exitCode, String out, String err) {

    /** Runs the command line in this JVM, as {@code java -jar target/platform-infra.jar <args>} would. */
    public static CommandLineRun of(String... args) {
        return inEnvironment(Map.of(), args);
    }

    /** Runs the command line in this JVM with {@code environment} as its process environment. */
    public static CommandLineRun inEnvironment(Map<String, String> environment, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        // Today is the tests' fixed day: a plan or check judged by the clock would change with the calendar.
        // Tests never sleep: a retry against the stand-in Azure DevOps goes on at once.
        var exitCode = Main.run(args, new PrintWriter(out), new PrintWriter(err), environment, TestDates.CLOCK,
                duration -> { });
        return new CommandLineRun(exitCode, out.toString(), err.toString());
    }

    /** Everything printed, for assertion messages. */
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
}
