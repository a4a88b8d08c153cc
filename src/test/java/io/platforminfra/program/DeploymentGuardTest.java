package io.platforminfra.program;

import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody applies from a laptop: an update outside the release pipeline stops before registering anything, unless
 * the glass is broken with a logged reason. Previews run anywhere.
 */
class DeploymentGuardTest {
    private static final Map<String, String> LAPTOP = Map.of("USER", "alice", "HOME", "/home/alice");
    private static final Map<String, String> RELEASE = Map.of("TF_BUILD", "True",
            "BUILD_SOURCEBRANCH", "refs/heads/main", DeploymentGuard.RELEASE_VARIABLE, "true");

    private static RunResult run(boolean preview, Map<String, String> environment) {
        var configuration = StackConfiguration.load(StageRuns.PROJECT, "dev");
        return MockedRun.builder().stack("dev").preview(preview)
                .config(configuration.values(), configuration.secretKeys())
                .run(StackProgram.withConfiguredKeys(configuration.values().keySet(), environment, TestDates.AS_OF));
    }

    @Test
    void anUpdateFromALaptopIsRefusedBeforeAnythingIsRegistered() {
        var run = run(false, LAPTOP);
        assertThat(run.result().exceptions()).isEmpty();
        assertThat(run.result().errors()).singleElement().asString()
                .startsWith("Refusing to update stage dev outside the release pipeline")
                .contains(DeploymentGuard.BREAK_GLASS_VARIABLE);
        assertThat(run.customResources()).isEmpty();
    }

    @Test
    void aPreviewFromALaptopIsAllowed() {
        var run = run(true, LAPTOP);
        assertSucceeded(run);
        assertThat(run.customResources()).isNotEmpty();
    }

    @Test
    void theReleasePipelineUpdates() {
        assertSucceeded(run(false, RELEASE));
    }

    @Test
    void aPullRequestBuildIsNotARelease() {
        var pullRequest = new HashMap<>(RELEASE);
        pullRequest.put("BUILD_SOURCEBRANCH", "refs/pull/42/merge");
        assertThat(DeploymentGuard.decide("dev", false, pullRequest)).isInstanceOf(DeploymentGuard.Decision.Refused.class);
        var withoutReleaseJob = new HashMap<>(RELEASE);
        withoutReleaseJob.remove(DeploymentGuard.RELEASE_VARIABLE);
        assertThat(DeploymentGuard.decide("dev", false, withoutReleaseJob))
                .isInstanceOf(DeploymentGuard.Decision.Refused.class);
    }

    @Test
    void breakingTheGlassWithAReasonUpdatesAndLogsWhoAndWhy() {
        var environment = new HashMap<>(LAPTOP);
        environment.put(DeploymentGuard.BREAK_GLASS_VARIABLE, "INC-4711 restore vault network rules");
        assertThat(DeploymentGuard.decide("dev", false, environment)).isEqualTo(new DeploymentGuard.Decision.BrokenGlass(
                "BREAK GLASS: stage dev is being updated outside the release pipeline by alice."
                        + " Reason: INC-4711 restore vault network rules"));
        assertSucceeded(run(false, environment));
    }

    @Test
    void aBreakGlassReasonMustSaySomething() {
        var environment = new HashMap<>(LAPTOP);
        environment.put(DeploymentGuard.BREAK_GLASS_VARIABLE, "  urgent ");
        var decision = DeploymentGuard.decide("dev", false, environment);
        assertThat(decision).isInstanceOf(DeploymentGuard.Decision.Refused.class);
        assertThat(((DeploymentGuard.Decision.Refused) decision).reason())
                .contains("The break-glass reason 'urgent' is too short");
    }
}
