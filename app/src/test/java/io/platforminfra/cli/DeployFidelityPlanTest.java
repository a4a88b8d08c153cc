package io.platforminfra.cli;

import io.platforminfra.program.Platform;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.platforminfra.azure.AzureRegions;
import io.platforminfra.azure.AzureTags;
import io.platforminfra.azure.VersionSupport;
import io.platforminfra.azure.VersionSupport.Product;
import io.platforminfra.azure.VersionSupport.Release;
import io.platforminfra.policy.Rules;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StageConfigReader;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploy fidelity of {@code plan}, as a contributor meets it on the command line: what Azure would refuse at
 * creation (versions out of support on the day, zones in a region without them, tag limits, what AKS refuses in a
 * pool) is refused offline, with exit code 2, every problem at once, each naming the stack file, the key, the value
 * and what is accepted, and no plan printed. What Azure accepts is planned the way the deployment needs it.
 */
class DeployFidelityPlanTest {
    private static final String AS_OF = TestDates.AS_OF.toString();
    /** A region without availability zones (AzureRegions). */
    private static final String REGION_WITHOUT_ZONES = "ukwest";

    // --- versions out of support on the run's day --------------------------------------------------------------

    @Test
    void aKubernetesVersionOutOfSupportOnTheDayIsRefusedNamingFileKeyValueAndTheSupportedVersions(@TempDir Path directory) {
        var run = refusedQa(directory,
                dev -> dev.replaceAll("kubernetesVersion: \"[0-9.]+\"", "kubernetesVersion: \"1.33\""));

        var line = lineNaming(run, "platform-infra:cluster.kubernetesVersion");
        var release = VersionSupport.find(Product.KUBERNETES, "1.33").orElseThrow();
        assertThat(release.supportedOn(TestDates.AS_OF)).as("premise: 1.33 is out of support on " + AS_OF).isFalse();
        assertThat(line).startsWith("Pulumi.qa.yaml: ")
                .contains("(value: '1.33')", AS_OF, "left standard support after " + release.lastDayOfSupport(),
                        "(" + String.join(", ", VersionSupport.usableOn(Product.KUBERNETES, TestDates.AS_OF)) + ")");
    }

    @Test
    void aPostgresVersionOutOfSupportOnTheDayIsRefusedNamingFileKeyValueAndTheSupportedVersions(@TempDir Path directory) {
        var run = refusedQa(directory, dev -> withPostgresVersion(dev, "14"));

        var line = lineNaming(run, "platform-infra:database.version");
        var release = VersionSupport.find(Product.POSTGRESQL, "14").orElseThrow();
        assertThat(release.supportedOn(TestDates.AS_OF)).as("premise: 14 is out of support on " + AS_OF).isFalse();
        var usable = VersionSupport.usableOn(Product.POSTGRESQL, TestDates.AS_OF);
        assertThat(usable).isNotEmpty();
        assertThat(line).startsWith("Pulumi.qa.yaml: ")
                .contains("(value: '14')", AS_OF, "left standard support after " + release.lastDayOfSupport(),
                        "(" + String.join(", ", usable) + ")");
    }

    @Test
    void aPostgresVersionThePinnedProviderCannotCreateIsRefusedNamingTheProviderUpgradeItNeeds(@TempDir Path directory) {
        var run = refusedQa(directory, dev -> withPostgresVersion(dev, "16"));

        var line = lineNaming(run, "platform-infra:database.version");
        assertThat(VersionSupport.find(Product.POSTGRESQL, "16").orElseThrow().supportedOn(TestDates.AS_OF))
                .as("premise: Azure supports 16 on " + AS_OF + ", only the provider cannot create it").isTrue();
        assertThat(line).startsWith("Pulumi.qa.yaml: ").contains("(value: '16')", "azure-native 3")
                .doesNotContain("left standard support");
        var documents = java.util.regex.Pattern.compile("docs/[\\w-]+\\.md").matcher(line).results()
                .map(java.util.regex.MatchResult::group).toList();
        assertThat(documents).as("the refusal points to how to upgrade").isNotEmpty()
                .allSatisfy(document -> assertThat(TestProject.REPOSITORY.resolve(document)).exists());
    }

    @Test
    void versionProblemsOfOneFileAreListedTogetherAndTheJsonFormatPrintsNoPlanEither(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> withPostgresVersion(
                dev.replaceAll("kubernetesVersion: \"[0-9.]+\"", "kubernetesVersion: \"1.33\""), "14"),
                "--as-of", AS_OF, "--format", "json");

        assertRefusedWithoutPlan(run);
        assertThat(run.err()).contains("2 problems in Pulumi.qa.yaml",
                "Pulumi.qa.yaml: platform-infra:cluster.kubernetesVersion must ",
                "Pulumi.qa.yaml: platform-infra:database.version must ");
    }

    @Test
    void theRunsDayDecidesTheVerdictOnTheRepositorysOwnStackFiles() {
        var used = repositoryVersions();
        var firstToEnd = firstToEnd(used);
        var lastToStart = used.stream().map(u -> u.release().generalAvailability()).max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(firstToEnd).as("premise: the repository's stages are deployable on the tests' day")
                .isAfterOrEqualTo(TestDates.AS_OF);

        var lastDay = CommandLineRun.of("plan", "--all", "--as-of", firstToEnd.toString());
        assertThat(lastDay.exitCode()).as(lastDay.toString()).isZero();

        var dayAfter = CommandLineRun.of("plan", "--all", "--as-of", firstToEnd.plusDays(1).toString());
        assertRefusedWithoutPlan(dayAfter);
        used.stream().filter(u -> u.release().lastDayOfSupport().equals(firstToEnd)).forEach(u ->
                assertThat(lineNaming(dayAfter, "Pulumi." + u.stage() + ".yaml: " + u.key() + " must "))
                        .contains("(value: '" + u.release().version() + "')",
                                "left standard support after " + firstToEnd));

        var gate = CommandLineRun.of("check", "--all", "--as-of", firstToEnd.plusDays(1).toString());
        assertThat(gate.exitCode()).as("check refuses what plan refuses: " + gate).isEqualTo(2);
        assertThat(gate.err()).contains("left standard support after " + firstToEnd);

        var dayBefore = CommandLineRun.of("plan", "--all", "--as-of", lastToStart.minusDays(1).toString());
        assertRefusedWithoutPlan(dayBefore);
        used.stream().filter(u -> u.release().generalAvailability().equals(lastToStart)).forEach(u ->
                assertThat(lineNaming(dayBefore, "Pulumi." + u.stage() + ".yaml: " + u.key() + " must "))
                        .contains("(value: '" + u.release().version() + "')", "is supported from " + lastToStart));
    }

    @Test
    void sixtyDaysBeforeARepositoryVersionLeavesSupportTheGatePassesWithAdviceNamingVersionAndLastDay() {
        var used = repositoryVersions();
        var lastDay = firstToEnd(used);
        var ending = used.stream().filter(u -> u.release().lastDayOfSupport().equals(lastDay)).toList();
        var day = lastDay.minusDays(60);
        assertThat(VersionSupport.WARNING_DAYS).as("premise: 60 days is inside the warning window").isGreaterThan(60);

        var run = CommandLineRun.of("check", "--all", "--as-of", day.toString());

        assertThat(run.exitCode()).as("advice does not fail the gate: " + run).isZero();
        assertThat(run.out()).contains("ADVICE PI-LIFE-001");
        for (var u : ending) {
            assertThat(run.out()).contains(u.release().product().title() + " " + u.release().version()
                    + " leaves standard support after " + lastDay, "60 days from " + day);
        }

        var beforeTheWindow = CommandLineRun.of("check", "--all", "--as-of",
                lastDay.minusDays(VersionSupport.WARNING_DAYS).toString());
        assertThat(beforeTheWindow.exitCode()).as(beforeTheWindow.toString()).isZero();
        assertThat(beforeTheWindow.out()).doesNotContain("PI-LIFE-001");
    }

    // --- zones in a region without them --------------------------------------------------------------------------

    @Test
    void everyZoneDependentSettingInARegionWithoutZonesIsRefusedNamingKeyAndRegionInOneRun(@TempDir Path directory) {
        assertThat(AzureRegions.of(REGION_WITHOUT_ZONES)).as("premise").get()
                .extracting(AzureRegions.Region::hasZones).isEqualTo(false);
        // Production asks for zonal pools, GZRS, zone-redundant HA and pinned database zones.
        var project = TestProject.in(directory).withRepositoryStage("prod", "prod", prod -> prod
                .replaceAll("azure-native:location: \\w+", "azure-native:location: " + REGION_WITHOUT_ZONES));

        var run = CommandLineRun.of("plan", "--stack", "prod", "--dir", project.dir(), "--as-of", AS_OF);

        assertRefusedWithoutPlan(run);
        for (var key : Map.of(
                "platform-infra:cluster.availabilityZones", "(value: [1, 2, 3])",
                "platform-infra:storage.replication", "(value: 'GZRS')",
                "platform-infra:database.highAvailability", "(value: 'ZoneRedundant')",
                "platform-infra:database.availabilityZone", "(value: '1')",
                "platform-infra:database.standbyAvailabilityZone", "(value: '2')").entrySet()) {
            assertThat(lineNaming(run, "Pulumi.prod.yaml: " + key.getKey() + " must "))
                    .contains(REGION_WITHOUT_ZONES, key.getValue());
        }
    }

    @ParameterizedTest(name = "replication {0}")
    @ValueSource(strings = {"ZRS", "GZRS", "RAGZRS"})
    void zoneRedundantStorageInARegionWithoutZonesIsRefused(String replication, @TempDir Path directory) {
        var run = refusedQa(directory, dev -> inRegionWithoutZones(dev)
                .replaceAll("replication: \\w+", "replication: " + replication));

        assertThat(lineNaming(run, "Pulumi.qa.yaml: platform-infra:storage.replication must "))
                .contains(REGION_WITHOUT_ZONES, "(value: '" + replication + "')");
    }

    @ParameterizedTest(name = "replication {0}")
    @ValueSource(strings = {"LRS", "GRS", "RAGRS"})
    void aStageWithoutZoneDependentSettingsPlansInARegionWithoutZonesAndAsksForNoZone(String replication,
                                                                                      @TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> inRegionWithoutZones(dev)
                .replaceAll("replication: \\w+", "replication: " + replication), "--as-of", AS_OF, "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var plan = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(plan.get("location").getAsString()).isEqualTo(REGION_WITHOUT_ZONES);
        var zones = new ArrayList<String>();
        for (var resource : plan.getAsJsonArray("resources")) {
            zonesAskedFor(resource.getAsJsonObject().get("name").getAsString(),
                    resource.getAsJsonObject().get("inputs"), zones);
        }
        // azure-native sends "" for a flexible server's zone when none is set: that is no zone.
        assertThat(zones).as("zones asked for in a region without zones").isEmpty();
    }

    /** Every non-empty value of an input named like availabilityZone(s), anywhere in {@code inputs}. */
    private static void zonesAskedFor(String resource, JsonElement inputs, List<String> found) {
        if (inputs.isJsonArray()) {
            inputs.getAsJsonArray().forEach(item -> zonesAskedFor(resource, item, found));
        } else if (inputs.isJsonObject()) {
            inputs.getAsJsonObject().entrySet().forEach(entry -> {
                var value = entry.getValue();
                var empty = value.isJsonNull() || value.isJsonArray() && value.getAsJsonArray().isEmpty()
                        || value.isJsonPrimitive() && value.getAsString().isEmpty();
                if (entry.getKey().toLowerCase(java.util.Locale.ROOT).contains("availabilityzone") && !empty) {
                    found.add(resource + "." + entry.getKey() + " = " + value);
                } else {
                    zonesAskedFor(resource, value, found);
                }
            });
        }
    }

    // --- tag limits ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "platform-infra:{0}")
    @ValueSource(strings = {"owner", "costCenter", "repository"})
    void aTagSourceLongerThanAzuresTagValueLimitIsRefusedNamingKeyAndLimit(String key, @TempDir Path directory) {
        var run = refusedQa(directory, dev -> dev
                .replaceAll("(?m)^  platform-infra:" + key + ":.*\\n", "")
                + "  platform-infra:" + key + ": " + "o".repeat(300) + "\n");

        assertThat(AzureTags.MAX_VALUE_LENGTH).isEqualTo(256);
        assertThat(lineNaming(run, "Pulumi.qa.yaml: platform-infra:" + key + " must "))
                .contains("at most 256 characters", "300 characters");
    }

    @Test
    void aTagSourceOfExactlyTheLimitIsAcceptedAndBecomesTheTag(@TempDir Path directory) {
        var longest = "o".repeat(AzureTags.MAX_VALUE_LENGTH);
        var run = CommandLineRun.planOfQa(directory, dev -> dev
                .replaceAll("platform-infra:owner: .*", "platform-infra:owner: " + longest), "--as-of", AS_OF, "--format",
                "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var group = find(JsonParser.parseString(run.out()).getAsJsonObject(), "azure-native:resources:ResourceGroup");
        assertThat(group.getAsJsonObject("inputs").getAsJsonObject("tags").get("owner").getAsString())
                .isEqualTo(longest);
    }

    // --- what AKS needs in a pool ----------------------------------------------------------------------------------

    @Test
    void anAutoscaledUserPoolIsCreatedWithCountMinCountAndLeavesTheCountToTheAutoscaler(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev", dev -> dev
                .replaceFirst("(?m)^(\\s+)minCount: \\d+$", "$1minCount: 3")
                .replaceFirst("(?m)^(\\s+)maxCount: \\d+$", "$1maxCount: 5"));

        var run = CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir(), "--as-of", AS_OF,
                "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var pool = find(JsonParser.parseString(run.out()).getAsJsonObject(), "azure-native:containerservice:AgentPool");
        var inputs = pool.getAsJsonObject("inputs");
        assertThat(inputs.get("enableAutoScaling").getAsBoolean()).isTrue();
        assertThat(inputs.get("count").getAsInt()).as("count is sent, = minCount (pulumi-azure-native#2943)")
                .isEqualTo(3);
        assertThat(inputs.get("minCount").getAsInt()).isEqualTo(3);
        assertThat(inputs.get("maxCount").getAsInt()).isEqualTo(5);
        assertThat(strings(pool.getAsJsonObject("options").getAsJsonArray("ignoreChanges")))
                .as("the autoscaler owns the count after creation").contains("count");
    }

    @Test
    void aSystemPoolVmSizeAksRefusesIsRefusedByThePlanWithTheAzureRuleResourceAndValue(@TempDir Path directory) {
        // Standard_A1_v2 has one vCPU: valid for the stack file, refused by AKS (SystemPoolSkuTooLow).
        var run = refusedQa(directory, dev -> dev
                .replaceFirst("(?m)^(    systemPool:\\n      vmSize: )\\S+$", "$1Standard_A1_v2"));

        assertThat(lineNaming(run, "AZ-AKS-006")).startsWith("Pulumi.qa.yaml: ")
                .contains("cluster-aks", "vmSize", "Standard_A1_v2");
    }

    @Test
    void planningAllStagesListsStackFileProblemsAndAzureRefusalsOfEveryStageInOneRun(@TempDir Path directory) {
        var project = TestProject.in(directory)
                .withRepositoryStage("dev", "dev")
                .withRepositoryStage("dev", "qa",
                        dev -> dev.replaceAll("kubernetesVersion: \"[0-9.]+\"", "kubernetesVersion: \"1.33\""))
                .withRepositoryStage("dev", "uat", dev -> dev
                        .replaceFirst("(?m)^(    systemPool:\\n      vmSize: )\\S+$", "$1Standard_A1_v2"));

        var run = CommandLineRun.of("plan", "--all", "--dir", project.dir(), "--as-of", AS_OF);

        assertRefusedWithoutPlan(run);
        assertThat(lineNaming(run, "Pulumi.qa.yaml: platform-infra:cluster.kubernetesVersion must ")).contains("1.33");
        assertThat(lineNaming(run, "AZ-AKS-006")).startsWith("Pulumi.uat.yaml: ");
        assertThat(run.err()).doesNotContain("Pulumi.dev.yaml");
    }

    // --- production locks and their waiver -------------------------------------------------------------------------

    @Test
    void anActiveWaiverOfTheLockRuleLiftsThatOneLockUntilItExpires(@TempDir Path directory) throws IOException {
        var expires = TestDates.AS_OF.plusDays(30);
        var project = TestProject.in(Files.createDirectories(directory.resolve("waived"))).withRepositoryStage("prod", "prod", prod -> prod
                + "  platform-infra:waivers:\n"
                + "    - rule: " + Rules.LOCK_RULE + "\n"
                + "      resource: database-psql\n"
                + "      reason: \"CHG-4242 delete the orders database, lock lifted for the change\"\n"
                + "      expires: " + expires + "\n");
        var withoutWaiver = TestProject.in(Files.createDirectories(directory.resolve("plain")))
                .withRepositoryStage("prod", "prod");

        var locked = lockNames(plan(withoutWaiver, AS_OF));
        var waived = lockNames(plan(project, AS_OF));
        var lastDay = lockNames(plan(project, expires.toString()));
        var expired = lockNames(plan(project, expires.plusDays(1).toString()));

        assertThat(locked).as("premise: production locks its stateful resources").contains("database-psql-lock")
                .hasSizeGreaterThan(1);
        assertThat(waived).as("only the waived resource's lock is lifted").doesNotContain("database-psql-lock")
                .containsExactlyInAnyOrderElementsOf(locked.stream().filter(n -> !n.equals("database-psql-lock"))
                        .toList());
        assertThat(lastDay).as("the expiry date is the waiver's last day").isEqualTo(waived);
        assertThat(expired).as("after the waiver expires the lock is back").containsExactlyInAnyOrderElementsOf(locked);

        var gate = CommandLineRun.of("check", "--stack", "prod", "--dir", project.dir(), "--as-of", AS_OF);
        assertThat(gate.exitCode()).as("the reviewed waiver lets the gate pass: " + gate).isZero();
        assertThat(gate.out()).containsPattern("WAIVED +" + Rules.LOCK_RULE + ".*database-psql");
    }

    @Test
    void aWaiverOfTheLockRuleLiftsNothingInADevelopmentStageWhichHasNoLocks(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev", dev -> dev
                + "  platform-infra:waivers:\n"
                + "    - rule: " + Rules.LOCK_RULE + "\n"
                + "      resource: database-psql\n"
                + "      reason: \"CHG-4242 nothing to lift here, dev has no locks\"\n"
                + "      expires: " + TestDates.AS_OF.plusDays(30) + "\n");
        var run = CommandLineRun.of("plan", "--stack", "dev", "--dir", project.dir(), "--as-of", AS_OF,
                "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(lockNames(JsonParser.parseString(run.out()).getAsJsonObject())).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A version the repository's stages use, with its row of the version table. */
    private record Used(String stage, String key, Release release) {
    }

    /** The versions the repository's stages run, as the program reads them (stack file value or default). */
    private static List<Used> repositoryVersions() {
        var used = new ArrayList<Used>();
        for (var stage : StackConfiguration.stagesIn(TestProject.REPOSITORY)) {
            var config = StageConfigReader.read(StackConfiguration.load(TestProject.REPOSITORY, stage), TestDates.AS_OF, Platform.SECTIONS);
            used.add(new Used(stage, "platform-infra:cluster.kubernetesVersion",
                    release(Product.KUBERNETES, config.settings(Platform.CLUSTER).getKubernetesVersion())));
            used.add(new Used(stage, "platform-infra:database.version",
                    release(Product.POSTGRESQL, config.settings(Platform.DATABASE).getVersion())));
        }
        assertThat(used).isNotEmpty();
        return used;
    }

    /** The first day after which one of {@code used} is out of support. */
    private static LocalDate firstToEnd(List<Used> used) {
        return used.stream().map(u -> u.release().lastDayOfSupport()).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Release release(Product product, String version) {
        return VersionSupport.find(product, version).orElseThrow(() -> new AssertionError(
                product + " " + version + " used by the repository is not in VersionSupport's table"));
    }

    private static String withPostgresVersion(String stackFile, String version) {
        return stackFile.replaceAll("(?m)^    version: .*\\n", "")
                .replace("  platform-infra:database:\n", "  platform-infra:database:\n    version: \"" + version + "\"\n");
    }

    private static String inRegionWithoutZones(String stackFile) {
        return stackFile.replaceAll("azure-native:location: \\w+", "azure-native:location: " + REGION_WITHOUT_ZONES);
    }

    /**
     * Plans stage qa, the repository's dev stack file changed by {@code edit}, on {@link #AS_OF}: it must be refused
     * without a plan ({@link #assertRefusedWithoutPlan}). Returns the run, for what its refusal names.
     */
    private static CommandLineRun refusedQa(Path directory, UnaryOperator<String> edit) {
        var run = CommandLineRun.planOfQa(directory, edit, "--as-of", AS_OF);
        assertRefusedWithoutPlan(run);
        return run;
    }

    /** Exit code 2, nothing on standard output (no plan), no stack trace. */
    private static void assertRefusedWithoutPlan(CommandLineRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).as("no plan is printed").isEmpty();
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }

    /** The one line of standard error containing {@code text}. */
    private static String lineNaming(CommandLineRun run, String text) {
        var lines = run.err().lines().filter(line -> line.contains(text)).toList();
        assertThat(lines).as("lines naming " + text + " in\n" + run.err()).hasSize(1);
        return lines.get(0);
    }

    private static JsonObject plan(TestProject project, String asOf) {
        var run = CommandLineRun.of("plan", "--stack", "prod", "--dir", project.dir(), "--as-of", asOf,
                "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static List<String> lockNames(JsonObject plan) {
        var names = new ArrayList<String>();
        for (var resource : plan.getAsJsonArray("resources")) {
            if (resource.getAsJsonObject().get("type").getAsString().equals("azure-native:authorization:ManagementLockByScope")) {
                names.add(resource.getAsJsonObject().get("name").getAsString());
            }
        }
        return names;
    }

    private static List<String> strings(JsonArray array) {
        var list = new ArrayList<String>();
        for (JsonElement element : array) {
            list.add(element.getAsString());
        }
        return list;
    }

    private static JsonObject find(JsonObject plan, String type) {
        JsonObject found = null;
        for (var resource : plan.getAsJsonArray("resources")) {
            if (resource.getAsJsonObject().get("type").getAsString().equals(type)) {
                assertThat(found).as("one " + type + " in the plan").isNull();
                found = resource.getAsJsonObject();
            }
        }
        assertThat(found).as("a " + type + " in the plan").isNotNull();
        return found;
    }
}
