package io.platforminfra.drift;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ignore list is read strictly: an entry that hides more than meant hides real drift. */
class IgnoreListTest {
    @TempDir
    Path directory;

    private Path file(String yaml) throws IOException {
        return Files.writeString(directory.resolve("drift-ignore.yaml"), yaml);
    }

    @Test
    void theRepositorysIgnoreListIsValid() {
        // Every entry there is reviewed; a broken file would turn every nightly stage into "cannot check".
        var list = IgnoreList.read(Path.of("pipelines", "drift-ignore.yaml"));

        assertThat(list.entries()).allSatisfy(entry -> assertThat(entry.issue().toString())
                .startsWith("https://github.com/"));
    }

    @Test
    void anEntryCoversItsPropertyAndWhatLiesBelowItOfItsTypeOnly() throws IOException {
        var entry = IgnoreList.read(file("""
                ignore:
                  - type: azure-native:containerservice:ManagedCluster
                    property: agentPoolProfiles[*].count
                    issue: https://github.com/pulumi/pulumi-azure-native/issues/1
                    why: the autoscaler owns it
                    expires: 2027-01-31
                """)).entries().get(0);

        assertThat(entry.covers("azure-native:containerservice:ManagedCluster", "agentPoolProfiles[2].count")).isTrue();
        assertThat(entry.covers("azure-native:containerservice:ManagedCluster", "agentPoolProfiles[2].maxCount"))
                .isFalse();
        assertThat(entry.covers("azure-native:containerservice:ManagedCluster", "agentPoolProfiles")).isFalse();
        assertThat(entry.covers("azure-native:containerservice:AgentPool", "agentPoolProfiles[2].count")).isFalse();
        assertThat(entry.activeOn(LocalDate.of(2027, 1, 30))).isTrue();
        assertThat(entry.activeOn(LocalDate.of(2027, 1, 31))).isFalse();
    }

    @Test
    void everyProblemIsNamedAtOnceWithFileEntryKeyAndValue() throws IOException {
        var path = file("""
                ignore:
                  - type: azure-native:storage:StorageAccount
                    property: networkRuleSet.ipRules
                    why: no issue given
                  - type: StorageAccount
                    property: networkRuleSet
                    issue: https://github.com/pulumi/pulumi-azure-native/issues/2
                    why: malformed type
                    owner: someone
                  - type: azure-native:keyvault:Vault
                    property: "[0].x"
                    issue: https://example.com/bug/3
                    why: bad path and issue
                    expires: next year
                  - type: azure-native:storage:StorageAccount
                    property: networkRuleSet.ipRules
                    issue: https://github.com/pulumi/pulumi-azure-native/issues/4
                    why: fine alone
                  - type: azure-native:storage:StorageAccount
                    property: networkRuleSet.ipRules
                    issue: https://github.com/pulumi/pulumi-azure-native/issues/5
                    why: the same pair again
                """);

        assertThatThrownBy(() -> IgnoreList.read(path)).isInstanceOf(IgnoreListException.class)
                .hasMessageContaining(path + ": entry 1: 'issue' is missing, empty or not text; every entry needs the upstream"
                        + " issue")
                .hasMessageContaining(path + ": entry 2: unknown key 'owner'; accepted: type, property, issue, why,"
                        + " expires")
                .hasMessageContaining(path + ": entry 2: 'type' must be a resource type token such as"
                        + " azure-native:storage:StorageAccount (value: 'StorageAccount')")
                .hasMessageContaining(path + ": entry 3: 'property' must be a property path")
                .hasMessageContaining("(value: '[0].x')")
                .hasMessageContaining(path + ": entry 3: 'issue' must be the upstream issue's address")
                .hasMessageContaining("(value: 'https://example.com/bug/3')")
                .hasMessageContaining(path + ": entry 3: 'expires' must be a day, YYYY-MM-DD (value: 'next year')")
                .hasMessageContaining(path + ": entry 5 (azure-native:storage:StorageAccount networkRuleSet.ipRules):"
                        + " given twice")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(7));
    }

    @Test
    void anUnknownTopLevelKeyOrAListThatIsNotOneIsRefused() throws IOException {
        var path = file("ignore: {type: x}\nignored: []\n");

        assertThatThrownBy(() -> IgnoreList.read(path)).hasMessageContaining(path + ": unknown key 'ignored' at the"
                + " top level; the only key is 'ignore'").hasMessageContaining("'ignore' must be a list of entries");
    }

    @Test
    void aFileThatIsNotYamlIsRefusedNamingIt() throws IOException {
        var path = file("ignore: [\n");

        assertThatThrownBy(() -> IgnoreList.read(path)).hasMessageStartingWith(path + ": not valid YAML");
    }
}
