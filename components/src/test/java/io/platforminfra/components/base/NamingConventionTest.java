package io.platforminfra.components.base;

import io.platforminfra.components.validation.Problem;

import io.platforminfra.azure.AzureResourceKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamingConventionTest {
    private final NamingConvention dev = new NamingConvention("plat", "dev", "westeurope");

    @ParameterizedTest
    @EnumSource(AzureResourceKind.class)
    void everyNameCarriesAbbreviationStageAndRegionAndIsValidForItsType(AzureResourceKind kind) {
        var name = dev.name(kind);
        assertThat(kind.accepts(name)).as(name).isTrue();
        assertThat(name.replace("-", "")).startsWith(kind.abbreviation() + "platdevweu");
    }

    @Test
    void globallyUniqueNamesGetASuffixThatIsStableAndDiffersByStage() {
        assertThat(dev.name(AzureResourceKind.KEY_VAULT)).isEqualTo("kv-plat-dev-weu-" + dev.uniqueSuffix());
        assertThat(new NamingConvention("plat", "dev", "westeurope").uniqueSuffix()).isEqualTo(dev.uniqueSuffix());
        assertThat(new NamingConvention("plat", "prod", "westeurope").uniqueSuffix()).isNotEqualTo(dev.uniqueSuffix());
        assertThat(dev.name(AzureResourceKind.RESOURCE_GROUP)).isEqualTo("rg-plat-dev-weu");
    }

    @Test
    void storageAccountNamesHaveNoHyphens() {
        assertThat(dev.name(AzureResourceKind.STORAGE_ACCOUNT)).matches("stplatdevweu[0-9a-f]{4}");
    }

    @Test
    void aStageTooLongForAzuresLimitsIsExplained() {
        var tooLong = new NamingConvention("plat", "integration", "westeurope");
        assertThatThrownBy(() -> tooLong.name(AzureResourceKind.KEY_VAULT))
                .hasMessageContaining("kv-plat-integration-weu-")
                .hasMessageContaining("3-24 characters")
                .hasMessageContaining("Use a shorter stage name");
        assertThat(tooLong.problems()).extracting(Problem::field).contains("stage");
        assertThat(new NamingConvention("plat", "dev", "atlantis").problems())
                .extracting(Problem::field).containsExactly("region");
    }
}
