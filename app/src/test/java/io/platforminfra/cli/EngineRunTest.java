package io.platforminfra.cli;

import com.google.gson.Gson;
import com.pulumi.Context;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.offline.MockedRun;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.platforminfra.testing.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the real engine the policy gate runs first, with the config the engine passes, and a mandatory violation
 * stops the run before the program registers anything; what the gate passed is what the program deploys.
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
        var exitCode = EngineRun.run(engineEnvironment(project, "prod"), TestDates.CLOCK, program -> programRan.set(true),
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
        var exitCode = EngineRun.run(engineEnvironment(project, "prod"), TestDates.CLOCK, program -> programRan.set(true),
                new PrintWriter(new StringWriter()));
        assertThat(exitCode).isZero();
        assertThat(programRan).isTrue();
    }

    /** The program {@code EngineRun} hands the engine for {@code environment}; fails the test when the gate stops. */
    private static Consumer<Context> programFor(Map<String, String> environment) {
        var handed = new AtomicReference<Consumer<Context>>();
        var err = new StringWriter();
        assertThat(EngineRun.run(environment, TestDates.CLOCK, handed::set, new PrintWriter(err)))
                .as(err.toString()).isZero();
        return handed.get();
    }

    @Test
    void theProgramDeploysTheStageTheGateJudgedAndDoesNotReadTheConfigAgain(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("prod", "prod");
        var program = programFor(engineEnvironment(project, "prod"));

        // Given other config than the gate saw (another owner, a typo that the stack file reader refuses), the
        // program still deploys what the gate judged: it is handed that config and reads none of its own.
        var judged = StackConfiguration.load(Path.of(project.dir()), "prod");
        var other = new HashMap<>(judged.values());
        other.put("platform-infra:owner", "someone-else");
        other.put("platform-infra:clustr", "{}");
        var run = MockedRun.builder().stack("prod").preview(true).config(other, judged.secretKeys()).run(program);

        assertThat(run.succeeded()).as(run.failures()).isTrue();
        assertThat(run.customResources()).isNotEmpty().allSatisfy(resource -> assertThat(
                String.valueOf(resource.input("tags").orElse(""))).doesNotContain("someone-else"));
        assertThat(run.named("platform").orElseThrow().input("tags").orElseThrow())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("owner", judged.values().get("platform-infra:owner"));
    }

    @Test
    void aRefusedStackFileIsReportedByTheProgramAsTheEnginesErrorAndNothingIsRegistered(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("prod", "prod");
        var environment = engineEnvironment(project, "prod");
        environment.put("PULUMI_CONFIG", environment.get("PULUMI_CONFIG")
                .replace("\"platform-infra:costCenter\"", "\"platform-infra:costCentre\""));
        var program = programFor(environment);

        var run = MockedRun.builder().stack("prod").preview(false).run(program);
        assertThat(run.result().exceptions()).isEmpty();
        assertThat(run.result().errors()).singleElement().asString()
                .contains("Pulumi.prod.yaml: platform-infra:costCenter must name the cost center",
                        "platform-infra:costCentre");
        assertThat(run.customResources()).isEmpty();
    }
}
