package io.platforminfra.cli;

import com.google.gson.JsonObject;
import io.platforminfra.policy.ReportSchemas;
import io.platforminfra.policy.SarifReport;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --sarif} as code scanning reads it: each result at the line of the stack file key that causes it,
 * with a fingerprint that follows the finding from run to run, the tool's version and one category per stage.
 */
class CheckSarifTest {
    /** Production with storage replicated in one datacenter (PI-ST-007) and the API server open (PI-AKS-004). */
    private static TestProject insecureProduction(Path directory, String waivers) {
        return TestProject.in(directory).withRepositoryStage("prod", "prod", prod -> prod
                .replaceAll("replication: \\w+", "replication: LRS")
                .replace("      - 198.51.100.16/28", "      - 0.0.0.0/0") + waivers);
    }

    private static JsonObject check(TestProject project, Path sarif, String asOf) throws IOException {
        var run = CommandLineRun.of("check", "--stack", "prod", "--dir", project.dir(), "--as-of", asOf,
                "--sarif", sarif.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        return ReportSchemas.assertValidSarif(Files.readString(sarif)).getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    /** The results of {@code run} by rule ID. */
    private static Map<String, JsonObject> byRule(JsonObject run) {
        var results = new LinkedHashMap<String, JsonObject>();
        run.getAsJsonArray("results").forEach(r -> results.put(r.getAsJsonObject().get("ruleId").getAsString(),
                r.getAsJsonObject()));
        return results;
    }

    private static JsonObject region(JsonObject result) {
        return result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
                .getAsJsonObject("region");
    }

    private static String fingerprint(JsonObject result) {
        return result.getAsJsonObject("partialFingerprints").get(SarifReport.FINGERPRINT).getAsString();
    }

    /** The 1-based line of {@code stage}'s stack file that is {@code text} (after its indentation), exactly once. */
    private static int lineOf(TestProject project, String text) throws IOException {
        var lines = Files.readAllLines(Path.of(project.dir(), "Pulumi.prod.yaml"));
        var found = new ArrayList<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(text)) {
                found.add(i + 1);
            }
        }
        assertThat(found).as("lines that are '" + text + "'").hasSize(1);
        return found.get(0);
    }

    private static int columnOf(TestProject project, int line, String key) throws IOException {
        return Files.readAllLines(Path.of(project.dir(), "Pulumi.prod.yaml")).get(line - 1).indexOf(key) + 1;
    }

    @Test
    void eachResultIsAtTheLineOfTheKeyThatCausesIt(@TempDir Path directory) throws IOException {
        var project = insecureProduction(directory, "");
        var run = check(project, directory.resolve("policy.sarif"), TestDates.AS_OF.toString());
        var results = byRule(run);
        assertThat(results).containsOnlyKeys("PI-AKS-004", "PI-ST-007");

        var replication = lineOf(project, "replication: LRS");
        assertThat(region(results.get("PI-ST-007")).get("startLine").getAsInt()).isEqualTo(replication);
        assertThat(region(results.get("PI-ST-007")).get("startColumn").getAsInt())
                .isEqualTo(columnOf(project, replication, "replication"));
        assertThat(region(results.get("PI-AKS-004")).get("startLine").getAsInt())
                .isEqualTo(lineOf(project, "authorizedIpRanges:"));
    }

    @Test
    void theRunNamesTheToolVersionAndTheStageAsItsCategory(@TempDir Path directory) throws IOException {
        var run = check(insecureProduction(directory, ""), directory.resolve("policy.sarif"),
                TestDates.AS_OF.toString());
        var driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertThat(driver.get("version").getAsString()).isEqualTo(VersionProvider.version())
                .isEqualTo(CommandLineRun.of("--version").out().strip().substring("platform-infra ".length()));
        assertThat(run.getAsJsonObject("automationDetails").get("id").getAsString()).isEqualTo("policy/prod/");
        assertThat(run.get("columnKind").getAsString()).isEqualTo("unicodeCodePoints");
    }

    @Test
    void aStageWithoutFindingsHasAnEmptyListOfResultsAndEachStageItsOwnRun(@TempDir Path directory)
            throws IOException {
        var project = insecureProduction(directory, "").withRepositoryStage("prod", "secure");
        var sarif = directory.resolve("policy.sarif");
        var command = CommandLineRun.of("check", "--all", "--dir", project.dir(), "--sarif", sarif.toString());
        assertThat(command.exitCode()).as(command.toString()).isEqualTo(1);
        var runs = ReportSchemas.assertValidSarif(Files.readString(sarif)).getAsJsonArray("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).getAsJsonObject().getAsJsonObject("automationDetails").get("id").getAsString())
                .isEqualTo("policy/prod/");
        var secure = runs.get(1).getAsJsonObject();
        assertThat(secure.getAsJsonObject("automationDetails").get("id").getAsString()).isEqualTo("policy/secure/");
        assertThat(secure.getAsJsonArray("results")).isEmpty();
    }

    @Test
    void fingerprintsStayTheSameWhenLinesMoveAndDifferPerRuleAndResource(@TempDir Path directory)
            throws IOException {
        var first = check(insecureProduction(Files.createDirectory(directory.resolve("a")), ""),
                directory.resolve("a.sarif"), TestDates.AS_OF.toString());
        var moved = insecureProduction(Files.createDirectory(directory.resolve("b")), "");
        var file = Path.of(moved.dir(), "Pulumi.prod.yaml");
        Files.writeString(file, "# a comment added above every key\n" + Files.readString(file));
        var second = check(moved, directory.resolve("b.sarif"), TestDates.AS_OF.plusDays(30).toString());

        var before = byRule(first);
        var after = byRule(second);
        for (var rule : List.of("PI-AKS-004", "PI-ST-007")) {
            assertThat(fingerprint(after.get(rule))).isEqualTo(fingerprint(before.get(rule)));
            assertThat(region(after.get(rule)).get("startLine").getAsInt())
                    .isEqualTo(region(before.get(rule)).get("startLine").getAsInt() + 1);
        }
        assertThat(fingerprint(before.get("PI-AKS-004"))).isNotEqualTo(fingerprint(before.get("PI-ST-007")))
                .matches("[0-9a-f]{64}:1");
    }

    @Test
    void aWaivedResultIsAtItsWaiverAndAnExpiredWaiverAtItself(@TempDir Path directory) throws IOException {
        var waivers = "  platform-infra:waivers:\n"
                + "    - rule: PI-ST-004\n      resource: storage-st\n      reason: a placeholder kept for review\n"
                + "      expires: 2027-03-31\n"
                + "    - rule: PI-ST-007\n      resource: storage-st\n      reason: CHG-1234 ZRS migration\n"
                + "      expires: 2027-01-31\n";
        var project = insecureProduction(directory, waivers);
        var waiverLine = lineOf(project, "- rule: PI-ST-007");

        var waived = byRule(check(project, directory.resolve("waived.sarif"), TestDates.AS_OF.toString()));
        assertThat(waived.get("PI-ST-007").getAsJsonArray("suppressions")).hasSize(1);
        assertThat(region(waived.get("PI-ST-007")).get("startLine").getAsInt()).isEqualTo(waiverLine);
        assertThat(region(waived.get("PI-ST-007")).get("startColumn").getAsInt())
                .isEqualTo(columnOf(project, waiverLine, "rule"));

        var expired = byRule(check(project, directory.resolve("expired.sarif"), "2027-02-01"));
        assertThat(region(expired.get("PI-POL-001")).get("startLine").getAsInt()).isEqualTo(waiverLine);
        assertThat(expired.get("PI-ST-007").has("suppressions")).isFalse();
        assertThat(region(expired.get("PI-ST-007")).get("startLine").getAsInt())
                .isEqualTo(lineOf(project, "replication: LRS"));
    }
}
