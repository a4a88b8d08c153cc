package io.platforminfra.cli;

import io.platforminfra.azure.VersionDocument;
import io.platforminfra.azure.VersionSupport;
import io.platforminfra.policy.PolicyDocument;
import io.platforminfra.policy.ReportSchemas;
import io.platforminfra.policy.Rules;
import io.platforminfra.config.StackConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check}: the policy gate as the pull request pipeline runs it.
 */
class CheckCommandTest {
    private static final String INSECURE_PRODUCTION = "prod";

    private static TestProject insecureProduction(Path directory) {
        return TestProject.in(directory).withRepositoryStage("prod", INSECURE_PRODUCTION, prod -> prod
                .replaceAll("replication: \\w+", "replication: LRS")
                .replace("      - 198.51.100.16/28", "      - 0.0.0.0/0"));
    }

    @Test
    void theStagesOfTheRepositoryPassTheGate() {
        var run = CommandLineRun.of("check", "--all");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (var stage : StackConfiguration.stagesIn(TestProject.REPOSITORY)) {
            assertThat(run.out()).containsPattern(stage + ": 0 mandatory violations, \\d+ waived, \\d+ advisory: PASSED");
        }
    }

    @Test
    void anInsecureProductionStageFailsWithTheRuleIdsResourcesAndFixes(@TempDir Path directory) {
        var run = CommandLineRun.of("check", "--stack", INSECURE_PRODUCTION, "--dir", insecureProduction(directory).dir());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL   PI-ST-007 MEDIUM  azure-native:storage:StorageAccount \"storage-st\"",
                        "fix: Set storage.replication to ZRS, GZRS or RAGZRS.")
                .contains("FAIL   PI-AKS-004 HIGH  azure-native:containerservice:ManagedCluster \"cluster-aks\"")
                .contains("prod: 2 mandatory violations, 0 waived, 0 advisory: FAILED");
    }

    @Test
    void theSameSettingsInADevelopmentStageAreAdviceWhereTheRuleIsForProduction(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev");
        var run = CommandLineRun.of("check", "--stack", "dev", "--dir", project.dir());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ADVICE PI-ST-007", "(mandatory in production stages)");
    }

    @Test
    void aWaiverWithReasonAndDateAcceptsAViolationAndIsListed(@TempDir Path directory) {
        var waived = TestProject.in(directory).withRepositoryStage("prod", "prod", prod -> prod.replaceAll("replication: \\w+", "replication: LRS")
                        + "  platform-infra:waivers:\n    - rule: PI-ST-007\n      resource: storage-st\n"
                        + "      reason: \"CHG-1234 ZRS migration is scheduled for 2027-Q1\"\n"
                        + "      expires: 2027-03-31\n");
        var run = CommandLineRun.of("check", "--stack", "prod", "--dir", waived.dir(), "--as-of", "2026-11-29");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("WAIVED PI-ST-007", "waived until 2027-03-31: CHG-1234 ZRS migration",
                "Waivers in Pulumi.prod.yaml:", "PI-ST-007 on \"storage-st\" until 2027-03-31: CHG-1234");

        var expired = CommandLineRun.of("check", "--stack", "prod", "--dir", waived.dir(), "--as-of", "2027-04-01");
        assertThat(expired.exitCode()).isEqualTo(1);
        assertThat(expired.out()).contains("FAIL   PI-POL-001", "the waiver of PI-ST-007 expired on 2027-03-31",
                "FAIL   PI-ST-007", "until 2027-03-31 (EXPIRED)");
    }

    @Test
    void aWaiverWithoutRuleReasonOrDateIsAStackFileMistake(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev", dev -> dev
                + "  platform-infra:waivers:\n    - rule: PI-XX-999\n      resource: storage-st\n"
                + "      reason: because\n      expires: next year\n");
        var run = CommandLineRun.of("check", "--stack", "dev", "--dir", project.dir());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(
                "Pulumi.dev.yaml: platform-infra:waivers[0].rule must be the ID of a policy rule (see docs/policies.md) (value: 'PI-XX-999')",
                "Pulumi.dev.yaml: platform-infra:waivers[0].reason must say why the exception is acceptable, in at least 15 characters (value: 'because')",
                "Pulumi.dev.yaml: platform-infra:waivers[0].expires must be the last day it applies, as YYYY-MM-DD (value: 'next year')");
    }

    @Test
    void sarifHasOneRuleEntryPerRuleAndOneResultPerViolation(@TempDir Path directory) throws Exception {
        var sarif = directory.resolve("policy.sarif");
        var run = CommandLineRun.of("check", "--stack", INSECURE_PRODUCTION, "--dir",
                insecureProduction(directory).dir(), "--sarif", sarif.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        var document = ReportSchemas.assertValidSarif(Files.readString(sarif));
        assertThat(document.get("version").getAsString()).isEqualTo("2.1.0");
        var sarifRun = document.getAsJsonArray("runs").get(0).getAsJsonObject();
        var rules = sarifRun.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        assertThat(rules).hasSize(Rules.ALL.size());
        assertThat(rules.get(0).getAsJsonObject().get("id").getAsString()).isEqualTo(Rules.ALL.get(0).id());
        var results = sarifRun.getAsJsonArray("results");
        assertThat(results).hasSize(2);
        results.forEach(result -> {
            var object = result.getAsJsonObject();
            assertThat(object.get("level").getAsString()).isEqualTo("error");
            var index = object.get("ruleIndex").getAsInt();
            assertThat(Rules.ALL.get(index).id()).isEqualTo(object.get("ruleId").getAsString());
            assertThat(object.toString()).contains("Pulumi.prod.yaml", "urn:pulumi:prod::platform-infra::");
        });
    }

    @Test
    void junitHasOneTestCasePerRuleAndStageAndAFailurePerViolatedRule(@TempDir Path directory) throws Exception {
        var junit = directory.resolve("policy.xml");
        var project = insecureProduction(directory).withRepositoryStage("dev", "dev");
        CommandLineRun.of("check", "--all", "--dir", project.dir(), "--junit", junit.toString());
        var document = ReportSchemas.assertValidJUnit(Files.readString(junit));
        var suites = document.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(2 * Rules.ALL.size());
        var failures = document.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(2);
        assertThat(((Element) failures.item(0).getParentNode()).getAttribute("classname")).isEqualTo("policy.prod");
        assertThat(((Element) suites.item(1)).getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void theVersionDocumentIsGeneratedFromTheDatedTableAndUpToDate() throws Exception {
        CommandLineRun.assertGeneratedPage("docs/versions.md", VersionDocument.render(), "check", "--versions");
        for (var release : VersionSupport.all()) {
            assertThat(VersionDocument.render()).contains("| " + release.product().title() + " | " + release.version()
                    + " | " + release.generalAvailability() + " | " + release.lastDayOfSupport() + " |");
        }
    }

    @Test
    void thePolicyDocumentIsGeneratedFromTheRulesAndUpToDate() throws Exception {
        CommandLineRun.assertGeneratedPage("docs/policies.md", PolicyDocument.render(), "check", "--rules");
        for (var rule : Rules.ALL) {
            assertThat(PolicyDocument.render()).contains("### " + rule.id(), rule.rationale(), rule.remediation());
        }
    }
}
