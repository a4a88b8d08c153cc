package io.platforminfra.components.validation;

import com.pulumi.azurenative.storage.enums.SkuName;
import io.platforminfra.components.aks.AksClusterSettings;
import io.platforminfra.components.storage.ObjectStorageSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A closed choice is read from the text a stage writes, and a wrong text is reported with every accepted value, in
 * the order the enum's constants are listed.
 */
class ChoiceTest {

    @Test
    void aWrongValueIsReportedWithEveryAcceptedValueInOrder() {
        var problems = ObjectStorageSettings.builder().replication("XRS").build().problems();
        assertThat(problems).extracting(p -> p.describe(p.field()))
                .containsExactly("replication must be one of LRS, ZRS, GRS, GZRS, RAGRS, RAGZRS (value: 'XRS')");
    }

    @Test
    void theTextAStageWritesIsReadAsAzureNativesConstant() {
        assertThat(ObjectStorageSettings.REPLICATIONS.of("GZRS")).isEqualTo(SkuName.Standard_GZRS);
        assertThat(ObjectStorageSettings.REPLICATIONS.read("Standard_GZRS")).isEmpty();
        assertThat(AksClusterSettings.builder().upgradeChannel("stable").build().upgradesMinorsItself()).isTrue();
        assertThat(AksClusterSettings.builder().upgradeChannel("node-image").build().upgradesMinorsItself()).isFalse();
    }

    @Test
    void aComponentReadsOnlyValidatedText() {
        assertThatThrownBy(() -> ObjectStorageSettings.REPLICATIONS.of("XRS"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("validate the settings first");
    }
}
