package io.platforminfra.program;

import io.platforminfra.components.aks.AksClusterSettings;
import io.platforminfra.components.database.DatabaseSettings;
import io.platforminfra.components.monitoring.MonitoringSettings;
import io.platforminfra.components.network.NetworkSettings;
import io.platforminfra.components.secretstore.SecretStoreSettings;
import io.platforminfra.components.storage.ObjectStorageSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every structured stack key is documented where contributors look: its row in
 * docs/configuration.md and its name in the key list of Pulumi.yaml. A new setting without documentation fails
 * here, naming the field and the file.
 */
class ConfigurationReferenceTest {

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("monitoring", MonitoringSettings.class),
                Arguments.of("network", NetworkSettings.class),
                Arguments.of("cluster", AksClusterSettings.class),
                Arguments.of("secretStore", SecretStoreSettings.class),
                Arguments.of("storage", ObjectStorageSettings.class),
                Arguments.of("database", DatabaseSettings.class));
    }

    @ParameterizedTest(name = "platform-infra:{0}")
    @MethodSource("keys")
    void everyFieldHasARowInTheReferenceAndANameInThePulumiYamlKeyList(String key, Class<?> settings)
            throws Exception {
        var reference = Files.readString(StageRuns.PROJECT.resolve("docs/configuration.md"));
        var start = reference.indexOf("## `platform-infra:" + key + "`");
        assertThat(start).as("docs/configuration.md has a section for platform-infra:" + key).isNotNegative();
        var end = reference.indexOf("\n## ", start + 1);
        var section = reference.substring(start, end < 0 ? reference.length() : end);
        var projectFile = Files.readString(StageRuns.PROJECT.resolve("Pulumi.yaml"));
        var keyList = Pattern.compile("#\\s+platform-infra:" + key + "\\s+\\{([^}]*)}").matcher(projectFile);
        assertThat(keyList.find()).as("Pulumi.yaml lists the fields of platform-infra:" + key).isTrue();
        var listed = keyList.group(1).replaceAll("[#\\s]+", " ");
        for (var field : fields(settings)) {
            assertThat(section).as("docs/configuration.md, section platform-infra:%s, documents field %s", key, field)
                    .containsPattern("(?m)^\\|[^|\\n]*`" + field + "[`.\\[]");
            assertThat(listed).as("Pulumi.yaml's list of platform-infra:%s names field %s", key, field)
                    .containsPattern("(^|[ ,{])" + field + "([ ,}]|$)");
        }
    }

    private static String[] fields(Class<?> settings) {
        return Arrays.stream(settings.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                .map(Field::getName).toArray(String[]::new);
    }
}
