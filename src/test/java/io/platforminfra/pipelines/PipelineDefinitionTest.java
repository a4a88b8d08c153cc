package io.platforminfra.pipelines;

import io.platforminfra.cli.CommandLineRun;
import io.platforminfra.program.EnvironmentType;
import io.platforminfra.program.StackConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
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
    private static final Pattern PULUMI_UP = Pattern.compile("arguments=up\\b|pulumi up");

    @Test
    void aPullRequestNeverRunsAnUpdate() {
        for (var stage : PipelineDefinition.stages()) {
            var condition = String.valueOf(stage.get("condition"));
            var text = PipelineDefinition.reachableText(stage);
            var runsOnPullRequests = condition.contains("'PullRequest'") || condition.equals("null");
            if (runsOnPullRequests) {
                assertThat(text).as("stage " + stage.get("stage") + " runs on pull requests")
                        .doesNotContainPattern(PULUMI_UP.pattern()).doesNotContain("deployment=");
                assertThat(text).doesNotContain("platform-infra-deploy-");
            }
        }
        assertThat(PipelineDefinition.reachableText(PipelineDefinition.stage("preview")))
                .contains("azureSubscription=platform-infra-read", "arguments=preview $(stage)");
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
        assertThat(production.toString()).contains("environmentType=production", "environment=platform-infra-production",
                "serviceConnection=platform-infra-deploy-prod");
        assertThat(PipelineDefinition.stage("release_development").toString())
                .contains("environmentType=development", "serviceConnection=platform-infra-deploy-nonprod");
        assertThat(PipelineDefinition.read(PipelineDefinition.ROOT.resolve("docs/pipelines.md")))
                .as("the approval is a check on the environment, set up as the operator guide says")
                .contains("platform-infra-production", "Approvals", "Exclusive Lock");
    }

    @Test
    void everyBuildRunsThePolicyGateOnEveryStageAndPublishesSarifAndJUnit() {
        var build = PipelineDefinition.reachableText(PipelineDefinition.stage("build"));
        assertThat(build).contains("bin/platform-infra check --all", "--sarif", "--junit",
                "testResultsFiles=$(Common.TestResultsDirectory)/platform-infra-policy.xml", "artifact=CodeAnalysisLogs");
        for (var dependent : List.of("preview", "release_development", "drift")) {
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
        var preview = PipelineDefinition.reachableText(PipelineDefinition.stage("preview"));
        assertThat(preview).contains("matrix=$[ stageDependencies.build.build.outputs['stages.matrix'] ]");
        assertThat(PipelineDefinition.reachableText(PipelineDefinition.stage("build")))
                .contains("stages --format matrix");
        var released = PipelineDefinition.stages().stream().map(String::valueOf)
                .filter(text -> text.contains("environmentType="))
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
        assertThat(script).contains("stages=\"$(java -jar \"$jar\" stages --environment-type \"$environment_type\")\"",
                "for stage in $(java -jar \"$jar\" stages); do",
                "pulumi preview --stack \"$stage\" --refresh --diff --json > \"preview-$stage.json\"",
                "pulumi up --stack \"$stage\" --refresh --yes --diff",
                "pulumi refresh --stack \"$stage\" --preview-only --expect-no-changes --diff");
        var login = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/scripts/pulumi-login.sh"));
        assertThat(login).contains("export ARM_USE_OIDC=true", "export ARM_OIDC_TOKEN=\"${idToken:?");
    }

    @Test
    void pulumiPluginsAndMavenAreCachedKeyedOnTheirPinsWithRestoreKeys() {
        var tools = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/steps/tools.yml"));
        assertThat(tools).contains("variable=PULUMI_HOME]$(Pipeline.Workspace)/.pulumi",
                "path: $(Pipeline.Workspace)/.pulumi/plugins", "/platform-infra/pom.xml'", "restoreKeys:");
        var build = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("pipelines/jobs/build.yml"));
        assertThat(build).contains("key: 'maven | \"$(Agent.OS)\" | pom.xml'", "restoreKeys:",
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
        var teardown = PipelineDefinition.load(PipelineDefinition.ROOT.resolve("pipelines/teardown.yml"));
        assertThat(teardown).containsEntry("trigger", "none").containsEntry("pr", "none").doesNotContainKey("schedules");
        assertThat(teardown.toString()).contains("environment=platform-infra-teardown",
                "azureSubscription=platform-infra-deploy-nonprod").doesNotContain("deploy-prod");
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
        assertThat(PipelineDefinition.load(PipelineDefinition.MAIN).get("variables").toString())
                .contains("group=platform-infra-state");
        for (var step : PipelineDefinition.steps()) {
            if ("AzureCLI@2".equals(step.get("task"))) {
                assertThat(String.valueOf(step.get("inputs"))).as("a workload identity service connection")
                        .containsPattern("azureSubscription=(platform-infra-read|platform-infra-deploy-nonprod"
                                + "|\\$\\{\\{ parameters.serviceConnection }})");
            }
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
        PipelineDefinition.steps().stream().filter(step -> "AzureCLI@2".equals(step.get("task"))).forEach(step ->
                assertThat(String.valueOf(step.get("inputs"))).contains("scriptLocation=scriptPath")
                        .doesNotContain("inlineScript"));
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
