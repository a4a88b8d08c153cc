package io.platforminfra.report;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production lock also refuses deleting what lives under it (409 ScopeLocked). The preview comment shows a
 * deletion or replacement under a lock that stays, before the release meets Azure's refusal, and not when the same
 * pull request waives the lock away.
 */
class LockedDeletionTest {
    private static final String PREFIX = "urn:pulumi:prod::platform-infra::";
    private static final String LOCK = PREFIX + "azure-native:authorization:ManagementLockByScope::secrets-kv-lock";
    private static final String VAULT = PREFIX + "azure-native:keyvault:Vault::secrets-kv";
    private static final String GRANT = PREFIX + "azure-native:authorization:RoleAssignment::secrets-kv-reader-orders";
    private static final String DIAGNOSTICS = PREFIX + "azure-native:insights:DiagnosticSetting::secrets-kv-diag";

    @TempDir
    Path directory;

    @Test
    void aDeletionUnderALockThatStaysIsWarnedNamingTheLockAndTheWaiver() throws IOException {
        var report = report(step("same", LOCK, List.of(VAULT, GRANT, DIAGNOSTICS)), step("same", VAULT, List.of()),
                step("delete", GRANT, List.of(VAULT)), step("replace", DIAGNOSTICS, List.of(VAULT)));

        assertThat(report).contains("`secrets-kv-reader-orders`", "`secrets-kv-diag`");
        assertThat(report.lines().filter(line -> line.contains("Azure refuses to delete it under the CanNotDelete"
                + " lock `secrets-kv-lock` (409 ScopeLocked): waive PI-GOV-002"))).hasSize(2);
    }

    @Test
    void aDeletionIsNotWarnedWhenTheLockGoesInTheSameUpdateOrDoesNotCoverIt() throws IOException {
        var lockLifted = report(step("delete", LOCK, List.of(VAULT, GRANT)), step("delete", GRANT, List.of(VAULT)));
        assertThat(lockLifted).doesNotContain("ScopeLocked");

        var notCovered = report(step("same", LOCK, List.of(VAULT)), step("delete", GRANT, List.of(VAULT)));
        assertThat(notCovered).doesNotContain("ScopeLocked");

        var updatedOnly = report(step("same", LOCK, List.of(VAULT, GRANT)), step("update", GRANT, List.of(VAULT)));
        assertThat(updatedOnly).doesNotContain("ScopeLocked");
    }

    private static Map<String, Object> step(String op, String urn, List<String> dependencies) {
        var type = urn.split("::")[2];
        var state = Map.of("urn", urn, "custom", true, "type", type, "inputs", Map.of(), "outputs", Map.of(),
                "dependencies", dependencies);
        var step = new java.util.LinkedHashMap<String, Object>(Map.of("op", op, "urn", urn));
        if (!op.equals("create")) {
            step.put("oldState", state);
        }
        if (!op.equals("delete")) {
            step.put("newState", state);
        }
        return step;
    }

    @SafeVarargs
    private String report(Map<String, Object>... steps) throws IOException {
        var all = new ArrayList<Map<String, Object>>();
        all.add(step("same", PREFIX + "pulumi:pulumi:Stack::platform-infra-prod", List.of()));
        all.addAll(List.of(steps));
        var file = Files.createTempFile(directory, "prod", ".json");
        Files.writeString(file, new Gson().toJson(Map.of("steps", all, "changeSummary", Map.of())));
        return PreviewReport.markdown(PreviewReader.readAll(List.of(file)));
    }
}
