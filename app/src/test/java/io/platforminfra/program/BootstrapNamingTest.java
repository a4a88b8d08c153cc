package io.platforminfra.program;

import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StageConfigReader;

import io.platforminfra.pipelines.NamingScheme;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/bootstrap.sh} creates or prints every name of the naming scheme, built by the same rule as
 * {@link NamingScheme}: checked through the script's own {@code --print-names}, which runs its naming functions and
 * touches nothing.
 */
class BootstrapNamingTest {
    /** What the script says it creates or prints for a ring, by kind, as {@code --print-names} prints it. */
    private static Map<String, List<String>> expected() {
        var names = new LinkedHashMap<String, List<String>>();
        for (var ring : NamingScheme.rings()) {
            names.computeIfAbsent("environment", kind -> new ArrayList<>()).add(NamingScheme.environment(ring));
            names.computeIfAbsent("variable-group", kind -> new ArrayList<>()).add(NamingScheme.variableGroup(ring));
            for (var role : NamingScheme.Role.values()) {
                names.computeIfAbsent("pool", kind -> new ArrayList<>()).add(NamingScheme.pool(ring, role));
                names.computeIfAbsent("identity", kind -> new ArrayList<>()).add(NamingScheme.identity(ring, role));
            }
            names.computeIfAbsent("container", kind -> new ArrayList<>()).add(NamingScheme.stateContainer(ring));
            names.computeIfAbsent("key", kind -> new ArrayList<>()).add(NamingScheme.secretsKey(ring));
        }
        names.get("environment").add(NamingScheme.teardownEnvironment());
        return names;
    }

    private static Map<String, List<String>> printed(BootstrapScript script) {
        var run = script.run("--print-names");
        assertThat(run.exitCode()).as(run.output()).isZero();
        var names = new LinkedHashMap<String, List<String>>();
        for (var row : run.rows(2)) {
            names.computeIfAbsent(row.get(0), kind -> new ArrayList<>()).add(row.get(1));
        }
        return names;
    }

    @Test
    void everyNameOfTheSchemeIsCreatedOrPrintedByTheBootstrapWithTheSameRule() {
        var printed = printed(BootstrapScript.inProject());
        assertThat(printed).isEqualTo(expected());
        assertThat(printed.values().stream().flatMap(List::stream).toList())
                .containsAll(NamingScheme.allNames());
    }

    @Test
    void printingTheNamesNeedsNoOptionAndNoAzureCli() {
        var run = BootstrapScript.inProject().run("--print-names");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).doesNotContain("bootstrap.sh:", "az login");
    }

    @Test
    void aPoolNamedByAnotherRuleIsNoticed() {
        var broken = new BootstrapScript(BootstrapScript.inProject().text().replace(
                "pool_name() { printf 'platform-infra-%s-%s'", "pool_name() { printf 'pi-%s-%s'"));
        assertThat(printed(broken)).isNotEqualTo(expected());
        assertThat(printed(broken).get("identity")).contains("id-pi-production-deploy");
    }

    /** The output's stack file lines name each file's ring by its environment type, as the program reads it. */
    @Test
    void eachStackFileIsGivenTheIdentityAndSubscriptionOfItsOwnRing() throws Exception {
        var ring = BootstrapScript.inProject().function("stack_ring");
        for (var stage : StageRuns.stagesInRepository()) {
            var file = StageRuns.PROJECT.resolve("Pulumi." + stage + ".yaml");
            assertThat(Files.exists(file)).as(file.toString()).isTrue();
            var process = new ProcessBuilder("bash", "-c", ring + "\nstack_ring \"$1\"", "bash", file.toString())
                    .redirectErrorStream(true).start();
            var printed = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(printed).isZero();
            var type = StageConfigReader.read(StackConfiguration.load(StageRuns.PROJECT, stage), TestDates.AS_OF, Platform.SECTIONS)
                    .environmentType();
            assertThat(printed).as(stage).isEqualTo(type.configValue());
        }
    }
}
