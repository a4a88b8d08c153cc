package io.platforminfra.config;

import io.platforminfra.policy.KeyLocations.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the keys of a stack file are written, from the YAML parser's marks, counted from 1. */
class StackKeyLocationsTest {
    @Test
    void keysListItemsAndFlowMapsAreFoundWhereTheyAreWritten(@TempDir Path directory) throws Exception {
        var file = directory.resolve("Pulumi.qa.yaml");
        Files.writeString(file, "\uFEFF# qa\n"
                + "config:\n"
                + "  platform-infra:storage: {softDeleteDays: 7, replication: LRS}\n"
                + "  cluster:\n"
                + "    skuTier: Free\n"
                + "  platform-infra:waivers:\n"
                + "    - rule: PI-ST-007\n"
                + "      resource: storage-st\n"
                + "    -   rule: PI-AKS-010\n");
        var locations = StackKeyLocations.of(file);
        assertThat(locations.of("config")).contains(new Position(2, 1));
        assertThat(locations.of("platform-infra:storage")).contains(new Position(3, 3));
        assertThat(locations.of("platform-infra:storage.replication")).contains(new Position(3,
                "  platform-infra:storage: {softDeleteDays: 7, replication: LRS}".indexOf("replication") + 1));
        assertThat(locations.of("cluster.skuTier")).contains(new Position(5, 5));
        assertThat(locations.of("platform-infra:waivers[0]")).contains(new Position(7, 7));
        assertThat(locations.of("platform-infra:waivers[1]")).contains(new Position(9, 9));
        assertThat(locations.of("platform-infra:waivers[1].rule")).contains(new Position(9, 9));
        assertThat(locations.of("platform-infra:waivers[2]")).isEmpty();
    }

    @Test
    void aFileThatIsNotYamlIsRefusedByName(@TempDir Path directory) throws Exception {
        var file = directory.resolve("Pulumi.qa.yaml");
        Files.writeString(file, "config: [unclosed\n");
        assertThatThrownBy(() -> StackKeyLocations.of(file)).isInstanceOf(StackFileException.class)
                .hasMessageStartingWith("Pulumi.qa.yaml is not valid YAML");
    }
}
