package io.platforminfra.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar decides between the stack program (under the engine) and the command line (by hand).
 */
class MainTest {
    private static final Map<String, String> ENGINE = Map.of("PULUMI_MONITOR", "127.0.0.1:40123");

    @Test
    void theEngineStartsTheProgramWithoutArgumentsAndWithItsMonitorAddress() {
        assertThat(Main.startedByEngine(new String[0], ENGINE)).isTrue();
    }

    @Test
    void byHandWithoutTheEngineItIsTheCommandLine() {
        assertThat(Main.startedByEngine(new String[0], Map.of())).isFalse();
        assertThat(Main.startedByEngine(new String[0], Map.of("PULUMI_MONITOR", " "))).isFalse();
    }

    @Test
    void aSubcommandAlwaysMeansTheCommandLineEvenInsideAPulumiRun() {
        assertThat(Main.startedByEngine(new String[] {"plan", "--stack", "dev"}, ENGINE)).isFalse();
    }
}
