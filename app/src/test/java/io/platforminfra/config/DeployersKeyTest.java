package io.platforminfra.config;

import io.platforminfra.program.Platform;

import io.platforminfra.program.ProjectFile;
import io.platforminfra.program.StageRuns;

import io.platforminfra.cli.CommandLineRun;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code platform-infra:deployers} names who may update a stage, by client ID; a stage without a usable list is
 * refused like any other stack file mistake: file, key, value and where the right value comes from, exit code 2,
 * nothing registered.
 */
class DeployersKeyTest {
    private static final String WHERE_FROM = "as scripts/bootstrap.sh prints it";

    private static StageConfig readDevWith(String deployers, Set<String> secretKeys) {
        return StageConfigReader.read(devWith(deployers, secretKeys), TestDates.AS_OF, Platform.SECTIONS);
    }

    /** The dev stack file with {@code deployers} as its list ({@code null}: none), encrypting {@code secretKeys}. */
    private static StackConfiguration devWith(String deployers, Set<String> secretKeys) {
        return StageRuns.configurationWith("dev", Collections.singletonMap(StackKeys.DEPLOYERS, deployers),
                secretKeys);
    }

    private static String problemsOf(String deployers) {
        return problemsOf(deployers, Set.of());
    }

    private static String problemsOf(String deployers, Set<String> secretKeys) {
        return StageRuns.refusalOf(devWith(deployers, secretKeys));
    }

    @Test
    void everyStackFileInTheRepositoryNamesItsDeployers() {
        for (var stage : StageRuns.stagesInRepository()) {
            var config = StageConfigReader.read(StackConfiguration.load(StageRuns.PROJECT, stage), TestDates.AS_OF, Platform.SECTIONS);
            assertThat(config.deployers()).as(stage).isNotEmpty();
        }
    }

    @Test
    void theListIsReadAsItIsWritten() {
        var config = readDevWith("[\"6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B\",\"0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d\"]",
                Set.of());
        assertThat(config.deployers()).containsExactly("6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B",
                "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d");
    }

    @Test
    void aStageWithoutDeployersIsRefused() {
        assertThat(problemsOf(null)).contains("Pulumi.dev.yaml: platform-infra:deployers must list the client IDs of"
                + " the identities that may update the stage", "id-platform-infra-development-deploy", WHERE_FROM,
                "(value: not set)");
    }

    @Test
    void anEmptyListIsRefused() {
        assertThat(problemsOf("[]")).contains("Pulumi.dev.yaml: platform-infra:deployers must name at least one"
                + " identity (an empty list lets nobody update the stage)", "(value: '[]')");
    }

    @Test
    void aSingleValueInsteadOfAListIsRefused() {
        assertThat(problemsOf("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")).contains("Pulumi.dev.yaml:"
                + " platform-infra:deployers must be a list of client IDs (GUIDs)",
                "(value: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b')");
    }

    @Test
    void everyItemMustBeAClientId() {
        var problems = problemsOf("[\"alice@example.com\",42,\"00000000-0000-0000-0000-000000000000\","
                + "\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\",{\"id\":\"x\"}]");
        assertThat(problems).contains(
                "Pulumi.dev.yaml: platform-infra:deployers[0] must be a client ID (a GUID, not the nil GUID)",
                "(value: 'alice@example.com')",
                "Pulumi.dev.yaml: platform-infra:deployers[1] must be a client ID", "(value: '42')",
                "Pulumi.dev.yaml: platform-infra:deployers[2] must be a client ID",
                "Pulumi.dev.yaml: platform-infra:deployers[4] must be a client ID")
                .doesNotContain("platform-infra:deployers[3]");
    }

    @Test
    void aSecretListIsRefusedWithoutShowingIt() {
        var problems = problemsOf("[\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"]", Set.of(StackKeys.DEPLOYERS));
        assertThat(problems).contains("Pulumi.dev.yaml: platform-infra:deployers must be plain text",
                "(value: [secret])").doesNotContain("6f1c2a3b");
    }

    @Test
    void aMalformedListIsRefusedByPlanWithExitCodeTwoAndNoStackTrace(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev.replace(
                "    - 00000000-0000-4000-8000-00000000a001", "    - alice"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Pulumi.qa.yaml: platform-infra:deployers[0] must be a client ID (a GUID,"
                + " not the nil GUID)", "(value: 'alice')").doesNotContain("\tat ", "Exception");
    }

    @Test
    void theAzureClisApplicationIdIsRefusedBecauseItWouldAdmitEveryoneSignedInWithAz() {
        for (var cli : java.util.List.of("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "04B07795-8DDB-461A-BBEE-02F9E1BF7B46")) {
            assertThat(problemsOf("[\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"" + cli + "\"]")).as(cli)
                    .contains("Pulumi.dev.yaml: platform-infra:deployers[1] must not be the Azure CLI's application ID",
                            "every person signed in with az login", "(value: '" + cli + "')")
                    .doesNotContain("platform-infra:deployers[0]");
        }
    }

    @Test
    void theAzureClisApplicationIdIsRefusedByPlanWithExitCodeTwo(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev.replace(
                "    - 00000000-0000-4000-8000-00000000a001", "    - 04b07795-8ddb-461a-bbee-02f9e1bf7b46"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Pulumi.qa.yaml: platform-infra:deployers[0] must not be the Azure CLI's"
                + " application ID", "(value: '04b07795-8ddb-461a-bbee-02f9e1bf7b46')");
    }

    @Test
    void theKeyIsDeclaredInThePulumiProjectAsAListOfTextWithoutADefault() {
        Map<String, Object> declaration = ProjectFile.at("config", StackKeys.DEPLOYERS);
        assertThat(declaration).containsEntry("type", "array").containsEntry("items", Map.of("type", "string"))
                .doesNotContainKeys("default", "value");
    }
}
