package io.platforminfra.config;

import io.platforminfra.program.Platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docs/configuration.md and Pulumi.yaml say of the structured keys is what the code does: their generated
 * regions are the generator's output for the code as it is now ({@link ConfigurationReference}), and the Javadoc
 * they are made of is complete and states the defaults the builders really have.
 */
class ConfigurationReferenceTest {

    static Stream<Arguments> regions() {
        var regions = new ArrayList<Arguments>();
        ConfigurationReference.documentRegions().forEach((name, text) -> regions.add(Arguments.of(
                ConfigurationReference.DOCUMENT, ConfigurationReference.Region.markdown(name), text)));
        ConfigurationReference.projectFileRegions().forEach((name, text) -> regions.add(Arguments.of(
                ConfigurationReference.PROJECT_FILE, ConfigurationReference.Region.yaml(name), text)));
        return regions.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("regions")
    void everyGeneratedRegionMatchesTheCode(Path file, ConfigurationReference.Region region, Supplier<String> text)
            throws Exception {
        assertThat(region.in(Files.readString(file)))
                .as("%s is stale: regenerate it from the project's root with%n  %s", file, ConfigurationReference.COMMAND)
                .isEqualTo(text.get());
    }

    @Test
    void everyFieldAStackFileMaySetHasJavadoc() {
        var missing = new ArrayList<String>();
        for (var section : Platform.SECTIONS) {
            collectMissing(section.key(), section.settings(), missing);
        }
        assertThat(missing).as("settings fields without Javadoc (their meaning and default in the reference)")
                .isEmpty();
    }

    private static void collectMissing(String path, Class<?> type, java.util.List<String> missing) {
        var javadoc = FieldJavadoc.of(type);
        for (var field : ConfigNode.settingsFields(type)) {
            var doc = javadoc.fields().get(field.getName());
            if (doc == null || doc.isBlank()) {
                missing.add(path + "." + field.getName() + " (" + type.getSimpleName() + ")");
            }
            var nested = field.getType() == java.util.List.class ? ConfigNode.elementType(field) : field.getType();
            if (ConfigNode.isSettings(nested)) {
                collectMissing(path + "." + field.getName(), nested, missing);
            }
        }
    }

    /** "Default `x`" in a field's Javadoc: the default it promises. */
    private static final Pattern STATED_DEFAULT = Pattern.compile("Default `([^`]+)`");

    @Test
    void theDefaultAFieldsJavadocStatesIsTheDefaultItsBuilderHas() {
        var contradictions = new ArrayList<String>();
        var checked = 0;
        for (var section : Platform.SECTIONS) {
            for (var row : SettingsReference.rows(section.key(), section.settings())) {
                var stated = STATED_DEFAULT.matcher(row.meaning());
                if (stated.find()) {
                    checked++;
                    var actual = row.defaultValue().replaceAll("^`\"?|\"?`$", "");
                    if (!actual.equals(stated.group(1))) {
                        contradictions.add(section.key() + "." + row.path() + ": Javadoc says " + stated.group(1)
                                + ", the builder gives " + row.defaultValue());
                    }
                }
            }
        }
        assertThat(checked).as("fields whose Javadoc states a default").isGreaterThan(20);
        assertThat(contradictions).isEmpty();
    }

    @Test
    void aScalarKeysJavadocStatesTheDefaultOrRequirementThatPulumiYamlDeclares() {
        var rows = ConfigurationReference.scalarKeys().lines().filter(line -> line.startsWith("| `")).toList();
        assertThat(rows).hasSize(StackKeys.SCALARS.size());
        for (var row : rows) {
            var cells = row.split(" \\| ");
            var declaredDefault = cells[2];
            var meaning = cells[3];
            var stated = STATED_DEFAULT.matcher(meaning);
            if (declaredDefault.equals("required")) {
                assertThat(meaning).as(row).contains("Required.");
            } else if (stated.find()) {
                assertThat(declaredDefault).as(row).isEqualTo("`" + stated.group(1) + "`");
            } else {
                assertThat(meaning).as(row).contains("Default: none");
                assertThat(declaredDefault).as(row).isEqualTo("none");
            }
        }
    }

    @Test
    void theReferenceShowsRequirementsChoicesAndTheDefaultsDecidedOutsideTheBuilder() {
        var cluster = SettingsReference.rows(Platform.CLUSTER.key(), Platform.CLUSTER.settings());
        assertThat(row(cluster, "adminGroupObjectIds").defaultValue()).isEqualTo("required");
        assertThat(row(cluster, "userPools[].name").defaultValue()).isEqualTo("required");
        assertThat(row(cluster, "skuTier").accepts()).isEqualTo("text, one of `Free`, `Standard`, `Premium`");
        // Required only while privateCluster is false: the reference says so instead of "required".
        assertThat(row(cluster, "authorizedIpRanges").defaultValue()).startsWith("none, which is only valid with");
        // Left empty by the builder, decided by the region: not "none".
        assertThat(row(cluster, "availabilityZones").defaultValue()).contains("every zone of the stage's region");
        assertThat(row(cluster, "availabilityZones").accepts()).contains("each must be one of 1, 2, 3");
        var database = SettingsReference.rows(Platform.DATABASE.key(), Platform.DATABASE.settings());
        assertThat(row(database, "availabilityZone").defaultValue()).startsWith("zone 1");
        // A rule relating two fields names the other field, not its default value.
        assertThat(row(database, "standbyAvailabilityZone").accepts()).doesNotContain("(null)");
    }

    private static SettingsReference.Row row(java.util.List<SettingsReference.Row> rows, String path) {
        return rows.stream().filter(row -> row.path().equals(path)).findFirst().orElseThrow();
    }
}
