package io.platforminfra.structure;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reviewer reads for a value, the same in the plan, the preview comment and the drift summary. */
class ShownValuesTest {
    @Test
    void wholeNumbersFromJsonReadWithoutADecimalPointAndOthersKeepIt() {
        assertThat(ShownValues.text(3.0)).isEqualTo("3");
        assertThat(ShownValues.text(-90.0)).isEqualTo("-90");
        assertThat(ShownValues.text(1.5)).isEqualTo("1.5");
        assertThat(ShownValues.text(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }

    @Test
    void listsAndMapsAreLaidOutInOrderAndAnEmptyTextIsVisible() {
        var map = new LinkedHashMap<String, Object>();
        map.put("count", 2.0);
        map.put("zones", List.of("1", "2"));
        map.put("name", "");
        assertThat(ShownValues.text(map)).isEqualTo("{count: 2, zones: [1, 2], name: \"\"}");
    }

    @Test
    void theMarkersAreTheOnesEveryOutputUses() {
        assertThat(ShownValues.SECRET).isEqualTo(SecretText.MARK).isEqualTo("[secret]");
        assertThat(ShownValues.UNKNOWN).isEqualTo("(known after apply)");
    }
}
