package io.platforminfra.drift;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How one stage is classified from its refresh and preview runs. */
class DriftCheckTest {
    private static final String STORAGE = "azure-native:storage:StorageAccount";
    private static final String CLUSTER = "azure-native:containerservice:ManagedCluster";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final String ISSUE = "https://github.com/pulumi/pulumi-azure-native/issues/1";

    @TempDir
    Path directory;

    /** The ip rules of storage accounts are ignored; so is every node pool's count, until the end of 2026. */
    private IgnoreList ignoreList() throws IOException {
        return IgnoreList.read(Files.writeString(directory.resolve("drift-ignore.yaml"), """
                ignore:
                  - type: azure-native:storage:StorageAccount
                    property: networkRuleSet.ipRules
                    issue: %s
                    why: returned in another order
                  - type: azure-native:containerservice:ManagedCluster
                    property: agentPoolProfiles[*].count
                    issue: %s
                    why: the autoscaler owns it
                    expires: 2026-12-31
                """.formatted(ISSUE, ISSUE)));
    }

    private PulumiRun run(String name, Digest digest, int exitCode) {
        return new PulumiRun(digest.write(directory.resolve(name + ".json")), exitCode, Optional.empty());
    }

    private PulumiRun cleanPreview() {
        return run("preview", Digest.of("dev").same(STORAGE, "logs-sa").same(CLUSTER, "aks"), 0);
    }

    private StageResult check(PulumiRun refresh, PulumiRun preview) throws IOException {
        return DriftCheck.check("dev", refresh, preview, ignoreList(), DAY);
    }

    private static String rules(String... addresses) {
        var rules = new StringBuilder("{\"networkRuleSet\": {\"defaultAction\": \"Deny\", \"ipRules\": [");
        for (var i = 0; i < addresses.length; i++) {
            rules.append(i == 0 ? "" : ",").append("{\"iPAddressOrRange\": \"").append(addresses[i]).append("\"}");
        }
        return rules.append("]}}").toString();
    }

    @Test
    void aStageWhereNothingChangedIsClean() throws IOException {
        var result = check(run("refresh", Digest.of("dev").unchanged(STORAGE, "logs-sa"), 0), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.CLEAN);
        assertThat(result.text()).startsWith("Stage dev: clean\n").doesNotContain("##vso");
    }

    @Test
    void aChangeOnlyInAnIgnoredPropertyIsCleanAndReportedAsIgnored() throws IOException {
        var refresh = Digest.of("dev").update(STORAGE, "logs-sa", rules("10.0.0.1", "10.0.0.2"),
                rules("10.0.0.2", "10.0.0.1"), "networkRuleSet.ipRules");

        var result = check(run("refresh", refresh, DriftCheck.CHANGES_PROPOSED), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.CLEAN);
        assertThat(result.ignored()).extracting(StageResult.IgnoredChange::property)
                .containsExactly("networkRuleSet.ipRules[0].iPAddressOrRange",
                        "networkRuleSet.ipRules[1].iPAddressOrRange");
        assertThat(result.text()).contains("ignored").contains("entry 1 (" + STORAGE + " networkRuleSet.ipRules)")
                .contains(ISSUE);
    }

    @Test
    void anIgnoredPropertyHidesOnlyItselfNotTheRealChangeBesideIt() throws IOException {
        var before = "{\"networkRuleSet\": {\"defaultAction\": \"Deny\", \"ipRules\": [{\"iPAddressOrRange\": \"10.0.0.1\"}]}}";
        var after = "{\"networkRuleSet\": {\"defaultAction\": \"Allow\", \"ipRules\": [{\"iPAddressOrRange\": \"10.0.0.9\"}]}}";
        var refresh = Digest.of("dev").update(STORAGE, "logs-sa", before, after, "networkRuleSet.defaultAction",
                "networkRuleSet.ipRules");

        var result = check(run("refresh", refresh, DriftCheck.CHANGES_PROPOSED), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.DRIFT);
        assertThat(result.drift()).singleElement().satisfies(finding -> {
            assertThat(finding.name()).isEqualTo("logs-sa");
            assertThat(finding.properties()).containsExactly("networkRuleSet.defaultAction");
        });
        assertThat(result.ignored()).extracting(StageResult.IgnoredChange::property)
                .containsExactly("networkRuleSet.ipRules[0].iPAddressOrRange");
        assertThat(result.text()).contains("~ " + STORAGE + " logs-sa: networkRuleSet.defaultAction")
                .contains("##vso[task.logissue type=error;code=drift-drift]Stage dev drift: 1 resource(s)");
    }

    @Test
    void aDeletedResourceOfATypeWithIgnoredPropertiesIsStillDrift() throws IOException {
        var refresh = Digest.of("dev").delete(STORAGE, "logs-sa");

        var result = check(run("refresh", refresh, DriftCheck.CHANGES_PROPOSED), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.DRIFT);
        assertThat(result.ignored()).isEmpty();
        assertThat(result.text()).contains("- " + STORAGE + " logs-sa (delete)");
    }

    @Test
    void aReplacementForAnIgnoredPropertyIsStillDrift() throws IOException {
        var refresh = Digest.of("dev").replace(STORAGE, "logs-sa", rules("10.0.0.1"), rules("10.0.0.2"),
                "networkRuleSet.ipRules");

        var result = check(run("refresh", refresh, DriftCheck.CHANGES_PROPOSED), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.DRIFT);
        assertThat(result.ignored()).isEmpty();
    }

    @Test
    void theSamePropertyOfAnotherTypeIsNotIgnored() throws IOException {
        var refresh = Digest.of("dev").update("azure-native:keyvault:Vault", "kv", rules("10.0.0.1"),
                rules("10.0.0.2"), "networkRuleSet.ipRules");

        var result = check(run("refresh", refresh, DriftCheck.CHANGES_PROPOSED), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.DRIFT);
    }

    @Test
    void aWildcardEntryCoversEveryPoolUntilItExpires() throws IOException {
        var refresh = Digest.of("dev").update(CLUSTER, "aks",
                "{\"agentPoolProfiles\": [{\"name\": \"system\", \"count\": 2}, {\"name\": \"user\", \"count\": 3}]}",
                "{\"agentPoolProfiles\": [{\"name\": \"system\", \"count\": 3}, {\"name\": \"user\", \"count\": 5}]}",
                "agentPoolProfiles[0].count", "agentPoolProfiles[1].count");
        var refreshRun = run("refresh", refresh, DriftCheck.CHANGES_PROPOSED);

        var before = DriftCheck.check("dev", refreshRun, cleanPreview(), ignoreList(), LocalDate.of(2026, 12, 30));
        var after = DriftCheck.check("dev", refreshRun, cleanPreview(), ignoreList(), LocalDate.of(2026, 12, 31));

        assertThat(before.outcomes()).containsExactly(Outcome.CLEAN);
        assertThat(after.outcomes()).containsExactly(Outcome.DRIFT);
        assertThat(after.expired()).extracting(IgnoreEntry::number).containsExactly(2);
        assertThat(after.text()).contains("entry 2 (" + CLUSTER + " agentPoolProfiles[*].count) expired on 2026-12-31");
    }

    @Test
    void aMergedChangeNeverReleasedIsUnapplied() throws IOException {
        var preview = Digest.of("dev").update(STORAGE, "logs-sa", "{\"minimumTlsVersion\": \"TLS1_0\"}",
                "{\"minimumTlsVersion\": \"TLS1_2\"}", "minimumTlsVersion").create("azure-native:storage:BlobContainer",
                "audit");

        var result = check(run("refresh", Digest.of("dev").unchanged(STORAGE, "logs-sa"), 0),
                run("preview", preview, DriftCheck.CHANGES_PROPOSED));

        assertThat(result.outcomes()).containsExactly(Outcome.UNAPPLIED);
        assertThat(result.text()).contains("+ azure-native:storage:BlobContainer audit (create)")
                .contains("code=drift-unapplied]Stage dev unapplied: 2 resource(s) would change on release");
    }

    @Test
    void theIgnoreListDoesNotHideWhatThePreviewWouldChange() throws IOException {
        var preview = Digest.of("dev").update(STORAGE, "logs-sa", rules("10.0.0.1"), rules("10.0.0.2"),
                "networkRuleSet.ipRules");

        var result = check(run("refresh", Digest.of("dev").unchanged(STORAGE, "logs-sa"), 0),
                run("preview", preview, DriftCheck.CHANGES_PROPOSED));

        assertThat(result.outcomes()).containsExactly(Outcome.UNAPPLIED);
    }

    @Test
    void noJsonAndAnAuthenticationErrorIsCannotCheckWithTheError() throws IOException {
        var json = Files.writeString(directory.resolve("refresh.json"), "");
        var log = Files.writeString(directory.resolve("refresh.log"), """
                warning: A new version of Pulumi is available.
                error: failed to load checkpoint: blob (key ".pulumi/stacks/platform-infra/dev.json") (code=Unknown):\
                 DefaultAzureCredential: failed to acquire a token. ManagedIdentityCredential authentication failed
                """);

        var result = check(new PulumiRun(json, 255, Optional.of(log)), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.CANNOT_CHECK);
        assertThat(result.problems()).singleElement().asString()
                .startsWith("pulumi refresh (exit 255) left no usable JSON")
                .contains("its error: error: failed to load checkpoint")
                .contains("ManagedIdentityCredential authentication failed");
        assertThat(result.text()).contains("##vso[task.logissue type=error;code=drift-cannot-check]Stage dev"
                + " cannot-check: pulumi refresh (exit 255)");
    }

    @Test
    void aMissingStackIsCannotCheckNeverClean() throws IOException {
        var json = Files.writeString(directory.resolve("preview.json"), "{}");
        var log = Files.writeString(directory.resolve("preview.log"), "error: no stack named 'dev' found\n");

        var result = check(run("refresh", Digest.of("dev").unchanged(STORAGE, "logs-sa"), 0),
                new PulumiRun(json, 6, Optional.of(log)));

        assertThat(result.outcomes()).containsExactly(Outcome.CANNOT_CHECK);
        assertThat(result.problems()).singleElement().asString().contains("pulumi preview (exit 6)")
                .contains("no stack named 'dev' found");
    }

    @Test
    void aProviderThatCannotLogInIsCannotCheckWithItsDiagnostic() throws IOException {
        var refresh = Digest.of("dev").diagnostic("error", "error: building account: could not acquire access token"
                + " to parse claims: clientCredentialsToken: received HTTP status 401\n");

        var result = check(run("refresh", refresh, 1), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.CANNOT_CHECK);
        assertThat(result.problems()).singleElement().asString()
                .isEqualTo("pulumi refresh (exit 1) failed: error: building account: could not acquire access token"
                        + " to parse claims: clientCredentialsToken: received HTTP status 401");
    }

    @Test
    void anExitCodeOtherThanChangesProposedIsCannotCheckEvenWithChangesInTheJson() throws IOException {
        var refresh = Digest.of("dev").delete(STORAGE, "logs-sa");

        var result = check(run("refresh", refresh, 1), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.CANNOT_CHECK);
    }

    @Test
    void changesProposedWithoutAnyChangeInTheJsonIsCannotCheck() throws IOException {
        var result = check(run("refresh", Digest.of("dev").unchanged(STORAGE, "logs-sa"),
                DriftCheck.CHANGES_PROPOSED), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.CANNOT_CHECK);
        assertThat(result.problems()).singleElement().asString()
                .contains("exited 7 (changes proposed, but the JSON lists none)");
    }

    @Test
    void theJsonOfAnotherStageIsCannotCheck() throws IOException {
        var result = check(run("refresh", Digest.of("prod").unchanged(STORAGE, "logs-sa"), 0), cleanPreview());

        assertThat(result.outcomes()).containsExactly(Outcome.CANNOT_CHECK);
        assertThat(result.problems()).singleElement().asString().contains("is about stack prod, not stage dev");
    }

    @Test
    void secretsInDiagnosticsAndErrorsAreMasked() throws IOException {
        // The password is a secret in the state (Pulumi's envelope) and quoted in plain text by an error.
        var password = "Pl4nted-db-p4ssw0rd";
        var secret = "{\"administratorLoginPassword\": {\"4dabf18193072939515e22adb298388d\":"
                + " \"1b47061264138c4ac30d75fd1eb44270\", \"plaintext\": \"\\\"" + password + "\\\"\"}}";
        var refresh = Digest.of("dev").update("azure-native:dbforpostgresql:Server", "db", secret, secret,
                "administratorLoginPassword").diagnostic("error", "error: login failed with password " + password);
        var token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGk6Ly9BenVyZUFEVG9rZW5FeGNoYW5nZSJ9.c2lnbmF0dXJl";
        var previewJson = Files.writeString(directory.resolve("preview.json"), "");
        var previewLog = Files.writeString(directory.resolve("preview.log"),
                "error: AADSTS700024: Client assertion is not within its valid time range: " + token
                        + " GET https://sa.blob.core.windows.net/state?sv=2022-11-02&sig=c2VjcmV0c2lnbmF0dXJl%3D\n");

        var result = check(run("refresh", refresh, 1), new PulumiRun(previewJson, 1, Optional.of(previewLog)));

        assertThat(result.text()).doesNotContain(password).doesNotContain(token).doesNotContain("c2VjcmV0c2ln")
                .contains("login failed with password [secret]").contains("valid time range: [secret]")
                .contains("sig=[secret]");
    }
}
