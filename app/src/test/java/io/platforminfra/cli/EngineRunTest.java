package io.platforminfra.cli;

import com.google.gson.Gson;
import io.platforminfra.config.StackConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.platforminfra.testing.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the real engine the policy gate runs first, with the config the engine passes, and a mandatory violation
 * stops the run before the program registers anything.
 */
class EngineRunTest {

    /** The environment the Pulumi engine gives the program for {@code stage} of {@code project}. */
    private static Map<String, String> engineEnvironment(TestProject project, String stage) {
        var configuration = StackConfiguration.load(Path.of(project.dir()), stage);
        var environment = new HashMap<String, String>();
        environment.put("PULUMI_MONITOR", "127.0.0.1:40123");
        environment.put("PULUMI_STACK", stage);
        environment.put("PULUMI_CONFIG", new Gson().toJson(configuration.values()));
        environment.put("PULUMI_CONFIG_SECRET_KEYS", new Gson().toJson(configuration.secretKeys()));
        return environment;
    }

    @Test
    void aMandatoryViolationStopsTheRunBeforeTheProgramRegistersAnything(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("prod", "prod",
                prod -> prod.replaceAll("replication: \\w+", "replication: LRS"));
        var programRan = new AtomicBoolean();
        var err = new StringWriter();
        var exitCode = EngineRun.run(engineEnvironment(project, "prod"), TestDates.AS_OF, () -> programRan.set(true),
                new PrintWriter(err));
        assertThat(exitCode).isEqualTo(EngineRun.STOPPED);
        assertThat(programRan).isFalse();
        assertThat(err.toString()).contains("FAIL   PI-ST-007", "The policy gate stopped this run before anything was"
                + " registered");
    }

    @Test
    void aStageThatPassesTheGateRunsTheProgram(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("prod", "prod");
        var programRan = new AtomicBoolean();
        var exitCode = EngineRun.run(engineEnvironment(project, "prod"), TestDates.AS_OF, () -> programRan.set(true),
                new PrintWriter(new StringWriter()));
        assertThat(exitCode).isZero();
        assertThat(programRan).isTrue();
    }

    @Test
    void theEnginesConfigIsReadAsTheCliPassesIt() {
        var configuration = EngineRun.configuration(Map.of("PULUMI_STACK", "qa",
                "PULUMI_CONFIG", "{\"platform-infra:config:owner\":\"team\",\"azure-native:location\":\"westeurope\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"platform-infra:databaseAdminPassword\"]"));
        assertThat(configuration.stage()).isEqualTo("qa");
        assertThat(configuration.stackFile()).hasToString("Pulumi.qa.yaml");
        assertThat(configuration.values()).containsEntry("platform-infra:owner", "team")
                .containsEntry("azure-native:location", "westeurope");
        assertThat(configuration.secretKeys()).containsExactly("platform-infra:databaseAdminPassword");
    }
}
