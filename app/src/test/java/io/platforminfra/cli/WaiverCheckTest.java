package io.platforminfra.cli;

import io.platforminfra.policy.ReportSchemas;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waivers are exceptions for a while, for a resource the stage has, with a reason a reviewer can read: an expiry
 * beyond 180 days, a resource the stage does not have, a waiver of PI-POL-001 and a reason with control characters
 * are refused; reasons of any printable text reach the SARIF and JUnit reports intact and the reports stay valid.
 */
class WaiverCheckTest {
    /** Production with locally redundant storage: PI-ST-007 fails on "storage-st" unless waived. */
    private static TestProject productionWithWaivers(Path directory, String... waivers) {
        return TestProject.in(directory).withRepositoryStage("prod", "prod", prod -> prod.replaceAll(
                "replication: \\w+", "replication: LRS") + "  platform-infra:waivers:\n" + String.join("", waivers));
    }

    private static String waiver(String rule, String resource, String reason, String expires) {
        return "    - rule: " + rule + "\n      resource: " + resource + "\n      reason: " + reason
                + "\n      expires: " + expires + "\n";
    }

    private static String lrsWaiver(String expires) {
        return waiver("PI-ST-007", "storage-st", "\"CHG-1234 ZRS migration is planned\"", expires);
    }

    private static CommandLineRun check(TestProject project, String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of("check", "--stack", "prod", "--dir", project.dir(),
                "--as-of", TestDates.AS_OF.toString()));
        args.addAll(java.util.List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    /** The check of {@code project}, which must refuse its stack file (exit code 2) to pass. */
    private static CommandLineRun refused(TestProject project) {
        var run = check(project);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        return run;
    }

    @Test
    void aWaiverMayExpireAtMost180DaysAfterTheDayOfTheRun(@TempDir Path directory) throws Exception {
        // 2026-12-02 + 180 days = 2027-05-31.
        var lastDay = productionWithWaivers(Files.createDirectory(directory.resolve("a")), lrsWaiver("2027-05-31"));
        var accepted = check(lastDay);
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();

        var dayAfter = productionWithWaivers(Files.createDirectory(directory.resolve("b")), lrsWaiver("2027-06-01"));
        var run = refused(dayAfter);
        assertThat(run.err()).contains("Pulumi.prod.yaml: platform-infra:waivers[0].expires must be at most 180 days"
                + " after 2026-12-02 (2027-05-31): waivers are reviewed again at least twice a year; renew it in a"
                + " reviewed change when it runs out (value: '2027-06-01')").doesNotContain("\tat ");

        // The limit is counted from the run's day: the same file a month later is fine.
        assertThat(CommandLineRun.of("check", "--stack", "prod", "--dir", dayAfter.dir(), "--as-of", "2027-01-02")
                .exitCode()).isZero();
    }

    @Test
    void theExpiryOfAWaiverCannotItselfBeWaived(@TempDir Path directory) {
        var project = productionWithWaivers(directory, lrsWaiver("2027-01-31"),
                waiver("PI-POL-001", "storage-st", "\"keep the old waiver a bit longer\"", "2027-01-31"));
        var run = refused(project);
        assertThat(run.err()).contains("Pulumi.prod.yaml: platform-infra:waivers[1].rule must not be PI-POL-001, which"
                + " cannot be waived: renew or remove the expired waiver instead (value: 'PI-POL-001')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\a", "\\n", "\\t", "\\e[31mred", "\\x7f", "\\u202e", "\\u2028", "\\ufeff", "\\0",
            "\\U000F0000"})
    void aReasonWithAControlOrFormattingCharacterIsRefusedAndNotEchoedRaw(String character, @TempDir Path directory) {
        var project = productionWithWaivers(directory, waiver("PI-ST-007", "storage-st",
                "\"CHG-1234 ZRS migration " + character + " is planned\"", "2027-01-31"));
        var run = refused(project);
        assertThat(run.err()).contains("Pulumi.prod.yaml: platform-infra:waivers[0].reason must be one line of"
                + " printable text, without control or formatting characters (found U+");
        assertThat(run.err().lines()).allSatisfy(line -> assertThat(line.codePoints()
                .filter(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.PRIVATE_USE)).isEmpty());
    }

    @Test
    void aWaiverOfAResourceTheStageDoesNotHaveIsRefusedWithTheNamesItsRuleJudges(@TempDir Path directory) {
        var project = productionWithWaivers(directory, lrsWaiver("2027-01-31"),
                waiver("PI-ST-007", "storage-sta", "\"CHG-1234 ZRS migration is planned\"", "2027-01-31"));
        var run = refused(project);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Pulumi.prod.yaml: platform-infra:waivers[1].resource must name a resource of"
                + " stage prod (value: 'storage-sta'); the resources PI-ST-007 judges in stage prod: storage-st\n");
    }

    @Test
    void underTheEngineAWaiverOfAResourceTheStageDoesNotHaveStopsTheRun(@TempDir Path directory) {
        var project = productionWithWaivers(directory, waiver("PI-ST-007", "old-storage-st",
                "\"CHG-1234 ZRS migration is planned\"", "2027-01-31"));
        var configuration = StackConfiguration.load(Path.of(project.dir()), "prod");
        var environment = new HashMap<String, String>();
        environment.put("PULUMI_MONITOR", "127.0.0.1:40123");
        environment.put("PULUMI_STACK", "prod");
        environment.put("PULUMI_CONFIG", new com.google.gson.Gson().toJson(configuration.values()));
        var programRan = new AtomicBoolean();
        var err = new StringWriter();
        var exitCode = EngineRun.run(environment, TestDates.CLOCK, program -> programRan.set(true),
                new PrintWriter(err));
        assertThat(exitCode).isEqualTo(EngineRun.STOPPED);
        assertThat(programRan).isFalse();
        assertThat(err.toString()).contains("platform-infra:waivers[0].resource must name a resource of stage prod"
                + " (value: 'old-storage-st')", "this run was stopped before anything was registered");
    }

    @Test
    void aReasonOfAnyPrintableTextReachesTheReportsIntactAndTheyStayValid(@TempDir Path directory) throws Exception {
        var reason = "CHG-1234 <b>ZRS</b> & \"quoted\" 'single' ]]> Zürich – 東京 🔥 \\ done";
        var project = productionWithWaivers(Files.createDirectory(directory.resolve("project")),
                waiver("PI-ST-007", "storage-st", "'" + reason.replace("'", "''") + "'", "2027-01-31"));
        var sarif = directory.resolve("policy.sarif");
        var junit = directory.resolve("policy.xml");
        var run = check(project, "--sarif", sarif.toString(), "--junit", junit.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("waived until 2027-01-31: " + reason);

        var sarifDocument = ReportSchemas.assertValidSarif(Files.readString(sarif));
        assertThat(sarifDocument.toString()).contains(new com.google.gson.JsonPrimitive(reason + " (until 2027-01-31)")
                .toString());
        var junitDocument = ReportSchemas.assertValidJUnit(Files.readString(junit));
        var outputs = junitDocument.getElementsByTagName("system-out");
        var texts = new StringBuilder();
        for (int i = 0; i < outputs.getLength(); i++) {
            texts.append(outputs.item(i).getTextContent()).append('\n');
        }
        assertThat(texts.toString()).contains("waived until 2027-01-31 (" + reason + ")");
    }
}
