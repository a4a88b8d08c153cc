package io.platforminfra.config;

import io.platforminfra.program.Platform;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.policy.Waiver;
import io.platforminfra.program.ProjectFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates what docs/configuration.md and Pulumi.yaml say of the stack keys, from the code that reads them:
 * {@link StackKeys} (the scalar keys, with their declarations in Pulumi.yaml), {@code Platform.SECTIONS} (the structured
 * keys and their settings classes), the settings classes ({@link SettingsReference}: fields, defaults, checks,
 * Javadoc) and {@link Adoptions}. Each file keeps its hand-written text around marked
 * regions; only the regions are generated. {@code ConfigurationReferenceTest} fails when a region is stale.
 *
 * <p>Regenerate from the project's root:
 * {@code mvn -B -q test-compile exec:java -DmainClass=io.platforminfra.config.ConfigurationReference
 * -Dexec.classpathScope=test}
 */
public final class ConfigurationReference {
    /** The stack file reference. */
    static final Path DOCUMENT = Path.of("docs/configuration.md");
    /** The project file, whose comment lists the structured keys' fields. */
    static final Path PROJECT_FILE = Path.of("Pulumi.yaml");
    /** The command that regenerates both, named in every stale-region failure. */
    static final String COMMAND = "mvn -B -q test-compile exec:java"
            + " -DmainClass=io.platforminfra.config.ConfigurationReference -Dexec.classpathScope=test";

    /** The generated regions of {@link #DOCUMENT}, by name, with what each holds now. */
    static Map<String, Supplier<String>> documentRegions() {
        return Map.of("scalar keys", ConfigurationReference::scalarKeys, "sections", ConfigurationReference::sections,
                "adopt", ConfigurationReference::adoptTable);
    }

    /** The generated regions of {@link #PROJECT_FILE}, by name, with what each holds now. */
    static Map<String, Supplier<String>> projectFileRegions() {
        return Map.of("key list", ConfigurationReference::keyList);
    }

    private ConfigurationReference() {
    }

    /** Rewrites the generated regions of docs/configuration.md and Pulumi.yaml. */
    public static void main(String[] args) throws IOException {
        var document = Files.readString(DOCUMENT);
        for (var region : documentRegions().entrySet()) {
            document = Region.markdown(region.getKey()).replace(document, region.getValue().get());
        }
        Files.writeString(DOCUMENT, document);
        var projectFile = Files.readString(PROJECT_FILE);
        for (var region : projectFileRegions().entrySet()) {
            projectFile = Region.yaml(region.getKey()).replace(projectFile, region.getValue().get());
        }
        Files.writeString(PROJECT_FILE, projectFile);
    }

    /**
     * A row per key that holds one value: its type and default as Pulumi.yaml declares it (the provider's keys,
     * which a project may not declare, are text and required), its meaning from {@link StackKeys}' Javadoc.
     */
    static String scalarKeys() {
        var javadoc = FieldJavadoc.of(StackKeys.class);
        var out = new StringBuilder("| Key | Type | Default | Meaning |\n| --- | --- | --- | --- |\n");
        for (var key : StackKeys.SCALARS) {
            Map<String, Object> declared = ProjectFile.at("config", key);
            out.append("| `").append(key).append("` | ").append(declared == null ? "text" : declaredType(declared))
                    .append(" | ").append(declared == null ? "required" : declaredDefault(declared)).append(" | ")
                    .append(javadoc.field(constantNamed(key))).append(" |\n");
        }
        return out.toString();
    }

    private static String declaredType(Map<String, Object> declared) {
        var type = "array".equals(declared.get("type")) ? "list of text" : "text";
        return Boolean.TRUE.equals(declared.get("secret")) ? type + ", secret" : type;
    }

    private static String declaredDefault(Map<String, Object> declared) {
        if (!declared.containsKey("default")) {
            return "required";
        }
        return SettingsReference.shown("".equals(declared.get("default")) ? null : declared.get("default"));
    }

    /** The name of the constant of {@link StackKeys} whose value is {@code key}. */
    private static String constantNamed(String key) {
        return Arrays.stream(StackKeys.class.getFields()).filter(field -> {
            try {
                return key.equals(field.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).map(java.lang.reflect.Field::getName).findFirst().orElseThrow();
    }

    /** A section per structured key: its settings class's Javadoc, then a row per field. */
    static String sections() {
        var out = new StringBuilder();
        for (var section : Platform.SECTIONS) {
            out.append("## `").append(section.key()).append("`\n\n")
                    .append(FieldJavadoc.of(section.settings()).type()).append("\n\n")
                    .append("| Field | Accepts | Default | Meaning |\n| --- | --- | --- | --- |\n");
            for (var row : SettingsReference.rows(section.key(), section.settings())) {
                out.append("| `").append(row.path()).append("` | ").append(row.accepts()).append(" | ")
                        .append(row.defaultValue()).append(" | ").append(row.meaning()).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** The fields of {@code platform-infra:adopt}: the resource group and each adoptable part. */
    static String adoptTable() {
        var out = new StringBuilder("| Field | Default | Adopts |\n| --- | --- | --- |\n");
        out.append("| `").append(Adoptions.RESOURCE_GROUP).append("` | none (created) | the stage's resource group"
                + " (`/subscriptions/<id>/resourceGroups/<name>`) |\n");
        Platform.SECTIONS.stream().filter(section -> section.adopts().isPresent()).forEach(section -> out
                .append("| `").append(section.field()).append("` | none (created) | the `")
                .append(section.adopts().flatMap(AzureResourceType::naming).orElseThrow().armType())
                .append("` of `").append(section.key())
                .append("` |\n"));
        return out.toString();
    }

    /** The comment of Pulumi.yaml that lists the fields of every structured key. */
    static String keyList() {
        var lines = new ArrayList<String>();
        Platform.SECTIONS.forEach(section -> lines.addAll(keyLine(section.key(), "{",
                ConfigNode.settingsFields(section.settings()).stream().map(f -> f.getName()).toList(), "}")));
        var adoptable = Stream.concat(Stream.of(Adoptions.RESOURCE_GROUP), Platform.SECTIONS.stream()
                .filter(section -> section.adopts().isPresent()).map(SettingsSection::field)).toList();
        lines.addAll(keyLine(StackKeys.ADOPT, "{", adoptable, "}"));
        lines.addAll(keyLine(StackKeys.WAIVERS, "[{",
                Arrays.stream(Waiver.class.getRecordComponents()).map(c -> c.getName()).toList(), "}]"));
        return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    /** {@code #   key   {a, b, c}}, wrapped before 118 characters under its opening brace. */
    private static List<String> keyLine(String key, String open, List<String> fields, String close) {
        var lines = new ArrayList<String>();
        var head = String.format("  #   %-27s %s", key, open);
        var line = new StringBuilder(head);
        for (int i = 0; i < fields.size(); i++) {
            var item = fields.get(i) + (i == fields.size() - 1 ? close : ",");
            if (line.length() + 1 + item.length() > 118 && line.length() > head.length()) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder("  #" + " ".repeat(head.length() - 3));
            }
            line.append(line.length() == head.length() || line.toString().endsWith(" ") ? "" : " ").append(item);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * A generated region of a file: the text between a begin and an end marker, which only the generator writes.
     *
     * @param begin the marker line before the region
     * @param end   the marker line after it
     */
    record Region(String begin, String end) {
        static Region markdown(String name) {
            return new Region("<!-- generated: " + name + " (ConfigurationReference; do not edit, regenerate) -->",
                    "<!-- end generated: " + name + " -->");
        }

        static Region yaml(String name) {
            return new Region("  # generated: " + name + " (ConfigurationReference; do not edit, regenerate)",
                    "  # end generated: " + name);
        }

        /** The region's current text in {@code file}. */
        String in(String file) {
            var start = file.indexOf(begin + "\n");
            var stop = file.indexOf(end, start + 1);
            if (start < 0 || stop < 0) {
                throw new IllegalStateException("No region between '" + begin + "' and '" + end + "'");
            }
            if (file.indexOf(begin, start + 1) >= 0) {
                throw new IllegalStateException("The region '" + begin + "' stands twice; only one is generated");
            }
            return file.substring(start + begin.length() + 1, stop);
        }

        /** {@code file} with the region's text replaced by {@code generated}. */
        String replace(String file, String generated) {
            var old = in(file);
            var start = file.indexOf(begin + "\n") + begin.length() + 1;
            return file.substring(0, start) + generated + file.substring(start + old.length());
        }
    }
}
