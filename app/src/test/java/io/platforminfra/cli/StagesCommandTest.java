package io.platforminfra.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stages}: how pipelines find the stages, so that one new stack file joins previews and releases.
 */
class StagesCommandTest {

    @Test
    void stagesAreListedByEnvironmentTypeForTheReleaseRings(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev").withRepositoryStage("dev", "qa")
                .withRepositoryStage("dev", "live", dev -> dev.replace("environmentType: development",
                        "environmentType: production"));
        assertThat(CommandLineRun.of("stages", "--dir", project.dir()).out()).isEqualTo("dev\nlive\nqa\n");
        assertThat(CommandLineRun.of("stages", "--dir", project.dir(), "--environment-type", "development").out())
                .isEqualTo("dev\nqa\n");
        assertThat(CommandLineRun.of("stages", "--dir", project.dir(), "--environment-type", "production").out())
                .isEqualTo("live\n");
    }

    @Test
    void aStackFileWithoutAValidEnvironmentTypeFailsInsteadOfBeingSkipped(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev")
                .withRepositoryStage("dev", "qa", dev -> dev.replace("environmentType: development",
                        "environmentType: staging"));
        var run = CommandLineRun.of("stages", "--dir", project.dir(), "--environment-type", "development");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Pulumi.qa.yaml: platform-infra:environmentType must be one of development,"
                + " production (value: 'staging')");
    }

    @Test
    void anUnknownEnvironmentTypeIsABadInput() {
        var run = CommandLineRun.of("stages", "--environment-type", "prod");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--environment-type must be one of development, production (value: 'prod')");
    }
}
