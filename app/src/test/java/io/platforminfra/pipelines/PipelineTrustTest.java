package io.platforminfra.pipelines;

import io.platforminfra.pipelines.NamingScheme.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust rule, checked on the pipelines as Azure DevOps compiles them (templates expanded, parameters substituted,
 * for each ring): every job that runs Pulumi runs on a ring's Managed DevOps Pool and never on a Microsoft-hosted
 * image; pull requests use only {@code -read} pools and never the deploy identity; runs of main use only
 * {@code -deploy} pools; and every pool, environment and variable group named is the naming scheme's.
 */
class PipelineTrustTest {
    /** A job runs the Pulumi CLI when it installs it (steps/tools.yml) or runs a script of the artifact. */
    private static boolean runsPulumi(Map<String, Object> job) {
        var text = String.valueOf(job);
        return text.contains("install-pulumi.sh") || text.contains("bash \"scripts/");
    }

    /** The jobs (job or deployment) of a compiled pipeline, or of one of its stages. */
    private static List<Map<String, Object>> jobs(Object node) {
        var jobs = new ArrayList<Map<String, Object>>();
        PipelineDefinition.eachMap(node, map -> {
            if (map.containsKey("job") || map.containsKey("deployment")) {
                jobs.add(map);
            }
        });
        return jobs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pool(Map<String, Object> job) {
        assertThat(job).as("every job names its pool (there is no pipeline-wide pool): " + job).containsKey("pool");
        return (Map<String, Object>) job.get("pool");
    }

    /** Every pipeline file that Azure DevOps runs, compiled once per ring its parameters allow. */
    private static List<Map<String, Object>> compiledPipelines() {
        var compiled = new ArrayList<Map<String, Object>>();
        compiled.add(PipelineDefinition.expanded(PipelineDefinition.MAIN, Map.of()));
        compiled.add(PipelineDefinition.expanded(PipelineDefinition.TEARDOWN, Map.of("stage", "some-stage")));
        for (var ring : NamingScheme.rings()) {
            compiled.add(PipelineDefinition.expanded(PipelineDefinition.INIT_STAGE,
                    Map.of("stage", "some-stage", "environmentType", ring)));
        }
        return compiled;
    }

    @Test
    void noJobThatRunsPulumiHasAMicrosoftHostedImage() {
        var pulumiJobs = compiledPipelines().stream().flatMap(pipeline -> jobs(pipeline).stream())
                .filter(PipelineTrustTest::runsPulumi).toList();
        // main: 2 previews, 2 releases, 2 drift checks; teardown 1; init-stage 1 per ring.
        assertThat(pulumiJobs).hasSize(9).allSatisfy(job -> assertThat(pool(job)).as(String.valueOf(job))
                .doesNotContainKey("vmImage").containsKey("name"));
        for (var pipeline : compiledPipelines()) {
            assertThat(pipeline).as("no pipeline-wide pool that a job could fall back to").doesNotContainKey("pool");
            for (var job : jobs(pipeline)) {
                if (!runsPulumi(job)) {
                    assertThat(pool(job)).as("a job without Pulumi stays Microsoft-hosted: " + job)
                            .containsEntry("vmImage", "ubuntu-24.04");
                }
            }
        }
    }

    @Test
    void everyPoolEnvironmentAndVariableGroupNamedIsTheNamingSchemesAndOfTheJobsRing() {
        var pools = new TreeSet<String>();
        var environments = new TreeSet<String>();
        var groups = new TreeSet<String>();
        for (var pipeline : compiledPipelines()) {
            for (var job : jobs(pipeline).stream().filter(PipelineTrustTest::runsPulumi).toList()) {
                var pool = String.valueOf(pool(job).get("name"));
                var ring = NamingScheme.rings().stream()
                        .filter(r -> pool.equals(NamingScheme.pool(r, Role.READ))
                                || pool.equals(NamingScheme.pool(r, Role.DEPLOY)))
                        .findFirst().orElseThrow(() -> new AssertionError("pool " + pool + " is not a ring's pool"));
                pools.add(pool);
                var text = String.valueOf(job);
                assertThat(text).as("the job on " + pool + " uses its ring's group and tells its scripts the ring")
                        .contains("group=" + NamingScheme.variableGroup(ring), "PLATFORM_INFRA_RING=" + ring);
                if (job.containsKey("environment")) {
                    var environment = String.valueOf(job.get("environment"));
                    environments.add(environment);
                    assertThat(environment).as("the environment of a job on " + pool)
                            .isIn(NamingScheme.environment(ring), NamingScheme.teardownEnvironment());
                }
            }
            PipelineDefinition.eachMap(pipeline, map -> {
                if (map.containsKey("group")) {
                    groups.add(String.valueOf(map.get("group")));
                }
            });
        }
        var allPools = new TreeSet<String>();
        var allEnvironments = new TreeSet<String>(List.of(NamingScheme.teardownEnvironment()));
        var allGroups = new TreeSet<String>();
        for (var ring : NamingScheme.rings()) {
            allPools.add(NamingScheme.pool(ring, Role.READ));
            allPools.add(NamingScheme.pool(ring, Role.DEPLOY));
            allEnvironments.add(NamingScheme.environment(ring));
            allGroups.add(NamingScheme.variableGroup(ring));
        }
        assertThat(pools).isEqualTo(allPools);
        assertThat(environments).isEqualTo(allEnvironments);
        assertThat(groups).isEqualTo(allGroups);
    }

    @Test
    void pullRequestStagesUseOnlyReadPoolsAndNeverTheDeployIdentity() {
        var pullRequestStages = PipelineDefinition.expandedStages().stream()
                .filter(stage -> String.valueOf(stage.get("condition")).contains("'PullRequest'")).toList();
        assertThat(pullRequestStages).extracting(stage -> stage.get("stage"))
                .containsExactly("preview_development", "preview_production", "comment");
        for (var stage : pullRequestStages) {
            assertThat(String.valueOf(stage)).as(String.valueOf(stage.get("stage")))
                    .doesNotContain("DEPLOY_CLIENT_ID", "-deploy", "deployment=");
            for (var job : jobs(stage).stream().filter(PipelineTrustTest::runsPulumi).toList()) {
                assertThat(String.valueOf(pool(job).get("name"))).endsWith("-read");
                assertThat(String.valueOf(job)).contains("PLATFORM_INFRA_CLIENT_ID=$(READ_CLIENT_ID)");
            }
        }
    }

    @Test
    void runsOfMainRunPulumiOnlyOnDeployPoolsAsTheDeployIdentity() {
        var mainStages = PipelineDefinition.expandedStages().stream()
                .filter(stage -> String.valueOf(stage.get("condition")).contains("refs/heads/main")).toList();
        assertThat(mainStages).extracting(stage -> stage.get("stage")).containsExactly("release_development",
                "release_production", "drift_development", "drift_production");
        var separate = List.of(PipelineDefinition.expanded(PipelineDefinition.TEARDOWN, Map.of("stage", "s")),
                PipelineDefinition.expanded(PipelineDefinition.INIT_STAGE,
                        Map.of("stage", "s", "environmentType", "production")));
        for (var stage : concat(mainStages, separate)) {
            var pulumiJobs = jobs(stage).stream().filter(PipelineTrustTest::runsPulumi).toList();
            assertThat(pulumiJobs).isNotEmpty().allSatisfy(job -> {
                assertThat(String.valueOf(pool(job).get("name"))).endsWith("-deploy");
                assertThat(String.valueOf(job)).contains("PLATFORM_INFRA_CLIENT_ID=$(DEPLOY_CLIENT_ID)")
                        .doesNotContain("READ_CLIENT_ID");
            });
        }
        for (var file : List.of(PipelineDefinition.TEARDOWN, PipelineDefinition.INIT_STAGE)) {
            assertThat(String.valueOf(PipelineDefinition.load(file).get("stages")))
                    .as(file + ": its Pulumi stage runs for main only")
                    .contains("condition=and(succeeded(), eq(variables['Build.SourceBranch'], 'refs/heads/main'))");
        }
    }

    @Test
    void theProductionPreviewIsItsOwnStageOnTheProductionReadPoolAndTheCommentWaitsForBoth() {
        for (var ring : NamingScheme.rings()) {
            var stage = PipelineDefinition.expandedStages().stream()
                    .filter(s -> ("preview_" + ring).equals(s.get("stage"))).findFirst().orElseThrow();
            assertThat(jobs(stage)).singleElement().satisfies(job -> assertThat(pool(job))
                    .isEqualTo(Map.of("name", NamingScheme.pool(ring, Role.READ))));
            assertThat(String.valueOf(stage.get("condition"))).as("skipped when the ring has no stage")
                    .contains("ne(dependencies.build.outputs['build.stages.matrix_" + ring + "'], '{}')");
        }
        var comment = PipelineDefinition.stage("comment");
        assertThat(comment.get("dependsOn")).isEqualTo(List.of("build", "preview_development", "preview_production"));
        assertThat(String.valueOf(comment.get("condition"))).as("also after a preview stage failed or never ran")
                .contains("not(canceled())", "dependencies.build.result").doesNotContain("succeeded()");
    }

    @Test
    void theStageCreationPipelineRunsByHandOnTheChosenRingsDeployPoolIntoItsEnvironment() {
        var raw = PipelineDefinition.load(PipelineDefinition.INIT_STAGE);
        assertThat(raw).containsEntry("trigger", "none").containsEntry("pr", "none").doesNotContainKey("schedules");
        assertThat(String.valueOf(raw.get("parameters"))).contains("name=stage", "name=environmentType",
                "values=" + NamingScheme.rings());
        for (var ring : NamingScheme.rings()) {
            var compiled = PipelineDefinition.expanded(PipelineDefinition.INIT_STAGE,
                    Map.of("stage", "some-stage", "environmentType", ring));
            var init = jobs(compiled).stream().filter(job -> job.containsKey("deployment")).toList();
            assertThat(init).singleElement().satisfies(job -> {
                assertThat(job).containsEntry("environment", NamingScheme.environment(ring));
                assertThat(pool(job)).containsEntry("name", NamingScheme.pool(ring, Role.DEPLOY));
                assertThat(String.valueOf(job)).contains("bash \"scripts/pulumi-stages.sh\" init \"$INIT_STAGE\"",
                        "name=INIT_STAGE, value=some-stage", "publish=$(Pipeline.Workspace)/platform-infra/"
                                + "Pulumi.some-stage.yaml");
            });
        }
    }

    @Test
    void theOperatorGuideStatesEveryNameOfTheSchemeAndWhoMayDoWhat() {
        var guide = PipelineDefinition.read(PipelineDefinition.ROOT.resolve("docs/pipelines.md"));
        assertThat(guide).contains(NamingScheme.allNames()).contains(NamingScheme.teardownEnvironment(),
                "| Identity | Pool | Used by | Roles | Scope |", "Branch control", "Approvals", "Exclusive Lock",
                "Required template");
        for (var ring : NamingScheme.rings()) {
            assertThat(guide).as("the identity table row of each pool identity").containsPattern("\\| `"
                    + NamingScheme.identity(ring, Role.READ) + "` \\| `" + NamingScheme.pool(ring, Role.READ) + "` \\|")
                    .containsPattern("\\| `" + NamingScheme.identity(ring, Role.DEPLOY) + "` \\| `"
                            + NamingScheme.pool(ring, Role.DEPLOY) + "` \\|");
        }
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> first, List<Map<String, Object>> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
