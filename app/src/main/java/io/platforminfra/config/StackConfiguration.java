package io.platforminfra.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.platforminfra.structure.SecretText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A stage's configuration read from the project directory without the Pulumi CLI, the way the CLI assembles it:
 * project-level values and declared defaults from {@code Pulumi.yaml}, overridden by {@code Pulumi.<stage>.yaml};
 * keys without a namespace belong to the project; structured values become JSON. {@code secure:} values cannot be
 * decrypted here: they are replaced by a placeholder, and their key (also a key with an encrypted field) is marked
 * secret. The files are read as the CLI reads them ({@link YamlFile}): a key set to null ({@code ~}, {@code null} or
 * nothing) in the stack file is the empty string, and nulls inside a structured value stay null
 * ({@code checkForEmptyConfig} in pulumi/pulumi {@code sdk/go/common/workspace/loaders.go}).
 *
 * @param stage      the stage (stack) name
 * @param stackFile  path of {@code Pulumi.<stage>.yaml}
 * @param values     config by fully qualified key, as the engine passes it to the program
 * @param secretKeys keys whose values are secret
 */
public record StackConfiguration(String stage, Path stackFile, Map<String, String> values, Set<String> secretKeys) {
    /** What a {@code secure:} value reads as offline. Never a real secret: those are encrypted in the file. */
    public static final String SECRET_PLACEHOLDER = SecretText.OFFLINE_PLACEHOLDER;

    /** Nulls are kept, as in the JSON the engine passes: {@code {typo: ~}} is still an unknown field. */
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();
    /** Pulumi's rule for stack names; anything else cannot be a file of this project either. */
    private static final Pattern PULUMI_STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Copies the maps, so the configuration cannot change after loading. */
    public StackConfiguration {
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
    }

    /**
     * Loads stage {@code stage} of the project in {@code projectDirectory}.
     *
     * @throws StackFileException when {@code Pulumi.yaml} or the stack file is missing, not YAML or not a map
     */
    public static StackConfiguration load(Path projectDirectory, String stage) {
        var projectFile = projectDirectory.resolve("Pulumi.yaml");
        if (!Files.isRegularFile(projectFile)) {
            throw new StackFileException("No Pulumi.yaml in " + projectDirectory.toAbsolutePath().normalize()
                    + ": run from the project directory or name it with --dir");
        }
        if (!PULUMI_STACK_NAME.matcher(stage).matches()) {
            throw new StackFileException("'" + stage + "' is not a stack name: Pulumi accepts letters, digits,"
                    + " hyphens, underscores and periods");
        }
        var project = readMap(projectFile);
        var projectName = projectName(project, projectFile);
        var values = new LinkedHashMap<String, String>();
        var secretKeys = new LinkedHashSet<String>();

        configOf(project, projectFile).forEach((key, declaration) -> {
            var qualified = qualify(projectName, key);
            if (declaration instanceof Map<?, ?> typed) {
                var value = typed.containsKey("value") ? typed.get("value") : typed.get("default");
                if (value != null) {
                    values.put(qualified, text(value));
                }
            } else if (declaration != null) {
                values.put(qualified, text(declaration));
            }
        });

        var stackFile = projectDirectory.resolve("Pulumi." + stage + ".yaml");
        if (!Files.isRegularFile(stackFile)) {
            throw new StackFileException(stackFile.getFileName() + " not found in "
                    + projectDirectory.toAbsolutePath().normalize() + " (stages there: "
                    + String.join(", ", stagesIn(projectDirectory)) + ")");
        }
        configOf(readMap(stackFile), stackFile).forEach((key, value) -> {
            var qualified = qualify(projectName, key);
            if (value == null) {
                // The CLI reads a key without a value as "" (and warns that it may become null one day).
                values.put(qualified, "");
            } else {
                var secure = new boolean[1];
                values.put(qualified, text(decryptedOffline(value, secure)));
                // As the engine does: a key with an encrypted field anywhere in it is secret as a whole
                // (`pulumi config set --secret --path database.adminGroupName`; PULUMI_CONFIG_SECRET_KEYS lists keys).
                if (secure[0]) {
                    secretKeys.add(qualified);
                }
            }
        });
        return new StackConfiguration(stage, stackFile, values, secretKeys);
    }

    /**
     * {@code value} with every encrypted value ({@code secure: v1:...}, at any depth) replaced by
     * {@link #SECRET_PLACEHOLDER}; sets {@code secure[0]} when there was one.
     */
    private static Object decryptedOffline(Object value, boolean[] secure) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                secure[0] = true;
                return SECRET_PLACEHOLDER;
            }
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, decryptedOffline(v, secure)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> decryptedOffline(item, secure)).toList();
        }
        return value;
    }

    /** Stage names of every {@code Pulumi.<stage>.yaml} in {@code projectDirectory}, sorted. */
    public static List<String> stagesIn(Path projectDirectory) {
        try (var files = Files.list(projectDirectory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(StackConfiguration::isStackFileName)
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StackFileException("The stack files in " + projectDirectory.toAbsolutePath().normalize()
                    + " cannot be listed: " + (e.getCause() != null ? e.getCause() : e).getMessage());
        }
    }

    /** Whether a file named {@code fileName} is a stack file ({@code Pulumi.<stage>.yaml}) in a project. */
    public static boolean isStackFileName(String fileName) {
        return fileName.startsWith("Pulumi.") && fileName.endsWith(".yaml") && !fileName.equals("Pulumi.yaml");
    }

    /**
     * The project's name: text, not empty. The CLI refuses a project file without one ({@code ValidateProject} in
     * pulumi/pulumi {@code sdk/go/common/workspace/project.go}); the schema it validates against also requires a
     * {@code runtime} ({@code project.json}).
     */
    private static String projectName(Map<String, Object> project, Path projectFile) {
        var name = project.get("name");
        if (!(name instanceof String text) || text.isEmpty()) {
            throw new StackFileException(projectFile.getFileName() + ": 'name' must be the project's name, as text"
                    + " (value: " + (name == null ? "not set" : "'" + name + "'") + "); the Pulumi CLI refuses a"
                    + " project without one");
        }
        if (project.get("runtime") == null) {
            throw new StackFileException(projectFile.getFileName() + ": 'runtime' must name the program's runtime"
                    + " (here: java); the Pulumi CLI refuses a project without one");
        }
        return text;
    }

    private static String qualify(String projectName, String key) {
        return key.contains(":") ? key : projectName + ":" + key;
    }

    /** Scalars as the CLI passes them (text); lists and maps as JSON. */
    private static String text(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? GSON.toJson(value) : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configOf(Map<String, Object> file, Path path) {
        var config = file.get("config");
        if (config == null) {
            return Map.of();
        }
        if (!(config instanceof Map<?, ?>)) {
            throw new StackFileException(path.getFileName() + ": 'config' must be a map of keys to values");
        }
        return (Map<String, Object>) config;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(Path path) {
        var content = YamlFile.read(path);
        if (content == null) {
            return Map.of();
        }
        if (!(content instanceof Map<?, ?>)) {
            throw new StackFileException(path.getFileName() + " must be a YAML map with a 'config' section");
        }
        return (Map<String, Object>) content;
    }
}
