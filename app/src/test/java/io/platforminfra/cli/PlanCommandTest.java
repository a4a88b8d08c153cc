package io.platforminfra.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.platforminfra.offline.AzureMocks;
import io.platforminfra.offline.rules.AzureRules;
import io.platforminfra.offline.rules.AzureRulesDocument;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan}: what a stage would create, offline, exactly as a contributor runs it from the command line.
 */
class PlanCommandTest {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) resources to create\\n$");

    static List<String> stages() {
        return StackConfiguration.stagesIn(TestProject.REPOSITORY);
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void theTextPlanShowsEveryResourceAndEndsWithTheCountOfResourcesToCreate(String stage) {
        var text = CommandLineRun.of("plan", "--stack", stage);
        var json = CommandLineRun.of("plan", "--stack", stage, "--format", "json");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.err()).isEmpty();

        var resources = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("resources");
        var summary = SUMMARY.matcher(text.out());
        assertThat(summary.find()).as(text.out()).isTrue();
        assertThat(Integer.parseInt(summary.group(1))).isEqualTo(resources.size());
        for (var resource : resources) {
            var type = resource.getAsJsonObject().get("type").getAsString();
            var name = resource.getAsJsonObject().get("name").getAsString();
            assertThat(text.out()).contains("+ " + type + " \"" + name + "\"");
        }
        assertThat(text.out()).contains("→  rg-plat-" + stage + "-", "(known after apply)")
                .doesNotContain(AzureMocks.UNKNOWN, AzureMocks.TENANT_ID, AzureMocks.SUBSCRIPTION_ID);
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void theJsonPlanGivesToolsTypeNameUrnParentProviderDependenciesAndInputs(String stage) {
        var run = CommandLineRun.of("plan", "--stack", stage, "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        var plan = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(plan.get("stage").getAsString()).isEqualTo(stage);
        var resources = plan.getAsJsonArray("resources");
        assertThat(plan.getAsJsonObject("summary").get("create").getAsInt()).isEqualTo(resources.size());

        var urns = new HashSet<String>();
        resources.forEach(r -> urns.add(r.getAsJsonObject().get("urn").getAsString()));
        String kubernetesProvider = null;
        for (var element : resources) {
            var resource = element.getAsJsonObject();
            assertThat(resource.keySet()).contains("op", "type", "name", "urn", "parent", "provider", "dependencies",
                    "inputs");
            if (!resource.get("type").getAsString().equals("pulumi:pulumi:Stack")) {
                assertThat(urns).as("parent of " + resource.get("name")).contains(resource.get("parent").getAsString());
            }
            resource.getAsJsonArray("dependencies").forEach(d -> assertThat(urns).contains(d.getAsString()));
            if (resource.get("type").getAsString().equals("pulumi:providers:kubernetes")) {
                kubernetesProvider = resource.get("urn").getAsString();
            }
        }
        assertThat(kubernetesProvider).isNotNull();
        for (var element : resources) {
            var resource = element.getAsJsonObject();
            if (resource.get("type").getAsString().startsWith("kubernetes:")) {
                assertThat(resource.get("provider").getAsString()).as(resource.get("name").getAsString())
                        .isEqualTo(kubernetesProvider);
            }
        }
        var vault = find(plan, "azure-native:keyvault:Vault");
        assertThat(vault.getAsJsonObject("inputs").getAsJsonObject("properties").get("enableRbacAuthorization")
                .getAsBoolean()).isTrue();
        assertThat(vault.get("azureName").getAsString()).startsWith("kv-plat-" + stage + "-");
        assertThat(plan.get("asOf").getAsString()).isEqualTo(TestDates.AS_OF.toString());
    }

    @Test
    void protectedResourcesOfAProductionStageAreMarkedInThePlan(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("prod", "prod").withRepositoryStage("dev", "dev");
        var production = CommandLineRun.of("plan", "--stack", "prod", "--dir", project.dir()).out();
        assertThat(production).containsPattern("\\+ azure-native:keyvault:Vault \"secrets-kv\"  →  kv-plat-prod-\\w+-\\w+  \\[protected]")
                .contains("+ azure-native:authorization:ManagementLockByScope \"secrets-kv-lock\"");
        assertThat(CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir()).out()).doesNotContain("[protected]");
    }

    @Test
    void anEncryptedValueIsShownAsSecretAndNeverInPlainText(@TempDir Path directory) {
        var ciphertext = "v1:8GcdYIUDwOHPhRyX:1XLZW0nCw9tvbyqJ2WBqUdrTaa5f2yU=";
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev", dev -> dev
                .replace("    adminGroupName: platform-db-admins-dev", "    adminGroupName: platform-db-admins-dev\n"
                        + "    passwordAuth: true")
                + "  platform-infra:databaseAdminPassword:\n    secure: " + ciphertext + "\n");
        var text = CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir());
        var json = CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir(), "--format", "json");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).containsPattern("administratorLoginPassword +=  ?\\[secret]")
                .containsPattern("properties.value += \\[secret]");
        for (var output : List.of(text.out(), json.out())) {
            assertThat(output).doesNotContain(StackConfiguration.SECRET_PLACEHOLDER, ciphertext);
        }
        var secret = find(JsonParser.parseString(json.out()).getAsJsonObject(), "azure-native:keyvault:Secret");
        assertThat(secret.getAsJsonObject("inputs").getAsJsonObject("properties").get("value").getAsString())
                .isEqualTo("[secret]");
    }

    @Test
    void aStackFileWithMistakesIsRefusedWithEveryProblemExitCodeTwoAndNoStackTrace(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev
                .replace("environmentType: development", "environmentType: staging")
                .replace("    skuTier: Free", "    skuTier: Gold")
                .replace("    backupRetentionDays: 7", "    backupRetentionDay: 7")
                + "  platform-infra:clustr:\n    skuTier: Free\n");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(
                "Pulumi.qa.yaml: platform-infra:environmentType must be one of development, production (value: 'staging')",
                "Pulumi.qa.yaml: platform-infra:cluster.skuTier must be one of Free, Standard, Premium (value: 'Gold')",
                "Pulumi.qa.yaml: platform-infra:database.backupRetentionDay must be a known key: did you mean 'backupRetentionDays'? (value: not shown)",
                "Pulumi.qa.yaml: platform-infra:clustr must be a known key: did you mean 'platform-infra:cluster'?")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void aStageWithoutStackFileNamesTheStagesThatExist(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev");
        var run = CommandLineRun.of("plan", "--stack", "staging", "--dir", project.dir());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Pulumi.staging.yaml not found in", "(stages there: dev)");
    }

    @Test
    void aStackFileThatIsNotYamlIsNamedWithWhereItBreaks(@TempDir Path directory) {
        var project = TestProject.in(directory).withStackFile("qa", "config:\n  platform-infra:owner: [unclosed\n");
        var run = CommandLineRun.of("plan", "--stack", "qa", "--dir", project.dir());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Pulumi.qa.yaml is not valid YAML").contains("line 2").doesNotContain("\tat ");
    }

    @Test
    void aKeyGivenTwiceIsRefusedAsTheCliRefusesIt(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev + "  platform-infra:owner: someone-else\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Pulumi.qa.yaml is not valid YAML", "duplicate key platform-infra:owner");
    }

    @Test
    void planningAllStagesReportsTheProblemsOfEveryBadStageAtOnce(@TempDir Path directory) {
        var project = TestProject.in(directory)
                .withRepositoryStage("dev", "dev")
                .withRepositoryStage("dev", "qa", dev -> dev.replace("    skuTier: Free", "    skuTier: Gold"))
                .withRepositoryStage("dev", "uat", dev -> dev.replace("    replication: LRS", "    replication: XRS"));
        var run = CommandLineRun.of("plan", "--all", "--dir", project.dir());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Pulumi.qa.yaml: platform-infra:cluster.skuTier",
                "Pulumi.uat.yaml: platform-infra:storage.replication");
    }

    @Test
    void aStageNameThatCannotYieldValidAzureNamesIsRefused(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "Integration_1");
        var run = CommandLineRun.of("plan", "--stack", "Integration_1", "--dir", project.dir());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Pulumi.Integration_1.yaml: stack name must be 2-10 lowercase letters and digits"
                + " starting with a letter, so every Azure name derived from it is valid (value: 'Integration_1')");
    }

    @Test
    void withoutASubcommandTheJarPrintsUsageNotAStackTrace() {
        var run = CommandLineRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("only under the Pulumi engine", "Usage: platform-infra", "plan")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownOptionIsABadInputWithUsage() {
        var run = CommandLineRun.of("plan", "--stage", "dev");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--stage', 'dev'", "Usage: platform-infra plan");
    }

    private static JsonObject find(JsonObject plan, String type) {
        for (var resource : plan.getAsJsonArray("resources")) {
            if (resource.getAsJsonObject().get("type").getAsString().equals(type)) {
                return resource.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type + " in the plan");
    }

    @Test
    void theAzureRulesDocumentIsGeneratedFromTheEngineAndUpToDate() throws Exception {
        var document = AzureRulesDocument.render();
        CommandLineRun.assertGeneratedPage("docs/azure-rules.md", document, "plan", "--azure-rules");
        assertThat(AzureRules.ALL).allSatisfy(rule -> assertThat(document).contains("| " + rule.id() + " | "
                + rule.rule() + " | "));
        var story = Files.readString(TestProject.REPOSITORY.resolve("docs/deploy-fidelity.md"));
        assertThat(AzureRules.ALL).as("docs/deploy-fidelity.md tells why each engine rule exists")
                .allSatisfy(rule -> assertThat(story).contains(rule.id()));
    }
}
