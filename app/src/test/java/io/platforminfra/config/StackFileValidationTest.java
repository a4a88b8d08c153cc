package io.platforminfra.config;

import io.platforminfra.program.Platform;
import io.platforminfra.program.StackProgram;
import io.platforminfra.program.StageRuns;

import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A bad stack file is refused with every problem at once, each line naming the file, the key, the value and
 * what is accepted, and nothing is registered.
 */
class StackFileValidationTest {

    @Test
    void everyProblemOfTheFileIsListedWithFileKeyValueAndWhatIsAccepted() {
        var run = StageRuns.runWith("dev", Map.of(
                "platform-infra:environmentType", "staging",
                "platform-infra:cluster", "{\"skuTier\":\"Gold\",\"systemPool\":{\"count\":0},"
                        + "\"authorizedIpRanges\":[\"203.0.113.0/24\"],\"adminGroupObjectIds\":[\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"]}",
                "platform-infra:storage", "{\"replication\":\"XRS\"}"));
        assertRejectedBeforeRegistering(run, StackConfigException.class,
                "Pulumi.dev.yaml: platform-infra:environmentType must be one of development, production (value: 'staging')",
                "Pulumi.dev.yaml: platform-infra:cluster.skuTier must be one of Free, Standard, Premium (value: 'Gold')",
                "Pulumi.dev.yaml: platform-infra:cluster.systemPool.count must be between 1 and 100 (value: 0)",
                "Pulumi.dev.yaml: platform-infra:storage.replication must be one of LRS, ZRS, GRS, GZRS, RAGRS, RAGZRS (value: 'XRS')");
    }

    @Test
    void aNumberTooLongForAnyFieldIsRefusedAsThatFieldsValueNotAsAnUnreadableSection() {
        var admins = "\"authorizedIpRanges\":[\"203.0.113.0/24\"],"
                + "\"adminGroupObjectIds\":[\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"]";
        var run = StageRuns.runWith("dev", Map.of("platform-infra:cluster",
                "{\"systemPool\":{\"count\":" + "9".repeat(1001) + "}," + admins + "}"));
        assertRejectedBeforeRegistering(run, StackConfigException.class,
                "Pulumi.dev.yaml: platform-infra:cluster.systemPool.count must be a whole number");
        assertThat(run.result().exceptions().toString()).as("the rest of the section was read")
                .doesNotContain("must be a map of settings", "authorizedIpRanges", "adminGroupObjectIds");
    }

    @Test
    void aListWithAWrongElementKeepsItsDefaultSoNoLaterProblemNamesTheWrongIndex() {
        var run = StageRuns.runWith("dev", Map.of("platform-infra:cluster",
                "{\"namespaces\":[1,\"kube-system\"],\"authorizedIpRanges\":[\"203.0.113.0/24\"],"
                        + "\"adminGroupObjectIds\":[\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"]}"));
        assertRejectedBeforeRegistering(run, StackConfigException.class,
                "Pulumi.dev.yaml: platform-infra:cluster.namespaces[0] must be text (value: 1)");
        assertThat(run.result().exceptions().toString()).doesNotContain("namespaces[0] must not be a reserved");
    }

    @Test
    void aStructuredValueThatCannotBeReadIsRefusedWithoutShowingIt() {
        var problems = new java.util.ArrayList<io.platforminfra.components.validation.Problem>();
        ConfigNode.parse("platform-infra:database", java.util.Optional.of("{\"pasword\": \"hunter2-plain\""), problems);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("platform-infra:database");
            assertThat(problem.toString()).doesNotContain("hunter2-plain");
        });
    }

    @Test
    void theProgramReportsStackFileMistakesAsAnErrorNotAStackTrace() {
        var config = withOverride("platform-infra:owner", null);
        var run = MockedRun.builder().stack("dev").preview(true).config(config, Set.of())
                .run(StackProgram.reading(config.keySet(), TestDates.AS_OF, read -> { }));
        assertThat(run.result().exceptions()).isEmpty();
        assertThat(run.result().errors()).singleElement().asString()
                .contains("Pulumi.dev.yaml: platform-infra:owner must name the team or person answerable for the stage (value: not set)")
                .doesNotContain("at io.platforminfra");
        assertThat(run.customResources()).isEmpty();
    }

    @Test
    void everyRangeKeyRefusesWhatIsNotAnIpv4AddressOrCidrRangeNamingKeyIndexAndValue() {
        var run = StageRuns.runWith("dev", Map.of(
                "platform-infra:cluster", "{\"authorizedIpRanges\":[\"203.0.113.0/24\",\"\",\" \",\"*.*.*.*\"],"
                        + "\"adminGroupObjectIds\":[\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"]}",
                "platform-infra:secretStore", "{\"allowedIpRanges\":[\"0.0.0.0/0.0.0.0\"]}",
                "platform-infra:storage", "{\"allowedIpRanges\":[\"198.51.100.16/28\",\"1.2.3.4/0\"]}"));
        var accepted = "must be an IPv4 address such as 203.0.113.7 or a CIDR range written from its first address such"
                + " as 203.0.113.0/24";
        assertRejectedBeforeRegistering(run, StackConfigException.class,
                "Pulumi.dev.yaml: platform-infra:cluster.authorizedIpRanges[1] " + accepted + " (it is blank) (value: '')",
                "Pulumi.dev.yaml: platform-infra:cluster.authorizedIpRanges[2] " + accepted + " (it is blank) (value: ' ')",
                "Pulumi.dev.yaml: platform-infra:cluster.authorizedIpRanges[3] " + accepted
                        + " (no wildcards or dashed ranges: list each range) (value: '*.*.*.*')",
                "Pulumi.dev.yaml: platform-infra:secretStore.allowedIpRanges[0] " + accepted + " (a prefix length such as"
                        + " /16, not a mask such as 255.255.0.0) (value: '0.0.0.0/0.0.0.0')",
                "Pulumi.dev.yaml: platform-infra:storage.allowedIpRanges[1] " + accepted + ": 1.2.3.4/0 has host bits set"
                        + " after the /0, so it is the range 0.0.0.0/0");
        assertThat(run.result().exceptions().toString()).doesNotContain("authorizedIpRanges[0]", "allowedIpRanges[0] "
                + accepted + ": 198");
    }

    @Test
    void generatedRangesInTheStackFileAreRefusedExactlyWhenTheyAreNotIpv4AddressesOrRanges() {
        var loaded = StackConfiguration.load(StageRuns.PROJECT, "dev");
        var random = new java.util.Random(20261202L);
        var shapes = new String[]{"203.0.113.%d", "203.0.113.%d/24", "203.0.%d.0/24", "%d.0.0.0/8", "0%d.1.2.3",
                "203.0.113.0/%d", "%d.%d.%d.%d", "198.51.100.%d/28", "*.%d.*.*", "203.0.113.0/255.255.%d.0",
                "10.%d", " 203.0.113.%d", "203.0.113.%d-9", "::%d/64"};
        for (int i = 0; i < 300; i++) {
            var range = String.format(shapes[random.nextInt(shapes.length)], random.nextInt(300), random.nextInt(300),
                    random.nextInt(300), random.nextInt(300));
            var key = List.of("platform-infra:secretStore", "platform-infra:storage").get(random.nextInt(2));
            var values = new HashMap<>(loaded.values());
            values.put(key, "{\"allowedIpRanges\":[\"" + range + "\"]}");
            var expectedValid = io.platforminfra.azure.IpRanges.isIpv4AddressOrRange(range);
            try {
                StageConfigReader.read(new StackConfiguration("dev", loaded.stackFile(), values, Set.of()),
                        TestDates.AS_OF, Platform.SECTIONS);
                assertThat(expectedValid).as("[%s] was accepted", range).isTrue();
            } catch (StackConfigException e) {
                assertThat(expectedValid).as("[%s] was refused: %s", range, e.getMessage()).isFalse();
                assertThat(e.getMessage()).as("[%s]", range)
                        .contains("Pulumi.dev.yaml: " + key + ".allowedIpRanges[0] must be an IPv4 address")
                        .contains("(value: '" + range + "')");
                assertThat(e.problems()).as("one problem per bad range").hasSize(1);
            }
        }
    }

    @Test
    void passwordAuthenticationNeedsAnEncryptedPassword() {
        var database = "{\"adminGroupObjectId\":\"0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d\",\"adminGroupName\":\"g\","
                + "\"passwordAuth\":true}";
        assertRejectedBeforeRegistering(StageRuns.runWith("dev", Map.of("platform-infra:database", database)),
                StackConfigException.class, "platform-infra:databaseAdminPassword must be set with `pulumi config set --secret");
        var plain = StageRuns.runWith("dev", Map.of("platform-infra:database", database,
                "platform-infra:databaseAdminPassword", "hunter2-plain"));
        assertRejectedBeforeRegistering(plain, StackConfigException.class,
                "platform-infra:databaseAdminPassword must be encrypted");
        assertThat(plain.result().exceptions().toString()).doesNotContain("hunter2-plain");
    }

    @Test
    void anEncryptedPasswordIsStoredInTheVaultAndNeverShown() {
        var run = StageRuns.run(StageRuns.configurationWith("dev", Map.of(
                "platform-infra:database", "{\"adminGroupObjectId\":\"0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d\","
                        + "\"adminGroupName\":\"g\",\"passwordAuth\":true}",
                "platform-infra:databaseAdminPassword", "correct-horse-battery"),
                Set.of("platform-infra:databaseAdminPassword")), false);
        io.platforminfra.testing.Assertions.assertSucceeded(run);
        var secret = run.single("azure-native:keyvault:Secret");
        assertThat(secret.input("secretName")).contains(Platform.DATABASE_PASSWORD_SECRET);
        assertThat(secret.input("properties.value")).get().isInstanceOf(io.platforminfra.offline.RegisteredResource.Secret.class);
        assertThat(run.resources().toString()).doesNotContain("correct-horse-battery");
        assertThat(run.result().outputs().toString()).doesNotContain("correct-horse-battery");
    }

    @Test
    void aStageNameThatCannotYieldValidAzureNamesIsRefused() {
        var loaded = StackConfiguration.load(StageRuns.PROJECT, "dev");
        var run = StageRuns.run(new StackConfiguration("Integration_1", loaded.stackFile(), loaded.values(),
                loaded.secretKeys()), false);
        assertRejectedBeforeRegistering(run, StackConfigException.class,
                "Pulumi.Integration_1.yaml: stack name must be 2-10 lowercase letters and digits starting with a letter");
    }

    @Test
    void aKeyOfTheProjectThatTheProgramDoesNotReadIsRefusedWithADidYouMean() {
        var run = StageRuns.runWith("dev", Map.of("platform-infra:costCentre", "CC-1", "platform-infra:tags", "{}",
                "kubernetes:context", "docker-desktop"));
        assertRejectedBeforeRegistering(run, StackConfigException.class,
                "Pulumi.dev.yaml: platform-infra:costCentre must be a known key: did you mean 'platform-infra:costCenter'? (value: not shown)",
                "Pulumi.dev.yaml: platform-infra:tags must be a known key (");
        assertThat(run.result().exceptions().toString()).as("keys of other namespaces are not ours to judge")
                .doesNotContain("kubernetes:context");
    }

    /**
     * Stack files with one key set wrong, each with the problems its refusal must name: the file and the key,
     * the value where it may be shown, and what is accepted.
     */
    static Stream<Arguments> oneKeyWrong() {
        return Stream.of(
                arguments("a mistyped key gets a did-you-mean", "platform-infra:database",
                        "{\"adminGroupObjectId\":\"0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d\",\"adminGroupName\":\"g\","
                                + "\"backupRetentionDay\":7}",
                        List.of("platform-infra:database.backupRetentionDay must be a known key: did you mean"
                                + " 'backupRetentionDays'? (value: not shown)")),
                arguments("an unquoted version that YAML reads as a number is explained", "platform-infra:cluster",
                        "{\"kubernetesVersion\":1.3,\"authorizedIpRanges\":[\"203.0.113.0/24\"],"
                                + "\"adminGroupObjectIds\":[\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"]}",
                        List.of("platform-infra:cluster.kubernetesVersion must be text; quote it in the stack file"
                                + " (\"1.3\")")),
                arguments("wrong types are named with their path", "platform-infra:cluster",
                        "{\"userPools\":[{\"name\":\"apps\",\"minCount\":\"two\"}],\"privateCluster\":\"yes\","
                                + "\"adminGroupObjectIds\":\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"}",
                        List.of("platform-infra:cluster.userPools[0].minCount must be a whole number (value: 'two')",
                                "platform-infra:cluster.privateCluster must be true or false (value: 'yes')",
                                "platform-infra:cluster.adminGroupObjectIds must be a list")),
                arguments("a map or a list where a field takes one value is refused saying what it takes",
                        "platform-infra:cluster",
                        "{\"skuTier\":{\"tier\":\"Free\"},\"privateCluster\":[true],\"systemPool\":{\"count\":[1]},"
                                + "\"authorizedIpRanges\":[\"203.0.113.0/24\"],"
                                + "\"adminGroupObjectIds\":[\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"]}",
                        List.of("platform-infra:cluster.skuTier must be text, not a map (value: '{\"tier\":\"Free\"}')",
                                "platform-infra:cluster.privateCluster must be true or false, not a list (value:"
                                        + " '[true]')",
                                "platform-infra:cluster.systemPool.count must be a whole number, not a list (value:"
                                        + " '[1]')")),
                arguments("cluster ranges must not overlap the network", "platform-infra:network",
                        "{\"addressSpace\":\"172.16.0.0/16\"}",
                        List.of("platform-infra:cluster.serviceCidr must not overlap platform-infra:network.addressSpace"
                                + " (172.16.0.0/16)")),
                arguments("an unknown region is refused", "azure-native:location", "atlantis",
                        List.of("Pulumi.dev.yaml: azure-native:location must be an Azure region this platform"
                                + " knows")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneKeyWrong")
    void aStackFileWithOneKeyWrongIsRefused(String behaviour, String key, String value, List<String> problems) {
        var run = StageRuns.runWith("dev", Map.of(key, value));
        assertRejectedBeforeRegistering(run, StackConfigException.class, problems.toArray(String[]::new));
    }

    private static Map<String, String> withOverride(String key, String value) {
        return StageRuns.configurationWith("dev", Collections.singletonMap(key, value)).values();
    }
}
