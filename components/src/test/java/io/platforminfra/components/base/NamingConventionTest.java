package io.platforminfra.components.base;

import io.platforminfra.components.validation.Problem;

import io.platforminfra.azure.AzureResourceType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamingConventionTest {
    private final NamingConvention dev = new NamingConvention("plat", "dev", "westeurope");

    static Stream<AzureResourceType> namedTypes() {
        return Arrays.stream(AzureResourceType.values()).filter(type -> type.naming().isPresent());
    }

    @ParameterizedTest
    @MethodSource("namedTypes")
    void everyNameCarriesAbbreviationStageAndRegionAndIsValidForItsType(AzureResourceType type) {
        var name = dev.name(type);
        var rules = type.naming().orElseThrow();
        assertThat(rules.accepts(name)).as(name).isTrue();
        assertThat(name.replace("-", "")).startsWith(rules.abbreviation() + "platdevweu");
    }

    @Test
    void aTypeThePlatformDoesNotNameIsRefusedRatherThanGivenAMadeUpName() {
        assertThatThrownBy(() -> dev.name(AzureResourceType.SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("azure-native:keyvault:Secret");
    }

    @Test
    void globallyUniqueNamesGetASuffixThatIsStableAndDiffersByStage() {
        assertThat(dev.name(AzureResourceType.VAULT)).isEqualTo("kv-plat-dev-weu-" + dev.uniqueSuffix());
        assertThat(new NamingConvention("plat", "dev", "westeurope").uniqueSuffix()).isEqualTo(dev.uniqueSuffix());
        assertThat(new NamingConvention("plat", "prod", "westeurope").uniqueSuffix()).isNotEqualTo(dev.uniqueSuffix());
        assertThat(dev.name(AzureResourceType.RESOURCE_GROUP)).isEqualTo("rg-plat-dev-weu");
    }

    @Test
    void storageAccountNamesHaveNoHyphens() {
        assertThat(dev.name(AzureResourceType.STORAGE_ACCOUNT)).matches("stplatdevweu[0-9a-f]{4}");
    }

    @Test
    void aStageTooLongForAzuresLimitsIsExplained() {
        var tooLong = new NamingConvention("plat", "integration", "westeurope");
        assertThatThrownBy(() -> tooLong.name(AzureResourceType.VAULT))
                .hasMessageContaining("kv-plat-integration-weu-")
                .hasMessageContaining("3-24 characters")
                .hasMessageContaining("Use a shorter stage name");
        assertThat(tooLong.problems()).extracting(Problem::field).contains("stage");
        assertThat(new NamingConvention("plat", "dev", "atlantis").problems())
                .extracting(Problem::field).containsExactly("region");
    }
}
