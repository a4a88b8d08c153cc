package io.platforminfra.pipelines;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline as Azure DevOps assembles it: {@code azure-pipelines.yml} with its templates resolved (relative to
 * the file that names them), and the scripts its steps run, so tests can assert what must hold.
 */
final class PipelineDefinition {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path MAIN = ROOT.resolve("azure-pipelines.yml");
    static final Path INIT_STAGE = ROOT.resolve("pipelines/init-stage.yml");
    static final Path TEARDOWN = ROOT.resolve("pipelines/teardown.yml");
    /** The template expressions these pipelines use: a parameter, as it is or in upper case. */
    private static final Pattern PARAMETER =
            Pattern.compile("\\$\\{\\{\\s*(?:(upper)\\(\\s*)?parameters\\.(\\w+)\\s*\\)?\\s*}}");
    /** The keys under which a template file holds what it contributes to the file that includes it. */
    private static final List<String> TEMPLATE_CONTENT = List.of("stages", "jobs", "steps", "variables");

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

    /** The stages of the main file as Azure DevOps compiles them, templates expanded. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> expandedStages() {
        return (List<Map<String, Object>>) expanded(MAIN, Map.of()).get("stages");
    }

    /**
     * Everything a stage runs, as text: the stage with every template it reaches expanded, with the parameters it
     * passes. What the scripts do with their arguments is their own test's business.
     */
    static String reachableText(Map<String, Object> stage) {
        return expandedStages().stream().filter(s -> s.get("stage").equals(stage.get("stage"))).findFirst()
                .map(String::valueOf).orElseThrow();
    }

    /**
     * A pipeline file as Azure DevOps compiles it: parameters substituted (the given arguments over the declared
     * defaults), and every {@code template:} item replaced by the expanded content of the file it names, with the
     * parameters it passes. Any other template expression fails the test: the expansion would be wrong, not lenient.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expanded(Path file, Map<String, String> arguments) {
        var values = new LinkedHashMap<String, String>();
        if (load(file).get("parameters") instanceof List<?> declared) {
            for (var parameter : (List<Map<String, Object>>) declared) {
                if (parameter.get("default") != null) {
                    values.put((String) parameter.get("name"), String.valueOf(parameter.get("default")));
                }
            }
        }
        values.putAll(arguments);
        Matcher matcher = PARAMETER.matcher(read(file));
        var text = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(matcher.group(2));
            if (value == null) {
                throw new AssertionError(file + ": parameter " + matcher.group(2) + " has no value (given: " + values
                        + ")");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(
                    matcher.group(1) == null ? value : value.toUpperCase(Locale.ROOT)));
        }
        matcher.appendTail(text);
        if (text.indexOf("${{") >= 0) {
            throw new AssertionError(file + " uses a template expression these tests cannot expand: " + text);
        }
        var document = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text.toString());
        document.remove("parameters");
        return (Map<String, Object>) expandTemplates(document, file);
    }

    /** Every map (at any depth) in an expanded file, for the tests that look at jobs, pools or steps. */
    static void eachMap(Object node, Consumer<Map<String, Object>> action) {
        if (node instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            var typed = (Map<String, Object>) map;
            action.accept(typed);
            map.values().forEach(value -> eachMap(value, action));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> eachMap(item, action));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object expandTemplates(Object node, Path file) {
        if (node instanceof Map<?, ?> map) {
            var result = new LinkedHashMap<String, Object>();
            map.forEach((key, value) -> result.put((String) key, expandTemplates(value, file)));
            return result;
        }
        if (node instanceof List<?> list) {
            var result = new ArrayList<Object>();
            for (var item : list) {
                if (item instanceof Map<?, ?> map && map.get("template") instanceof String template) {
                    var arguments = new LinkedHashMap<String, String>();
                    if (map.get("parameters") instanceof Map<?, ?> passed) {
                        passed.forEach((name, value) -> arguments.put((String) name, String.valueOf(value)));
                    }
                    var included = expanded(file.getParent().resolve(template).normalize(), arguments);
                    var content = TEMPLATE_CONTENT.stream().filter(included::containsKey).findFirst()
                            .orElseThrow(() -> new AssertionError(template + " holds none of " + TEMPLATE_CONTENT));
                    result.addAll((List<Object>) included.get(content));
                } else {
                    result.add(expandTemplates(item, file));
                }
            }
            return result;
        }
        return node;
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
