package io.platforminfra.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The pull request comment, read by a reviewer: summaries, the table of changed resources and the warnings, for
 * realistic previews of this platform.
 */
class PreviewReportTest {
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    @Test
    void aNewStageCountsEveryCreateAndHasOneRowPerResource() {
        var report = PreviewFixtures.report("dev-new-stage.json");

        assertThat(report).contains("### Stage `dev`", "**11 to create**");
        assertThat(tableRows(report)).hasSize(11).allMatch(row -> row.startsWith("| + create |"));
        assertThat(row(report, "secrets-kv")).contains("`azure-native:keyvault:Vault`");
        assertThat(row(report, "cluster-aks")).contains("`azure-native:containerservice:ManagedCluster`");
    }

    @Test
    void creatingAProtectedResourceIsNoWarning() {
        var report = PreviewFixtures.report("dev-new-stage.json");

        assertThat(report).doesNotContain("Warning");
    }

    @Test
    void anUpdateShowsEachChangedPropertyWithItsOldAndNewValue() {
        var report = PreviewFixtures.report("dev-updates.json");

        assertThat(report).contains("**5 to update**");
        assertThat(row(report, "cluster-aks")).contains(
                "`agentPoolProfiles[1].maxCount`: `3` → `5`",
                "`kubernetesVersion`: `1.32` → `1.33`",
                "`tags.owner`: `platform-team` → `platform-sre`");
        assertThat(row(report, "| `platform` |")).contains("`tags.note` added: ");
    }

    @Test
    void unchangedResourcesAreNeitherCountedNorListed() {
        var report = PreviewFixtures.report("dev-updates.json");

        assertThat(report).doesNotContain("platform-infra-dev", "same");
        assertThat(tableRows(report)).hasSize(5);
    }

    @Test
    void aRotatedSecretStaysASecretOnBothSides() {
        var report = PreviewFixtures.report("dev-updates.json");

        assertThat(row(report, "secrets-psql-admin")).contains("`properties.value`: `[secret]` → `[secret]`");
    }

    @Test
    void whenTheProviderNamesOnlyATopLevelPropertyTheValuesThatDifferAreShown() {
        var report = PreviewFixtures.report("dev-updates.json");

        assertThat(row(report, "secrets-kv-diag")).endsWith("| `logs[0].retentionPolicy.days`: `30` → `90` |");
    }

    @Test
    void pipesAndBackticksInValuesCannotBreakTheTable() {
        var report = PreviewFixtures.report("dev-updates.json");

        assertThat(tableRows(report)).allSatisfy(row ->
                assertThat(UNESCAPED_PIPE.matcher(row).results().count()).as(row).isEqualTo(5));
        assertThat(row(report, "database-log-line-prefix")).contains("%m\\|%p\\|%u@%d");
        assertThat(row(report, "| `platform` |")).contains("rotate \\`psql-admin-password\\` monthly");
    }

    /** Replacements and deletions in prod-replacements.json that lose data, with what their warning line names. */
    static Stream<Arguments> dataLossWarnings() {
        return Stream.of(
                arguments("a replaced database gets a warning naming what forces the replacement",
                        List.of("**replace** `database-psql`", "`azure-native:dbforpostgresql:Server`",
                                "PostgreSQL server with all its databases", "forced by `serverName`")),
                arguments("a replaced storage account gets a warning also without a detailed diff",
                        List.of("**replace** `storage-st`", "storage account with all its blobs", "forced by `kind`")),
                arguments("a deleted node pool gets a warning",
                        List.of("**delete** `cluster-pool-batch`", "`azure-native:containerservice:AgentPool`",
                                "node pool")),
                arguments("a deleted protected database is warned for both reasons",
                        List.of("**delete** `database-db-legacy`", "PostgreSQL database with its data",
                                "it is protected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataLossWarnings")
    void aChangeThatLosesDataGetsAWarning(String behaviour, List<String> warning) {
        var warnings = warningBlock(PreviewFixtures.report("prod-replacements.json"));

        assertThat(warnings).anySatisfy(line -> assertThat(line).contains(warning.toArray(String[]::new)));
    }

    @Test
    void replacingOrDeletingWhatHoldsNoDataIsListedButNotWarned() {
        var report = PreviewFixtures.report("prod-replacements.json");

        assertThat(String.join("\n", warningBlock(report))).contains("5 resources need a careful look")
                .doesNotContain("network-nsg", "network-nodes");
        assertThat(row(report, "network-nsg")).startsWith("| +- replace |")
                .contains("`networkSecurityGroupName`: `nsg-plat-prod` → `nsg-plat-prod-weu` (forces replacement)");
        assertThat(row(report, "network-nodes")).startsWith("| ~ update |");
    }

    @Test
    void aDeletedBlobContainerIsWarnedWithItsBlobs() {
        var report = PreviewFixtures.report("prod-replacements.json");

        assertThat(warningBlock(report)).anySatisfy(line -> assertThat(line).contains(
                "**delete** `storage-container-tmp` (`azure-native:storage:BlobContainer`): deletes the blob container"
                        + " with all its blobs"));
        assertThat(row(report, "storage-container-tmp")).startsWith("| - delete |");
    }

    @Test
    void replacingTheResourceGroupIsWarnedAsTheWholeStage() {
        var warnings = warningBlock(PreviewFixtures.report("prod-data-loss.json"));

        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("**replace** `resource-group`",
                "deletes the existing resource group with every resource in it (the whole stage)",
                "forced by `location`, `resourceGroupName`"));
    }

    @Test
    void deletingTheLogAnalyticsWorkspaceOrTheNetworkIsWarned() {
        var warnings = warningBlock(PreviewFixtures.report("prod-data-loss.json"));

        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("**delete** `monitoring-log`",
                "Log Analytics workspace with its logs"));
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("**delete** `network-vnet`",
                "`azure-native:network:VirtualNetwork`", "virtual network with its subnets"));
    }

    @Test
    void anIdentityIsWarnedWhenFederatedCredentialsNameItAndOnlyThen() {
        var report = PreviewFixtures.report("prod-data-loss.json");
        var warnings = warningBlock(report);

        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("**delete** `cluster-orders-identity`",
                "managed identity with the client ID its federated workloads log in with"));
        // Replaced with its federated credential, which names it only after apply: the old name counts.
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("**replace** `cluster-billing-identity`",
                "managed identity with the client ID", "forced by `resourceName`"));
        assertThat(String.join("\n", warnings)).doesNotContain("cluster-scratch-identity", "-federation");
        assertThat(row(report, "cluster-scratch-identity")).startsWith("| - delete |");
    }

    @Test
    void statefulTypesUnderAnExplicitApiVersionAreWarnedLikeTheDefaultToken() {
        var warnings = warningBlock(PreviewFixtures.report("prod-data-loss.json"));

        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("**delete** `reporting-psql`",
                "`azure-native:dbforpostgresql/v20221201:Server`", "PostgreSQL server with all its databases"));
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("**replace** `audit-kv`",
                "`azure-native:keyvault/v20230701:Vault`", "key vault with its keys", "forced by `vaultName`"));
        assertThat(String.join("\n", warnings)).contains("7 resources need a careful look");
    }

    @Test
    void aReplacementListedAsThreeStepsIsCountedAndShownOnce() {
        var report = PreviewFixtures.report("prod-replacements.json");

        assertThat(report).contains("**1 to update, 3 to replace, 3 to delete**");
        assertThat(tableRows(report)).filteredOn(row -> row.contains("`database-psql`")).hasSize(1);
        assertThat(row(report, "database-psql"))
                .contains("`serverName`: `psql-plat-prod-weu` → `psql-plat-prod-weu-9f3a` (forces replacement)");
    }

    @Test
    void aValueKnownOnlyAfterApplySaysSo() {
        var report = PreviewFixtures.report("prod-replacements.json");

        assertThat(row(report, "network-nodes")).contains("`networkSecurityGroup.id`: `/subscriptions/")
                .endsWith("→ `(known after apply)` |");
    }

    @Test
    void switchingProtectOffIsAWarningEvenWhenNothingElseChanges() {
        var report = PreviewFixtures.report("prod-protect.json");

        assertThat(warningBlock(report)).anySatisfy(line -> assertThat(line)
                .contains("`secrets-kv` (`azure-native:keyvault:Vault`): `protect` is switched off"));
        assertThat(tableRows(report)).noneMatch(row -> row.contains("secrets-kv"));
    }

    @Test
    void switchingProtectOnIsAWarningToo() {
        var report = PreviewFixtures.report("prod-protect.json");

        assertThat(warningBlock(report)).anySatisfy(line -> assertThat(line)
                .contains("**update** `storage-st`", "`protect` is switched on"));
        assertThat(String.join("\n", warningBlock(report))).doesNotContain("monitoring-log");
    }

    @Test
    void aStageWithoutChangesSaysSoAndHasNoTable() {
        var report = PreviewFixtures.report("dev-no-changes.json");

        assertThat(report).contains("### Stage `dev`", "**No changes.**").doesNotContain("| Change |", "Warning");
    }

    @Test
    void everyStageHasItsOwnSectionInTheOrderGiven() {
        var report = PreviewFixtures.report("prod-replacements.json", "dev-updates.json");

        assertThat(report.indexOf("### Stage `prod`")).isPositive().isLessThan(report.indexOf("### Stage `dev`"));
        assertThat(report.split("\\| Change \\|", -1)).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-new-stage.json", "prod-replacements.json"})
    void theUnknownSentinelIsNeverPrinted(String fixture) throws IOException {
        assertThat(Files.readString(PreviewFixtures.file(fixture))).contains(PreviewReader.UNKNOWN_SENTINEL);

        assertThat(PreviewFixtures.report(fixture)).doesNotContain(PreviewReader.UNKNOWN_SENTINEL);
    }

    /** The rows of the changed-resources tables, without header and separator. */
    private static List<String> tableRows(String report) {
        return Arrays.stream(report.split("\n"))
                .filter(line -> line.startsWith("| ") && !line.startsWith("| Change |") && !line.startsWith("| ---"))
                .toList();
    }

    /** The one table row that contains {@code text}. */
    private static String row(String report, String text) {
        var rows = tableRows(report).stream().filter(line -> line.contains(text)).toList();
        assertThat(rows).as("rows with " + text + " in\n" + report).hasSize(1);
        return rows.get(0);
    }

    /** The lines of the warning blocks. */
    private static List<String> warningBlock(String report) {
        return Arrays.stream(report.split("\n")).filter(line -> line.startsWith(">")).toList();
    }
}
