package io.platforminfra.pipelines;

import io.platforminfra.cli.CommandLineRun;
import io.platforminfra.config.EnvironmentType;
import io.platforminfra.config.StackConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold of the pipeline, checked on its files: pull requests never apply, only main applies, production
 * follows the other stages behind an approval, every stack file is previewed and released, nothing secret is
 * written down, tools are pinned, and every script stops at its first error.
 */
class PipelineDefinitionTest {
    private static final String MAIN_BRANCH_ONLY = "eq(variables['Build.SourceBranch'], 'refs/heads/main')";
    /** How a step starts an update: the scripts run `pulumi up` only for the argument `up`. */
    private static final Pattern PULUMI_UP = Pattern.compile("pulumi-stages\\.sh\" up\\b|pulumi up");

    @Test
    void aPullRequestNeverRunsAnUpdate() {
        for (var stage : PipelineDefinition.stages()) {
            var condition = String.valueOf(stage.get("condition"));
            var text = PipelineDefinition.reachableText(stage);
            var runsOnPullRequests = condition.contains("'PullRequest'") || condition.equals("null");
            if (runsOnPullRequests) {
                assertThat(text).as("stage " + stage.get("stage") + " runs on pull requests")
                        .doesNotContainPattern(PULUMI_UP.pattern()).doesNotContain("deployment=");
                assertThat(text).doesNotContain("-deploy", "DEPLOY_CLIENT_ID");
            }
        }
        for (var ring : NamingScheme.rings()) {
            assertThat(PipelineDefinition.reachableText(PipelineDefinition.stage("preview_" + ring)))
                    .contains("name=" + NamingScheme.pool(ring, NamingScheme.Role.READ),
                            "bash \"scripts/pulumi-stages.sh\" preview \"$STAGE\"");
        }
    }

    @Test
    void updatesRunOnlyOnMainAndNeverForPullRequestsOrSchedules() {
        var releasing = PipelineDefinition.stages().stream()
                .filter(stage -> PULUMI_UP.matcher(PipelineDefinition.reachableText(stage)).find())
                .toList();
        assertThat(releasing).extracting(stage -> stage.get("stage"))
                .containsExactly("release_development", "release_production");
        for (var stage : releasing) {
            var condition = String.valueOf(stage.get("condition"));
            assertThat(condition).contains(MAIN_BRANCH_ONLY).contains("'IndividualCI'")
                    .doesNotContain("PullRequest", "Schedule");
        }
        assertThat(PipelineDefinition.load(PipelineDefinition.MAIN).get("pr")).as("no pull request trigger of its own")
                .isEqualTo("none");
    }

    @Test
    void productionFollowsTheOtherStagesAndWaitsForTheApprovalOfItsEnvironment() {
        var production = PipelineDefinition.stage("release_production");
        assertThat(production.get("dependsOn")).isEqualTo("release_development");
        assertThat(PipelineDefinition.reachableText(production)).contains(
                "environment=" + NamingScheme.environment("production"),
                "name=" + NamingScheme.pool("production", NamingScheme.Role.DEPLOY));
        assertThat(PipelineDefinition.reachableText(PipelineDefinition.stage("release_development"))).contains(
                "environment=" + NamingScheme.environment("development"),
                "name=" + NamingScheme.pool("development", NamingScheme.Role.DEPLOY));
        assertThat(PipelineDefinition.read(PipelineDefinition.ROOT.resolve("docs/pipelines.md")))
                .as("the approval is a check on the environment, set up as the operator guide says")
                .contains("platform-infra-production", "Approvals", "Exclusive Lock");
    }

    @Test
    void everyBuildRunsThePolicyGateOnEveryStageAndPublishesSarifAndJUnit() {
        var build = PipelineDefinition.reachableText(PipelineDefinition.stage("build"));
        assertThat(build).contains("bin/platform-infra check --all", "--sarif", "--junit",
                "testResultsFiles=$(Common.TestResultsDirectory)/platform-infra-policy.xml", "artifact=CodeAnalysisLogs");
        for (var dependent : List.of("preview_development", "preview_production", "release_development",
                "drift_development", "drift_production")) {
            assertThat(PipelineDefinition.stage(dependent).get("dependsOn")).as(dependent).isEqualTo("build");
            assertThat(String.valueOf(PipelineDefinition.stage(dependent).get("condition"))).startsWith("and(succeeded()");
        }
    }

    @Test
    void atMostOneUpdatePerStageRunsAtATime() {
        for (var name : List.of("release_development", "release_production")) {
            assertThat(PipelineDefinition.stage(name)).containsEntry("lockBehavior", "sequential");
        }
    }

    @Test
    void everyStackFileIsPreviewedAndReleasedWithoutNamingAStage() {
        for (var ring : NamingScheme.rings()) {
            assertThat(PipelineDefinition.reachableText(PipelineDefinition.stage("preview_" + ring)))
                    .contains("matrix=$[ stageDependencies.build.build.outputs['stages.matrix_" + ring + "'] ]");
        }
        assertThat(PipelineDefinition.reachableText(PipelineDefinition.stage("build")))
                .contains("for type in " + String.join(" ", EnvironmentType.configValues()) + "; do",
                        "stages --environment-type \"$type\" --format matrix", "variable=matrix_$type;isOutput=true");
        var released = PipelineDefinition.stages().stream()
                .filter(stage -> String.valueOf(stage.get("stage")).startsWith("release_")).map(String::valueOf)
                .map(text -> text.replaceAll("(?s).*environmentType=(\\w+).*", "$1")).toList();
        assertThat(released).as("every environment type is a ring, so every stack file is in one")
                .containsExactlyInAnyOrderElementsOf(EnvironmentType.configValues());

        var stagesOfRepository = StackConfiguration.stagesIn(PipelineDefinition.ROOT);
        var listed = CommandLineRun.of("stages");
        assertThat(listed.out().lines().toList()).isEqualTo(stagesOfRepository);
        for (var file : PipelineDefinition.files()) {
            for (var stage : stagesOfRepository) {
                assertThat(PipelineDefinition.read(file)).as(file + " names stage " + stage)
                        .doesNotContainPattern("(--stack|Pulumi\\.)\\s*" + Pattern.quote(stage) + "\\b");
            }
        }
    }

    @Test
    void theScriptsTakeTheirStagesFromTheStackFilesAndPreviewAndRefreshAsReviewersExpect() {
        var script = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/scripts/pulumi-stages.sh"));
        assertThat(script).contains("java -jar \"$jar\" stages --environment-type \"$PLATFORM_INFRA_RING\"",
                "for stage in $(ring_stages); do",
                "pulumi preview --stack \"$stage\" --refresh --diff --json > \"preview-$stage.json\"",
                "pulumi up --stack \"$stage\" --refresh --yes --diff")
                .as("the drift check moved to pulumi-drift.sh").doesNotContain("drift)");
        var login = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/scripts/pulumi-login.sh"));
        assertThat(login).contains("export ARM_USE_MSI=true", "export AAD_LOGIN_METHOD=msi")
                .doesNotContain("idToken", "az account show");
    }

    @Test
    void theArtifactCarriesEveryFileTheScriptsReadBesideThemselves() throws java.io.IOException {
        // Scripts run from the artifact (scripts/ at its root): a file they read as $scripts/../<name> must be
        // copied there by the build, or the job fails only in Azure DevOps (the drift check's ignore list).
        var build = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/jobs/build.yml"));
        var beside = java.util.regex.Pattern.compile("\\$scripts/\\.\\./([\\w.-]+)");
        var found = new java.util.ArrayList<String>();
        try (var scripts = java.nio.file.Files.list(PipelineDefinition.ROOT.resolve("pipelines/scripts"))) {
            for (var script : scripts.sorted().toList()) {
                var matcher = beside.matcher(java.nio.file.Files.readString(script));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        assertThat(found).as("files the scripts read beside themselves").isNotEmpty()
                .allSatisfy(name -> {
                    assertThat(PipelineDefinition.ROOT.resolve("pipelines").resolve(name)).exists();
                    assertThat(build).contains("cp pipelines/" + name + " \"$artifact/\"");
                });
    }

    @Test
    void pulumiPluginsAndMavenAreCachedKeyedOnTheirPinsWithRestoreKeys() {
        var tools = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/steps/tools.yml"));
        assertThat(tools).contains("variable=PULUMI_HOME]$(Pipeline.Workspace)/.pulumi",
                "path: $(Pipeline.Workspace)/.pulumi/plugins", "/platform-infra/pom.xml'", "restoreKeys:");
        var build = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/jobs/build.yml"));
        assertThat(build).contains("key: 'maven | \"$(Agent.OS)\" | **/pom.xml'", "restoreKeys:",
                "pom.xml \"$artifact/\"");
        // The plugin cache must be in place before the first pulumi command of a job.
        assertThat(tools.indexOf("Pulumi plugin cache")).isLessThan(tools.indexOf("install-pulumi.sh"));
    }

    @Test
    void removingAStackFileNeverDestroysAnything() {
        var teardown = List.of(PipelineDefinition.ROOT.resolve("pipelines/teardown.yml"),
                PipelineDefinition.ROOT.resolve("pipelines/scripts/teardown-stage.sh"));
        for (var file : concat(PipelineDefinition.files(), PipelineDefinition.scripts())) {
            if (!teardown.contains(file)) {
                assertThat(PipelineDefinition.read(file)).as(file.toString())
                        .doesNotContainPattern("pulumi (destroy|stack rm)|--remove|teardown");
            }
        }
    }

    @Test
    void aTeardownIsAnApprovedRunByHandForOneDevelopmentStage() {
        var teardown = PipelineDefinition.load(PipelineDefinition.TEARDOWN);
        assertThat(teardown).containsEntry("trigger", "none").containsEntry("pr", "none").doesNotContainKey("schedules");
        assertThat(PipelineDefinition.expanded(PipelineDefinition.TEARDOWN, Map.of("stage", "some-stage")).toString())
                .contains("environment=" + NamingScheme.teardownEnvironment(),
                        "name=" + NamingScheme.pool("development", NamingScheme.Role.DEPLOY),
                        "group=" + NamingScheme.variableGroup("development"))
                .doesNotContain("platform-infra-production");
        assertThat(PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/scripts/teardown-stage.sh")))
                .contains("stages --environment-type development | grep -qx -- \"$stage\"");
    }

    @Test
    void noSecretOrTokenIsWrittenInThePipeline() {
        for (var file : PipelineDefinition.files()) {
            var text = PipelineDefinition.read(file);
            assertThat(text).as(file.toString())
                    .doesNotContainPattern("(?i)(password|secret|accountkey|clientsecret)\\s*[:=]\\s*[^$\\s]")
                    .doesNotContainPattern("[A-Za-z0-9+/]{40,}={0,2}")
                    .doesNotContainPattern("(azblob|azurekeyvault)://");
            text.lines().filter(line -> line.contains("$(System.AccessToken)")).forEach(line ->
                    assertThat(line.strip()).as("the token is only mapped into a step's environment")
                            .isEqualTo("SYSTEM_ACCESSTOKEN: $(System.AccessToken)"));
        }
        assertThat(PipelineDefinition.steps()).as("no service connection: jobs authenticate as their pool's identity")
                .noneSatisfy(step -> assertThat(String.valueOf(step.get("task"))).startsWith("AzureCLI"));
        for (var file : PipelineDefinition.files()) {
            assertThat(PipelineDefinition.read(file)).as(file + ": the single state group and the service connections"
                    + " are gone").doesNotContain("platform-infra-state", "azureSubscription", "deploy-nonprod",
                    "deploy-prod");
        }
    }

    @Test
    void theToolVersionsArePinned() {
        assertThat(PipelineDefinition.load(PipelineDefinition.MAIN).get("variables").toString())
                .contains("template=pipelines/variables.yml");
        var variables = PipelineDefinition.load(PipelineDefinition.ROOT.resolve("pipelines/variables.yml"))
                .get("variables").toString();
        assertThat(variables).containsPattern("name=PULUMI_VERSION, value=\\d+\\.\\d+\\.\\d+}")
                .containsPattern("name=KUBELOGIN_VERSION, value=\\d+\\.\\d+\\.\\d+}");
        var tools = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/steps/tools.yml"));
        assertThat(tools).contains("install-pulumi.sh\" \"$(PULUMI_VERSION)\"", "kubeloginVersion: $(KUBELOGIN_VERSION)");
        for (var file : concat(PipelineDefinition.files(), PipelineDefinition.scripts())) {
            assertThat(PipelineDefinition.read(file)).as(file.toString()).doesNotContainPattern("(?i)\\blatest\\b");
        }
    }

    @Test
    void everyScriptStopsAtItsFirstError() {
        var scripts = PipelineDefinition.steps().stream()
                .map(step -> step.containsKey("script") ? step.get("script") : step.get("bash"))
                .filter(script -> script != null).map(String::valueOf).toList();
        assertThat(scripts).isNotEmpty().allSatisfy(script ->
                assertThat(script.lines().findFirst().orElse("")).as(script).isEqualTo("set -euo pipefail"));
        assertThat(PipelineDefinition.scripts()).isNotEmpty().allSatisfy(file ->
                assertThat(PipelineDefinition.read(file)).as(file.toString()).contains("\nset -euo pipefail\n"));
    }

    /**
     * The program decides who may update a stage by the Azure provider's identity (DeploymentGuard), not by
     * variables: a pipeline variable claiming "this is the release" would only mislead a reader into trusting it.
     */
    @Test
    void noPipelineClaimsToBeTheReleaseByAVariable() {
        for (var file : PipelineDefinition.files()) {
            assertThat(PipelineDefinition.read(file)).as(file.toString()).doesNotContain("PLATFORM_INFRA_RELEASE");
        }
    }

    @Test
    void theStagesOfOneRingListedForItsPreviewMatrixAreAJobMatrixOfThatRingOnly() {
        for (var ring : NamingScheme.rings()) {
            var run = CommandLineRun.of("stages", "--environment-type", ring, "--format", "matrix");
            assertThat(run.exitCode()).as(run.err()).isZero();
            var lines = CommandLineRun.of("stages", "--environment-type", ring).out().lines().toList();
            var expected = new StringBuilder("{");
            for (int i = 0; i < lines.size(); i++) {
                expected.append(i == 0 ? "" : ",").append('"').append(lines.get(i)).append("\":{\"stage\":\"")
                        .append(lines.get(i)).append("\"}");
            }
            assertThat(run.out().strip()).as(ring).isEqualTo(expected.append('}').toString());
        }
    }

    @Test
    void theStagesListedForThePreviewMatrixAreAJobMatrix() {
        var run = CommandLineRun.of("stages", "--format", "matrix");
        assertThat(run.exitCode()).isZero();
        var expected = new StringBuilder("{");
        var stages = StackConfiguration.stagesIn(PipelineDefinition.ROOT);
        for (int i = 0; i < stages.size(); i++) {
            expected.append(i == 0 ? "" : ",").append('"').append(stages.get(i)).append("\":{\"stage\":\"")
                    .append(stages.get(i)).append("\"}");
        }
        assertThat(run.out().strip()).isEqualTo(expected.append('}').toString());
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
