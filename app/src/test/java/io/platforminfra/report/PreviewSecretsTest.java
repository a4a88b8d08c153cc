package io.platforminfra.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.platforminfra.report.CommentTable.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret reaches the comment: Pulumi's secret envelope ({@code value}, {@code plaintext} as JSON text or as JSON,
 * {@code ciphertext}, an output value marked secret) is {@code [secret]} at any depth, and the text inside it is
 * masked wherever else the preview repeats it. {@code dev-secrets.json} plants values that all contain
 * {@code Pl4nted}.
 */
class PreviewSecretsTest {
    /** The comment for dev-secrets.json. */
    private static final String COMMENT = PreviewFixtures.report("dev-secrets.json");
    private static final String SIGNATURE = "\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\"";

    @TempDir
    Path directory;

    @Test
    void theFixturePlantsSecretsInEveryForm() throws IOException {
        var json = Files.readString(PreviewFixtures.file("dev-secrets.json"));

        assertThat(json).contains("Pl4nted", "\"value\"", "\"plaintext\"", "\"ciphertext\"",
                "\"d0e6a833031e9bbcd3f4e8bde6ca49a4\"");
    }

    @Test
    void noPlantedSecretIsInTheComment() {
        assertThat(COMMENT).contains("### Stage `dev`", "**1 to create, 4 to update**").doesNotContain("Pl4nted",
                "12345678", "LS0tLS1CRUdJTi1QbGFudGVkLUt1YmVjb25maWc=", "v1:J7sQb3n9cWk");
    }

    @Test
    void aSecretQuotedInADiagnosticIsMaskedThere() {
        assertThat(COMMENT).contains(
                "warning: the password [secret] will be rotated in place; connections using [secret] fail afterwards",
                "warning: kubeconfig line [secret] is exported", "api key [secret] appears in a log line");
    }

    @Test
    void aWholePropertyThatIsSecretIsSecretOnBothSidesAndItsUnmarkedCopyIsMasked() {
        assertThat(row(COMMENT, "database-psql")).contains("`administratorLoginPassword`: `[secret]` → `[secret]`",
                "`connectionString` removed (was `password=[secret] host=psql-plat-dev-weu`)");
    }

    @Test
    void aWholeObjectThatIsSecretHidesEveryPathBelowIt() {
        assertThat(row(COMMENT, "secrets-psql-admin")).contains("`properties.value`: `[secret]` → `[secret]`",
                "`properties.contentType`: `[secret]` → `[secret]`");
    }

    @Test
    void secretsInListsAndNestedMapsAreSecretWhateverTheirForm() {
        assertThat(row(COMMENT, "cluster-aks")).contains(
                "`agentPoolProfiles[1].tags.bootstrap-token`: `[secret]` → `[secret]`",
                "`addonProfiles.omsagent.config.sharedKey`: `[secret]` → `[secret]`");
    }

    @Test
    void whenTheWholeInputsAreSecretEveryChangedPathIsSecret() {
        assertThat(row(COMMENT, "storage-container-keys")).contains("`metadata.owner`: `[secret]` → `[secret]`");
    }

    @Test
    void aSecretNumberIsSecretAndMaskedElsewhere() {
        var step = PreviewFixtures.read("dev-secrets.json").get(0).steps().stream()
                .filter(s -> s.name().equals("secrets-api-key")).findFirst().orElseThrow();

        assertThat(step.after().find("properties.value")).contains("[secret]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{" + SIGNATURE + ", \"value\": \"Pl4nted-A\"}",
            "{" + SIGNATURE + ", \"plaintext\": \"\\\"Pl4nted-B\\\"\"}",
            "{" + SIGNATURE + ", \"plaintext\": {\"nested\": [\"Pl4nted-C\"]}}",
            "{\"4dabf18193072939515e22adb298388d\": \"d0e6a833031e9bbcd3f4e8bde6ca49a4\", \"secret\": true,"
                    + " \"value\": {\"deep\": {\"er\": [\"Pl4nted-D\"]}}}",
            "{" + SIGNATURE + ", \"ciphertext\": \"Pl4nted-E-ciphertext\"}"})
    void everyFormOfTheEnvelopeIsMaskedAtAnyDepth(String envelope) throws IOException {
        var value = "{\"a\": [{\"b\": {\"c\": [1, " + envelope + "]}}]}";
        var file = Files.writeString(directory.resolve("dev.json"), """
                {"steps": [{"op": "update", "urn": "urn:pulumi:dev::p::azure-native:keyvault:Vault::kv",
                  "oldState": {"inputs": {"x": "old", "deep": %1$s}},
                  "newState": {"inputs": {"x": "new", "deep": %1$s}, "outputs": {"copy": %1$s}},
                  "diffReasons": ["x", "deep", "copy"]}]}""".formatted(value));

        var report = PreviewReport.markdown(List.of(PreviewReader.read(file)));

        assertThat(report).doesNotContain("Pl4nted").contains("`x`: `old` → `new`");
        assertThat(PreviewReader.read(file).steps().get(0).after().find("deep.a[0].b.c[1]")).contains("[secret]");
    }

    @Test
    void anEnvelopeThatIsNotASecretIsLeftAsItIs() throws IOException {
        var file = Files.writeString(directory.resolve("dev.json"), """
                {"steps": [{"op": "update", "urn": "urn:pulumi:dev::p::azure-native:keyvault:Vault::kv",
                  "oldState": {"inputs": {"v": {"4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4",
                                                "secret": false, "value": "visible-1"}}},
                  "newState": {"inputs": {"v": "visible-2"}},
                  "diffReasons": ["v"]}]}""");

        assertThat(PreviewReport.markdown(List.of(PreviewReader.read(file)))).contains("visible-1", "visible-2");
    }

    @Test
    void aSecretOfOneStageIsMaskedInAnotherStagesPreviewToo() throws IOException {
        var prod = Files.writeString(directory.resolve("prod.json"), """
                {"steps": [{"op": "update", "urn": "urn:pulumi:prod::p::azure-native:keyvault:Vault::kv",
                  "oldState": {"inputs": {"note": "copied from dev: Pl4nted-New-Admin-Pa55!"}},
                  "newState": {"inputs": {"note": "none"}}, "diffReasons": ["note"]}]}""");

        var report = PreviewReport.markdown(PreviewReader.readAll(List.of(PreviewFixtures.file("dev-secrets.json"),
                prod)));

        assertThat(report).contains("`note`: `copied from dev: [secret]` → `none`").doesNotContain("Pl4nted");
    }

    @Test
    void shortSecretsAreMaskedAsWholeValuesButNotInsideOtherText() throws IOException {
        var file = Files.writeString(directory.resolve("dev.json"), """
                {"steps": [{"op": "update", "urn": "urn:pulumi:dev::p::azure-native:keyvault:Vault::kv",
                  "oldState": {"inputs": {"pin": {%s, "value": "abc"}, "same": "abc", "word": "abcdef"}},
                  "newState": {"inputs": {"pin": "x", "same": "abd", "word": "abcdeg"}},
                  "diffReasons": ["same", "word"]}]}""".formatted(SIGNATURE));

        var report = PreviewReport.markdown(List.of(PreviewReader.read(file)));

        assertThat(report).contains("`same`: `[secret]` → `abd`", "`word`: `abcdef` → `abcdeg`");
    }
}
