package io.platforminfra.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the real engine the stage's name, config and secret keys come from the engine's environment; listing the
 * keys is what finds typos.
 */
class EngineEnvironmentTest {

    @Test
    void theEnginesConfigIsReadAsTheCliPassesIt() {
        var configuration = EngineEnvironment.configuration(Map.of("PULUMI_STACK", "qa",
                "PULUMI_CONFIG", "{\"platform-infra:config:owner\":\"team\",\"azure-native:location\":\"westeurope\","
                        + "\"platform-infra:clustr\":\"{}\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"platform-infra:databaseAdminPassword\"]"));
        assertThat(configuration.stage()).isEqualTo("qa");
        assertThat(configuration.stackFile()).hasToString("Pulumi.qa.yaml");
        // Every key, a typo too, so that the reader can refuse what the program would silently ignore.
        assertThat(configuration.values()).containsOnly(Map.entry("platform-infra:owner", "team"),
                Map.entry("azure-native:location", "westeurope"), Map.entry("platform-infra:clustr", "{}"));
        assertThat(configuration.secretKeys()).containsExactly("platform-infra:databaseAdminPassword");
    }

    @Test
    void theOlderConfigSpellingMeansTheSameKey() {
        assertThat(EngineEnvironment.configuration(Map.of("PULUMI_STACK", "dev",
                "PULUMI_CONFIG", "{\"platform-infra:config:owner\":\"team\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"platform-infra:config:owner\"]")))
                .satisfies(configuration -> {
                    assertThat(configuration.values()).containsOnlyKeys("platform-infra:owner");
                    assertThat(configuration.secretKeys()).containsExactly("platform-infra:owner");
                });
    }

    @Test
    void noConfigMeansNoKeys() {
        for (var config : new String[] {null, " "}) {
            var environment = new java.util.HashMap<String, String>();
            environment.put("PULUMI_STACK", "dev");
            environment.put("PULUMI_CONFIG", config);
            var configuration = EngineEnvironment.configuration(environment);
            assertThat(configuration.values()).as(String.valueOf(config)).isEmpty();
            assertThat(configuration.secretKeys()).as(String.valueOf(config)).isEmpty();
        }
    }
}
