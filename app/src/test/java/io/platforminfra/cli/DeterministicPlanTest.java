package io.platforminfra.cli;

import io.platforminfra.config.StackConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan of a stage is the same on every run and every machine: an input that changed from run to run would be a
 * diff in every real preview, forever.
 */
class DeterministicPlanTest {

    static List<String> stages() {
        return StackConfiguration.stagesIn(TestProject.REPOSITORY);
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void planningAStageTwiceGivesTheSameDocument(String stage) {
        var first = CommandLineRun.of("plan", "--stack", stage, "--format", "json");
        var second = CommandLineRun.of("plan", "--stack", stage, "--format", "json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("stages")
    void aPlanCarriesNothingOfTheMachineItWasMadeOn(String stage) {
        var plan = CommandLineRun.of("plan", "--stack", stage, "--format", "json").out();
        assertThat(plan).doesNotContain(TestProject.REPOSITORY.toString(), System.getProperty("user.home"),
                System.getProperty("user.name") + "@");
    }
}
