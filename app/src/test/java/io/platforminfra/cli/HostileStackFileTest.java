package io.platforminfra.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stack files written by a careless user or an attacker, through the jar's command line: ranges that are not
 * ranges, secrets where they may not be or would be echoed, and maps where text belongs. Each is refused with exit 2,
 * one line per problem naming the file, the key, the value (or [secret]) and what is accepted, every problem at
 * once, no stack trace, and nothing planned.
 */
class HostileStackFileTest {
    private static final String CIPHERTEXT = "v1:Zm9vYmFyYmF6:QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

    @Test
    void rangesThatAreNotIpv4AddressesOrRangesAreRefusedWithKeyIndexValueAndWhatIsAccepted(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev
                .replace("      - 198.51.100.16/28               # pipeline agents",
                        "      - \"\"\n      - \" \"\n      - \"*.*.*.*\"")
                .replace("    purgeProtection: false", "    purgeProtection: false\n    allowedIpRanges: [\"0.0.0.0/0.0.0.0\"]")
                .replace("    softDeleteDays: 7", "    softDeleteDays: 7\n    allowedIpRanges: [\"1.2.3.4/0\"]"));
        assertRefused(run);
        var accepted = "must be an IPv4 address such as 203.0.113.7 or a CIDR range written from its first address"
                + " such as 203.0.113.0/24";
        assertThat(run.err()).contains(
                "Pulumi.qa.yaml: platform-infra:cluster.authorizedIpRanges[1] " + accepted + " (it is blank) (value: '')",
                "Pulumi.qa.yaml: platform-infra:cluster.authorizedIpRanges[2] " + accepted + " (it is blank) (value: ' ')",
                "Pulumi.qa.yaml: platform-infra:cluster.authorizedIpRanges[3] " + accepted,
                "(value: '*.*.*.*')",
                "Pulumi.qa.yaml: platform-infra:secretStore.allowedIpRanges[0] " + accepted,
                "(value: '0.0.0.0/0.0.0.0')",
                "Pulumi.qa.yaml: platform-infra:storage.allowedIpRanges[0] " + accepted + ": 1.2.3.4/0 has host bits set",
                "(value: '1.2.3.4/0')");
        assertThat(problemLines(run)).hasSize(5);
    }

    @Test
    void aRangeListThatOpensTheApiServerToTheInternetFailsTheGate(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "qa", dev -> dev
                .replace("      - 203.0.113.0/24                 # office egress", "      - 0.0.0.0/1")
                .replace("      - 198.51.100.16/28               # pipeline agents", "      - 128.0.0.0/1"));
        var run = CommandLineRun.of("check", "--stack", "qa", "--dir", project.dir());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("PI-AKS-004", "0.0.0.0/1, 128.0.0.0/1 together admit");
    }

    @Test
    void aSecretFieldIsShownAsSecretAndItsCiphertextNowhere(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev
                .replace("    adminGroupObjectId: 0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d",
                        "    adminGroupObjectId:\n      secure: " + CIPHERTEXT));
        // Offline the encrypted ID cannot be read, so it is not a GUID: refused, without showing what it is.
        assertRefused(run);
        assertThat(run.err()).contains("Pulumi.qa.yaml: platform-infra:database.adminGroupObjectId must be the object ID"
                + " (a GUID)", "offline an encrypted value cannot be read", "(value: [secret])");
        assertThat(run.toString()).doesNotContain(CIPHERTEXT, "offline-placeholder");
    }

    @Test
    void aSecretFieldOfAValidStageIsPlannedAsSecret(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "qa", dev -> dev
                .replace("    adminGroupName: platform-db-admins-dev", "    adminGroupName:\n      secure: " + CIPHERTEXT));
        for (var format : List.of("text", "json")) {
            var run = CommandLineRun.of("plan", "--stack", "qa", "--dir", project.dir(), "--format", format);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("[secret]").doesNotContain(CIPHERTEXT, "offline-placeholder");
        }
        assertThat(CommandLineRun.of("plan", "--stack", "qa", "--dir", project.dir()).out())
                .containsPattern("principalName += \\[secret]");
        // Only the encrypted field is secret: the rest of the key still reads as itself, so the gate judges as usual.
        var check = CommandLineRun.of("check", "--stack", "qa", "--dir", project.dir());
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.toString()).doesNotContain(CIPHERTEXT, "offline-placeholder");
    }

    @Test
    void aKeyThatBecomesATagMayNotBeSecret(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev
                .replace("platform-infra:owner: platform-team", "platform-infra:owner:\n    secure: " + CIPHERTEXT));
        assertRefused(run);
        assertThat(run.err()).contains("Pulumi.qa.yaml: platform-infra:owner must be plain text, not a secret: it"
                + " becomes the tag 'owner' on every resource, and tags are readable by anyone with Reader on them",
                "(value: [secret])");
        assertThat(run.toString()).doesNotContain(CIPHERTEXT);
    }

    @Test
    void anUnknownKeysValueIsNeverEchoed(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev
                + "  platform-infra:databaseAdminPasword: hunter2-in-plain-text\n");
        assertRefused(run);
        assertThat(run.err()).contains("Pulumi.qa.yaml: platform-infra:databaseAdminPasword must be a known key: did"
                + " you mean 'platform-infra:databaseAdminPassword'? (value: not shown)");
        assertThat(run.toString()).doesNotContain("hunter2");
    }

    @Test
    void aMapOrAListWhereTextBelongsIsRefusedNamingTheKeyAndWhatIsAccepted(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev
                .replace("platform-infra:owner: platform-team", "platform-infra:owner:\n    team: platform")
                .replace("platform-infra:costCenter: CC-4711-DEV", "platform-infra:costCenter: [CC-1, CC-2]")
                .replace("azure-native:location: westeurope", "azure-native:location: [westeurope]")
                .replace("platform-infra:environmentType: development", "platform-infra:environmentType: {a: b}")
                + "  platform-infra:repository:\n    - platform-infra\n");
        assertRefused(run);
        assertThat(run.err()).contains(
                "Pulumi.qa.yaml: platform-infra:owner must be text (the name of the team or person answerable for the"
                        + " stage), not a map (value: '{\"team\":\"platform\"}')",
                "Pulumi.qa.yaml: platform-infra:costCenter must be text (the name of the cost center, such as CC-4711),"
                        + " not a list (value: '[\"CC-1\",\"CC-2\"]')",
                "Pulumi.qa.yaml: azure-native:location must be text (an Azure region such as westeurope), not a list",
                "Pulumi.qa.yaml: platform-infra:environmentType must be text (development or production), not a map",
                "Pulumi.qa.yaml: platform-infra:repository must be text (the name of the repository, such as"
                        + " platform-infra), not a list");
        assertThat(problemLines(run)).as("each problem once").hasSize(5);
    }

    /** Exit 2, problems on standard error, nothing planned, no stack trace. */
    private static void assertRefused(CommandLineRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).as("nothing planned").doesNotContain("resources to create");
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }

    private static List<String> problemLines(CommandLineRun run) {
        return run.err().lines().filter(line -> line.startsWith("Pulumi.qa.yaml: ")).toList();
    }
}
