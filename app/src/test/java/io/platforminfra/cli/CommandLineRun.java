package io.platforminfra.cli;

import io.platforminfra.testing.TestDates;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Runs {@code plan --stack qa <options>} in a project made in {@code directory} whose only stage, qa, is the
     * repository's dev stack file changed by {@code edit}: how a test plans a stack file with one mistake.
     */
    public static CommandLineRun planOfQa(Path directory, UnaryOperator<String> edit, String... options) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "qa", edit);
        var args = new ArrayList<>(List.of("plan", "--stack", "qa", "--dir", project.dir()));
        args.addAll(List.of(options));
        return of(args.toArray(String[]::new));
    }

    /**
     * Asserts that the page {@code document} (such as {@code docs/versions.md}) of the repository is what
     * {@code command} prints, and that both are {@code rendered}: a generated page is never edited by hand.
     */
    public static void assertGeneratedPage(String document, String rendered, String... command) {
        try {
            assertThat(Files.readString(TestProject.REPOSITORY.resolve(document)))
                    .as(document + " is generated: java -jar target/platform-infra.jar " + String.join(" ", command)
                            + " > " + document)
                    .isEqualTo(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(of(command).out()).isEqualTo(rendered);
    }

    /** Everything printed, for assertion messages. */
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
}
