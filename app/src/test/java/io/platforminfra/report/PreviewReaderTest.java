package io.platforminfra.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading {@code pulumi preview --json}: the stage, the steps and their properties, and every way a file can be
 * wrong, each named with the file.
 */
class PreviewReaderTest {
    private static final String VAULT_URN = "urn:pulumi:dev::platform-infra::pulumi:pulumi:Stack"
            + "$platform:azure:SecretStore$azure-native:keyvault:Vault::secrets-kv";

    @TempDir
    Path directory;

    @Test
    void theStageIsTheStackNamedInTheUrns() {
        assertThat(PreviewFixtures.read("dev-updates.json", "prod-replacements.json"))
                .extracting(Preview::stage).containsExactly("dev", "prod");
    }

    @Test
    void typeAndNameComeFromTheUrnWithoutTheParentsTypes() {
        var urn = Urn.parse(VAULT_URN).orElseThrow();

        assertThat(urn.stack()).isEqualTo("dev");
        assertThat(urn.project()).isEqualTo("platform-infra");
        assertThat(urn.type()).isEqualTo("azure-native:keyvault:Vault");
        assertThat(urn.name()).isEqualTo("secrets-kv");
    }

    @Test
    void aFileWithStepsOfTwoStagesIsRefusedNamingTheFileAndTheStages() throws IOException {
        var file = write("mixed.json", """
                {"steps": [
                  {"op": "same", "urn": "urn:pulumi:dev::platform-infra::pulumi:pulumi:Stack::platform-infra-dev"},
                  {"op": "same", "urn": "urn:pulumi:prod::platform-infra::pulumi:pulumi:Stack::platform-infra-prod"}
                ]}""");

        assertThatThrownBy(() -> PreviewReader.read(file)).isInstanceOf(PreviewFileException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining("dev, prod");
    }

    @Test
    void aPreviewWithoutStepsIsAFailedStageNamedAfterItsFile() throws IOException {
        var file = write("preview-qa.json", "{\"steps\": [], \"diagnostics\": []}");

        var preview = PreviewReader.read(file);

        assertThat(preview.stage()).isEqualTo("qa");
        assertThat(preview.failed()).isTrue();
        assertThat(preview.failure()).hasValueSatisfying(why -> assertThat(why).contains("lists no resources"));
    }

    @Test
    void jsonThatIsNoPreviewIsRefusedNamingTheFile() throws IOException {
        var notJson = write("log.json", "error: preview failed {");
        var noSteps = write("plan.json", "{\"stage\": \"dev\", \"resources\": []}");
        var noUrn = write("no-urn.json", "{\"steps\": [{\"op\": \"create\"}]}");

        assertThatThrownBy(() -> PreviewReader.read(notJson)).hasMessageStartingWith(notJson + ": not");
        assertThatThrownBy(() -> PreviewReader.read(noSteps)).hasMessageStartingWith(noSteps + ": no \"steps\"");
        assertThatThrownBy(() -> PreviewReader.read(noUrn)).hasMessageStartingWith(noUrn + ": step 1 has no \"urn\"");
    }

    @Test
    void everyBadFileAndEveryStageGivenTwiceIsReportedAtOnce() {
        var missing = directory.resolve("qa.json");
        var files = List.of(PreviewFixtures.file("prod-replacements.json"), missing,
                PreviewFixtures.file("prod-protect.json"));

        assertThatThrownBy(() -> PreviewReader.readAll(files)).isInstanceOf(PreviewFileException.class)
                .hasMessageContaining(missing + ": no such file")
                .hasMessageContaining(PreviewFixtures.file("prod-protect.json") + ": a second preview of stage prod");
    }

    @Test
    void anOperationThisVersionDoesNotKnowIsShownRatherThanHidden() throws IOException {
        var file = write("future.json", """
                {"steps": [{"op": "transmogrify", "urn": "%s", "detailedDiff": null}]}""".formatted(VAULT_URN));

        var report = PreviewReport.markdown(List.of(PreviewReader.read(file)));

        assertThat(report).contains("**1 other**", "| ? transmogrify | `azure-native:keyvault:Vault` | `secrets-kv` |");
    }

    @Test
    void aPropertyInsideASecretIsTheSecret() throws IOException {
        var file = write("secret.json", """
                {"steps": [{"op": "update", "urn": "%1$s",
                  "oldState": {"type": "azure-native:keyvault:Vault", "inputs": {"properties": "[secret]"}},
                  "newState": {"type": "azure-native:keyvault:Vault", "inputs": {"properties": "[secret]"}},
                  "diffReasons": ["properties"],
                  "detailedDiff": {"properties.tenantId": {"kind": "update", "inputDiff": true}}}]}"""
                .formatted(VAULT_URN));

        var property = PreviewReader.read(file).steps().get(0).properties().get(0);

        assertThat(property.before()).isEqualTo("[secret]");
        assertThat(property.after()).isEqualTo("[secret]");
    }

    @Test
    void keysThatPulumiQuotesAreFoundAndPrintedTheSameWay() throws IOException {
        var file = write("quoted.json", """
                {"steps": [{"op": "update", "urn": "%1$s",
                  "oldState": {"inputs": {"tags": {"kubernetes.io/role": "system", "team": "a"}}},
                  "newState": {"inputs": {"tags": {"kubernetes.io/role": "apps", "team": "a"}}},
                  "diffReasons": ["tags"], "detailedDiff": null}]}""".formatted(VAULT_URN));

        var properties = PreviewReader.read(file).steps().get(0).properties();

        assertThat(properties).containsExactly(new PropertyChange("tags[\"kubernetes.io/role\"]",
                PropertyChange.Kind.UPDATE, false, "system", "apps"));
        assertThat(PropertyPath.find(Map.of("tags", Map.of("kubernetes.io/role", "apps")),
                properties.get(0).path())).contains("apps");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
