package io.platforminfra.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the real engine the stack's keys come from {@code PULUMI_CONFIG}; listing them is what finds typos.
 */
class EngineConfigKeysTest {

    @Test
    void keysAreReadFromTheEnginesConfigDocument() {
        var keys = EngineConfigKeys.parse("{\"platform-infra:owner\":\"team\",\"platform-infra:clustr\":\"{}\","
                + "\"azure-native:location\":\"westeurope\"}");
        assertThat(keys).containsExactly("azure-native:location", "platform-infra:clustr", "platform-infra:owner");
    }

    @Test
    void theOlderConfigSpellingMeansTheSameKey() {
        assertThat(EngineConfigKeys.parse("{\"platform-infra:config:owner\":\"team\"}"))
                .containsExactly("platform-infra:owner");
    }

    @Test
    void noConfigMeansNoKeys() {
        assertThat(EngineConfigKeys.parse(null)).isEmpty();
        assertThat(EngineConfigKeys.parse(" ")).isEmpty();
    }
}
