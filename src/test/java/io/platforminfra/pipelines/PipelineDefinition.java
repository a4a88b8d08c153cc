package io.platforminfra.pipelines;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pipeline as Azure DevOps assembles it: {@code azure-pipelines.yml} with its templates resolved (relative to
 * the file that names them), and the scripts its steps run, so tests can assert what must hold.
 */
final class PipelineDefinition {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path MAIN = ROOT.resolve("azure-pipelines.yml");

    private PipelineDefinition() {
    }

    /** The stages of the main file, by stage name. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> stages() {
        return (List<Map<String, Object>>) load(MAIN).get("stages");
    }

    /** The stage called {@code name}. */
    static Map<String, Object> stage(String name) {
        return stages().stream().filter(s -> name.equals(s.get("stage"))).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + name + " in azure-pipelines.yml"));
    }

    /**
     * Everything a stage runs, as text: the stage and every template it reaches, with template parameters as the
     * stage passes them. What the scripts do with their arguments is their own test's business.
     */
    static String reachableText(Map<String, Object> stage) {
        var text = new StringBuilder(String.valueOf(stage));
        collect(stage, MAIN, text);
        return text.toString();
    }

    /** Every pipeline file: the main file and every template under pipelines/. */
    static List<Path> files() {
        try (var walk = Files.walk(ROOT.resolve("pipelines"))) {
            var files = new ArrayList<Path>();
            files.add(MAIN);
            walk.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every script the pipeline runs from a file. */
    static List<Path> scripts() {
        try (var list = Files.list(ROOT.resolve("pipelines/scripts"))) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every step (a map with script, task, publish, download or checkout) in every pipeline file. */
    static List<Map<String, Object>> steps() {
        var steps = new ArrayList<Map<String, Object>>();
        files().forEach(file -> collectSteps(load(file), steps));
        return steps;
    }

    /** A YAML file as maps and lists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) {
        try {
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Object node, Path file, StringBuilder text) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("template") instanceof String template) {
                var included = file.getParent().resolve(template).normalize();
                var content = load(included);
                text.append('\n').append(content);
                collect(content, included, text);
            }
            map.values().forEach(value -> collect(value, file, text));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, file, text));
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectSteps(Object node, List<Map<String, Object>> steps) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("script") || map.containsKey("task") || map.containsKey("bash")) {
                steps.add((Map<String, Object>) map);
            }
            map.values().forEach(value -> collectSteps(value, steps));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSteps(item, steps));
        }
    }
}
