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

import static io.platforminfra.report.CommentTable.row;
import static io.platforminfra.report.CommentTable.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The pull request comment, read by a reviewer: summaries, the table of changed resources and the warnings, for
 * realistic previews of this platform.
 */
class PreviewReportTest {
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");
    /** The comment for each fixture several tests read (PreviewFixtures tells what each holds). */
    private static final String NEW_STAGE = PreviewFixtures.report("dev-new-stage.json");
    private static final String UPDATES = PreviewFixtures.report("dev-updates.json");
    private static final String REPLACEMENTS = PreviewFixtures.report("prod-replacements.json");
    private static final String DATA_LOSS = PreviewFixtures.report("prod-data-loss.json");
    private static final String PROTECT = PreviewFixtures.report("prod-protect.json");

    @Test
    void aNewStageCountsEveryCreateAndHasOneRowPerResource() {
        assertThat(NEW_STAGE).contains("### Stage `dev`", "**11 to create**");
        assertThat(rows(NEW_STAGE)).hasSize(11).allMatch(row -> row.startsWith("| + create |"));
        assertThat(row(NEW_STAGE, "secrets-kv")).contains("`azure-native:keyvault:Vault`");
        assertThat(row(NEW_STAGE, "cluster-aks")).contains("`azure-native:containerservice:ManagedCluster`");
    }

    @Test
    void creatingAProtectedResourceIsNoWarning() {
        assertThat(NEW_STAGE).doesNotContain("Warning");
    }

    @Test
    void anUpdateShowsEachChangedPropertyWithItsOldAndNewValue() {
        assertThat(UPDATES).contains("**5 to update**");
        assertThat(row(UPDATES, "cluster-aks")).contains(
                "`agentPoolProfiles[1].maxCount`: `3` → `5`",
                "`kubernetesVersion`: `1.32` → `1.33`",
                "`tags.owner`: `platform-team` → `platform-sre`");
        assertThat(row(UPDATES, "| `platform` |")).contains("`tags.note` added: ");
    }

    @Test
    void unchangedResourcesAreNeitherCountedNorListed() {
        assertThat(UPDATES).doesNotContain("platform-infra-dev", "same");
        assertThat(rows(UPDATES)).hasSize(5);
    }

    @Test
    void aRotatedSecretStaysASecretOnBothSides() {
        assertThat(row(UPDATES, "secrets-psql-admin")).contains("`properties.value`: `[secret]` → `[secret]`");
    }

    @Test
    void whenTheProviderNamesOnlyATopLevelPropertyTheValuesThatDifferAreShown() {
        assertThat(row(UPDATES, "secrets-kv-diag")).endsWith("| `logs[0].retentionPolicy.days`: `30` → `90` |");
    }

    @Test
    void pipesAndBackticksInValuesCannotBreakTheTable() {
        assertThat(rows(UPDATES)).allSatisfy(row ->
                assertThat(UNESCAPED_PIPE.matcher(row).results().count()).as(row).isEqualTo(5));
        assertThat(row(UPDATES, "database-log-line-prefix")).contains("%m\\|%p\\|%u@%d");
        assertThat(row(UPDATES, "| `platform` |")).contains("rotate \\`psql-admin-password\\` monthly");
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
        assertWarns(REPLACEMENTS, warning.toArray(String[]::new));
    }

    @Test
    void replacingOrDeletingWhatHoldsNoDataIsListedButNotWarned() {
        assertThat(String.join("\n", warningBlock(REPLACEMENTS))).contains("5 resources need a careful look")
                .doesNotContain("network-nsg", "network-nodes");
        assertThat(row(REPLACEMENTS, "network-nsg")).startsWith("| +- replace |")
                .contains("`networkSecurityGroupName`: `nsg-plat-prod` → `nsg-plat-prod-weu` (forces replacement)");
        assertThat(row(REPLACEMENTS, "network-nodes")).startsWith("| ~ update |");
    }

    @Test
    void aDeletedBlobContainerIsWarnedWithItsBlobs() {
        assertWarns(REPLACEMENTS, "**delete** `storage-container-tmp` (`azure-native:storage:BlobContainer`): deletes"
                + " the blob container with all its blobs");
        assertThat(row(REPLACEMENTS, "storage-container-tmp")).startsWith("| - delete |");
    }

    @Test
    void replacingTheResourceGroupIsWarnedAsTheWholeStage() {
        assertWarns(DATA_LOSS, "**replace** `resource-group`",
                "deletes the existing resource group with every resource in it (the whole stage)",
                "forced by `location`, `resourceGroupName`");
    }

    @Test
    void deletingTheLogAnalyticsWorkspaceOrTheNetworkIsWarned() {
        assertWarns(DATA_LOSS, "**delete** `monitoring-log`", "Log Analytics workspace with its logs");
        assertWarns(DATA_LOSS, "**delete** `network-vnet`",
                "`azure-native:network:VirtualNetwork`", "virtual network with its subnets");
    }

    @Test
    void anIdentityIsWarnedWhenFederatedCredentialsNameItAndOnlyThen() {
        assertWarns(DATA_LOSS, "**delete** `cluster-orders-identity`",
                "managed identity with the client ID its federated workloads log in with");
        // Replaced with its federated credential, which names it only after apply: the old name counts.
        assertWarns(DATA_LOSS, "**replace** `cluster-billing-identity`",
                "managed identity with the client ID", "forced by `resourceName`");
        assertThat(String.join("\n", warningBlock(DATA_LOSS))).doesNotContain("cluster-scratch-identity",
                "-federation");
        assertThat(row(DATA_LOSS, "cluster-scratch-identity")).startsWith("| - delete |");
    }

    @Test
    void statefulTypesUnderAnExplicitApiVersionAreWarnedLikeTheDefaultToken() {
        assertWarns(DATA_LOSS, "**delete** `reporting-psql`",
                "`azure-native:dbforpostgresql/v20221201:Server`", "PostgreSQL server with all its databases");
        assertWarns(DATA_LOSS, "**replace** `audit-kv`",
                "`azure-native:keyvault/v20230701:Vault`", "key vault with its keys", "forced by `vaultName`");
        assertThat(String.join("\n", warningBlock(DATA_LOSS))).contains("7 resources need a careful look");
    }

    @Test
    void aReplacementListedAsThreeStepsIsCountedAndShownOnce() {
        assertThat(REPLACEMENTS).contains("**1 to update, 3 to replace, 3 to delete**");
        assertThat(rows(REPLACEMENTS)).filteredOn(row -> row.contains("`database-psql`")).hasSize(1);
        assertThat(row(REPLACEMENTS, "database-psql"))
                .contains("`serverName`: `psql-plat-prod-weu` → `psql-plat-prod-weu-9f3a` (forces replacement)");
    }

    @Test
    void aValueKnownOnlyAfterApplySaysSo() {
        assertThat(row(REPLACEMENTS, "network-nodes")).contains("`networkSecurityGroup.id`: `/subscriptions/")
                .endsWith("→ `(known after apply)` |");
    }

    @Test
    void switchingProtectOffIsAWarningEvenWhenNothingElseChanges() {
        assertWarns(PROTECT, "`secrets-kv` (`azure-native:keyvault:Vault`): `protect` is switched off");
        assertThat(rows(PROTECT)).noneMatch(row -> row.contains("secrets-kv"));
    }

    @Test
    void switchingProtectOnIsAWarningToo() {
        assertWarns(PROTECT, "**update** `storage-st`", "`protect` is switched on");
        assertThat(String.join("\n", warningBlock(PROTECT))).doesNotContain("monitoring-log");
    }

    @Test
    void aStageWithoutChangesSaysSoAndHasNoTable() {
        assertThat(PreviewFixtures.report("dev-no-changes.json")).contains("### Stage `dev`", "**No changes.**")
                .doesNotContain("| Change |", "Warning");
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

    /** Asserts that one line of the warning blocks of {@code comment} contains every one of {@code parts}. */
    private static void assertWarns(String comment, String... parts) {
        assertThat(warningBlock(comment)).anySatisfy(line -> assertThat(line).contains(parts));
    }

    /** The lines of the warning blocks. */
    private static List<String> warningBlock(String report) {
        return Arrays.stream(report.split("\n")).filter(line -> line.startsWith(">")).toList();
    }
}
