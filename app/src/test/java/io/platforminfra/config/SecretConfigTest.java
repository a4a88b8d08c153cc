package io.platforminfra.config;

import io.platforminfra.program.Platform;

import io.platforminfra.program.StackProgram;
import io.platforminfra.program.StageRuns;

import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No value of secret config appears in a problem, a log line or a plan: not a secret key's, not a field of a key set
 * with {@code pulumi config set --secret --path}, and not an unknown key's (which may be a secret under a wrong name).
 * Keys that become tags may not be secret at all. The engine hands the program decrypted values, so these tests give
 * the program plain-text secrets, as a real run does.
 */
class SecretConfigTest {
    private static final String PLANTED = "Pl4nted-S3cret-Value";
    private static final String DATABASE = "{\"adminGroupObjectId\":\"0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d\","
            + "\"adminGroupName\":\"" + PLANTED + "\"";

    @Test
    void aFieldOfASecretKeyIsShownAsSecretInEveryProblem() {
        var run = run(Map.of(Platform.DATABASE.key(), DATABASE + ",\"tier\":\"" + PLANTED + "-tier\"}",
                Platform.NETWORK.key(), "{\"addressSpace\":\"172.16.0.0/16\"}"), Set.of(Platform.DATABASE.key(), Platform.NETWORK.key()));
        assertRefused(run,
                "Pulumi.dev.yaml: platform-infra:database.tier must be one of Burstable, GeneralPurpose, MemoryOptimized"
                        + " (value: [secret])",
                // The network's range is a secret too: wherever its text appears, in another key's problem and even as
                // the (equal) value of a key that is not secret, it is masked, as the Pulumi engine masks it.
                "Pulumi.dev.yaml: platform-infra:cluster.serviceCidr must not overlap platform-infra:network.addressSpace"
                        + " ([secret]) (value: [secret])");
        assertThat(everythingPrinted(run)).doesNotContain(PLANTED, "172.16.0.0/16)");
    }

    @Test
    void aStructuredKeyThatIsNotAMapIsShownAsSecretWhenItIsOne() {
        var run = run(Map.of(Platform.DATABASE.key(), PLANTED), Set.of(Platform.DATABASE.key()));
        assertRefused(run,
                "platform-infra:database must be a map of settings (see docs/configuration.md) (value: [secret])");
        assertThat(everythingPrinted(run)).doesNotContain(PLANTED);
    }

    @Test
    void anUnknownKeyOrFieldIsNamedButItsValueIsNeverShown() {
        var run = run(Map.of("platform-infra:databaseAdminPasword", PLANTED,
                Platform.DATABASE.key(), DATABASE + ",\"adminPassword\":\"" + PLANTED + "\"}"), Set.of());
        assertRefused(run,
                "Pulumi.dev.yaml: platform-infra:databaseAdminPasword must be a known key: did you mean"
                        + " 'platform-infra:databaseAdminPassword'? (value: not shown)",
                "Pulumi.dev.yaml: platform-infra:database.adminPassword must be a known key");
        assertThat(everythingPrinted(run)).doesNotContain(PLANTED);
    }

    @Test
    void aKeyThatBecomesATagMayNotBeSecret() {
        var run = run(Map.of(StackKeys.OWNER, PLANTED, StackKeys.COST_CENTER, PLANTED + "-cc",
                StackKeys.REPOSITORY, PLANTED + "-repo"), Set.of(StackKeys.OWNER, StackKeys.COST_CENTER,
                StackKeys.REPOSITORY));
        var readable = "on every resource, and tags are readable by anyone with Reader on them";
        assertRefused(run,
                "Pulumi.dev.yaml: platform-infra:owner must be plain text, not a secret: it becomes the tag 'owner' "
                        + readable,
                "Pulumi.dev.yaml: platform-infra:costCenter must be plain text, not a secret: it becomes the tag"
                        + " 'cost-center' " + readable,
                "Pulumi.dev.yaml: platform-infra:repository must be plain text, not a secret: it becomes the tag"
                        + " 'repository' " + readable,
                "Never add sensitive values to tags", "(value: [secret])");
        assertThat(everythingPrinted(run)).doesNotContain(PLANTED);
    }

    @Test
    void aValidStageWithASecretFieldRegistersItAsSecretWherePlansAndChecksReadIt() {
        var run = run(Map.of(Platform.DATABASE.key(), DATABASE + "}"), Set.of(Platform.DATABASE.key()));
        assertSucceeded(run);
        var administrator = run.single("azure-native:dbforpostgresql:Administrator");
        assertThat(administrator.inputs().get("principalName")).isInstanceOf(RegisteredResource.Secret.class);
        assertThat(run.resources().toString()).doesNotContain(PLANTED);
    }

    @Test
    void aFieldEncryptedWithPathMakesItsKeySecretOfflineAndTheCiphertextGoesNowhere(@TempDir Path directory)
            throws IOException {
        var ciphertext = "v1:8GcdYIUDwOHPhRyX:1XLZW0nCw9tvbyqJ2WBqUdrTaa5f2yU=";
        Files.copy(StageRuns.PROJECT.resolve("Pulumi.yaml"), directory.resolve("Pulumi.yaml"));
        Files.writeString(directory.resolve("Pulumi.qa.yaml"), Files.readString(StageRuns.PROJECT.resolve(
                "Pulumi.dev.yaml")).replace("    adminGroupName: platform-db-admins-dev",
                "    adminGroupName:\n      secure: " + ciphertext));
        var loaded = StackConfiguration.load(directory, "qa");
        assertThat(loaded.secretKeys()).containsExactly(Platform.DATABASE.key());
        assertThat(loaded.values().get(Platform.DATABASE.key())).contains(StackConfiguration.SECRET_PLACEHOLDER)
                .doesNotContain(ciphertext, "secure");
        var run = StageRuns.run(loaded, true);
        assertSucceeded(run);
        assertThat(run.single("azure-native:dbforpostgresql:Administrator").inputs().get("principalName"))
                .isInstanceOf(RegisteredResource.Secret.class);
    }

    @Test
    void aSecretPlantedAnywhereInTheConfigNeverAppearsInARefusal() {
        var dev = StackConfiguration.load(StageRuns.PROJECT, "dev");
        var random = new java.util.Random(20261202L);
        var places = List.of("cluster/kubernetesVersion", "cluster/skuTier", "cluster/upgradeChannel", "cluster/podCidr",
                "cluster/serviceCidr", "cluster/namespaces[]", "cluster/authorizedIpRanges[]",
                "cluster/adminGroupObjectIds[]", "cluster/systemPool.vmSize", "cluster/maintenanceWindow.startTime",
                "cluster/clustr", "secretStore/sku", "secretStore/allowedIpRanges[]", "storage/replication",
                "storage/containers[]", "database/version", "database/tier", "database/adminGroupObjectId",
                "database/adminGroupName", "database/administratorLogin", "database/availabilityZone",
                "network/addressSpace", "monitoring/retentionDays", "access/readerGroupObjectIds[]", "adopt/cluster",
                "environmentType", "owner", "costCenter", "repository", "databaseAdminPassword", "azure-native:location");
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            var planted = planted(random);
            var place = places.get(random.nextInt(places.size()));
            var values = new HashMap<>(dev.values());
            var key = plant(values, place, planted, random);
            try {
                StageConfigReader.read(new StackConfiguration("dev", dev.stackFile(), values, Set.of(key)),
                        TestDates.AS_OF, Platform.SECTIONS);
            } catch (StackConfigException e) {
                refused++;
                var json = new com.google.gson.Gson().toJson(planted);
                assertThat(e.getMessage()).as("%s = %s", place, planted)
                        .doesNotContain(planted, json.substring(1, json.length() - 1));
            }
        }
        assertThat(refused).as("most plantings are refused, so their messages were checked").isGreaterThan(300);
    }

    /** A secret unlike any word of a message: letters, digits, quotes, escapes, markup and non-ASCII. */
    private static String planted(java.util.Random random) {
        var alphabet = "abcXYZ0189-_./:\"'\\<>&{}[] äß€✓";
        var text = new StringBuilder("Zq");
        for (int i = random.nextInt(20); i >= 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.append("Qz").toString();
    }

    /** Puts {@code planted} at {@code place} (key/field, a list item with []), as text, a list or a map. */
    private static String plant(Map<String, String> values, String place, String planted, java.util.Random random) {
        var shape = random.nextInt(4);
        com.google.gson.JsonElement secret = shape == 0 ? array(planted)
                : shape == 1 ? object(planted) : new com.google.gson.JsonPrimitive(planted);
        if (!place.contains("/")) {
            var key = place.contains(":") ? place : StackKeys.NAMESPACE + ":" + place;
            values.put(key, shape <= 1 ? secret.toString() : planted);
            return key;
        }
        var key = StackKeys.NAMESPACE + ":" + place.substring(0, place.indexOf('/'));
        var path = place.substring(place.indexOf('/') + 1);
        var root = com.google.gson.JsonParser.parseString(values.getOrDefault(key, "{}")).getAsJsonObject();
        var node = root;
        var parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!node.has(parts[i]) || !node.get(parts[i]).isJsonObject()) {
                node.add(parts[i], new com.google.gson.JsonObject());
            }
            node = node.getAsJsonObject(parts[i]);
        }
        var field = parts[parts.length - 1];
        if (field.endsWith("[]")) {
            var list = new com.google.gson.JsonArray();
            list.add(secret);
            node.add(field.substring(0, field.length() - 2), list);
        } else {
            node.add(field, secret);
        }
        values.put(key, root.toString());
        return key;
    }

    private static com.google.gson.JsonArray array(String planted) {
        var array = new com.google.gson.JsonArray();
        array.add(planted);
        return array;
    }

    private static com.google.gson.JsonObject object(String planted) {
        var object = new com.google.gson.JsonObject();
        object.addProperty("value", planted);
        return object;
    }

    /** The dev stage with {@code overrides}, given to the program as the engine gives a real run its config. */
    private static io.platforminfra.offline.RunResult run(Map<String, String> overrides, Set<String> secretKeys) {
        var values = new HashMap<>(StackConfiguration.load(StageRuns.PROJECT, "dev").values());
        values.putAll(overrides);
        return MockedRun.builder().stack("dev").preview(true).config(values, secretKeys)
                .run(StackProgram.reading(values.keySet(), TestDates.AS_OF, read -> { }));
    }

    /** The run logged an error with every line of {@code expected}, registered nothing and threw nothing. */
    private static void assertRefused(io.platforminfra.offline.RunResult run, String... expected) {
        assertThat(run.succeeded()).as("the run should fail").isFalse();
        assertThat(run.result().exceptions()).as("a stack file mistake is an error, not an exception").isEmpty();
        assertThat(run.customResources()).as("no cloud resource may be registered").isEmpty();
        assertThat(String.join("\n", run.result().errors())).contains(expected);
    }

    /** Errors, exceptions and what was registered: everything a run could show. */
    private static String everythingPrinted(io.platforminfra.offline.RunResult run) {
        return String.join("\n", List.of(run.result().errors().toString(), run.result().exceptions().toString(),
                run.resources().toString()));
    }
}
