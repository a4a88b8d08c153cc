package io.platforminfra.config;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.platforminfra.components.validation.Problem;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A structured stack config value (a JSON object, as Pulumi hands it over) read field by field. Every mistake is
 * recorded as a {@link Problem} with the full key path, so all of them are reported at once; unknown fields are
 * mistakes too, with a "did you mean" for typos.
 */
final class ConfigNode {
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);
    private static final TypeAdapter<JsonElement> STRICT = new Gson().getAdapter(JsonElement.class);

    private final String path;
    private final JsonObject object;
    private final List<Problem> problems;
    private final Set<String> read = new LinkedHashSet<>();

    private ConfigNode(String path, JsonObject object, List<Problem> problems) {
        this.path = path;
        this.object = object;
        this.problems = problems;
    }

    /**
     * Parses the JSON value of {@code key}; a missing value is an empty object (every field takes its default).
     * A value that is not an object is recorded as a problem and read as empty.
     */
    static ConfigNode parse(String key, Optional<String> json, List<Problem> problems) {
        if (json.isEmpty()) {
            return new ConfigNode(key, new JsonObject(), problems);
        }
        var element = parsed(json.get());
        if (element == null || !element.isJsonObject()) {
            problems.add(new Problem(key, json.get(), "be a map of settings (see docs/configuration.md)"));
            return new ConfigNode(key, new JsonObject(), problems);
        }
        return new ConfigNode(key, element.getAsJsonObject(), problems);
    }

    /**
     * Parses the JSON value of {@code key} as a list of maps, each read by {@code reader}; a missing value is an
     * empty list. Every item that is not a map, and a value that is not a list, is recorded as a problem.
     */
    static <T> List<T> parseList(String key, Optional<String> json, java.util.function.Function<ConfigNode, T> reader,
                                 List<Problem> problems) {
        if (json.isEmpty()) {
            return List.of();
        }
        var element = parsed(json.get());
        if (element == null || !element.isJsonArray()) {
            problems.add(new Problem(key, json.get(), "be a list of maps (see docs/configuration.md)"));
            return List.of();
        }
        return items(key, element.getAsJsonArray(), reader, problems);
    }

    /**
     * Records a problem unless the field read as {@code value} passes {@code test}; a missing value is a problem.
     *
     * @return whether the value passed
     */
    boolean require(String field, String value, java.util.function.Predicate<String> test, String expectation) {
        if (value != null && test.test(value)) {
            return true;
        }
        problems.add(new Problem(qualified(field), value, expectation));
        return false;
    }

    /**
     * {@code "map"} or {@code "list"} when {@code text} is the JSON the engine passes for a structured value (a map
     * or a list in the stack file), read strictly: text that merely looks similar, such as {@code [team-a]}, is text.
     */
    static Optional<String> structure(String text) {
        var stripped = text.strip();
        if (!stripped.startsWith("{") && !stripped.startsWith("[")) {
            return Optional.empty();
        }
        try (var reader = new JsonReader(new StringReader(stripped))) {
            reader.setLenient(false);
            var element = STRICT.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return Optional.empty();
            }
            return element.isJsonObject() ? Optional.of("map") : element.isJsonArray() ? Optional.of("list")
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The JSON the engine passes for a structured key, or {@code null} when it is not JSON at all. */
    private static JsonElement parsed(String json) {
        try {
            return JsonParser.parseString(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Reads a text field and hands it to {@code setter} when present. */
    ConfigNode string(String field, Consumer<String> setter) {
        primitive(field, "text").ifPresent(value -> {
            if (value.isString()) {
                setter.accept(value.getAsString());
            } else {
                problem(field, value, "be text; quote it in the stack file (\"" + value + "\"), since YAML reads "
                        + value + " as a " + (value.isNumber() ? "number" : "boolean"));
            }
        });
        return this;
    }

    /** Reads a whole-number field and hands it to {@code setter} when present. */
    ConfigNode integer(String field, Consumer<Integer> setter) {
        primitive(field, "a whole number").ifPresent(value -> {
            try {
                var number = value.getAsBigDecimal();
                setter.accept(number.intValueExact());
            } catch (RuntimeException e) {
                problem(field, value, "be a whole number");
            }
        });
        return this;
    }

    /** Reads a true/false field and hands it to {@code setter} when present. */
    ConfigNode bool(String field, Consumer<Boolean> setter) {
        primitive(field, "true or false").ifPresent(value -> {
            var text = value.getAsString();
            if (value.isBoolean() || text.equals("true") || text.equals("false")) {
                setter.accept(Boolean.parseBoolean(text));
            } else {
                problem(field, value, "be true or false");
            }
        });
        return this;
    }

    /** Reads a list of text values and hands it to {@code setter} when present. */
    ConfigNode strings(String field, Consumer<List<String>> setter) {
        array(field).ifPresent(array -> {
            var values = new ArrayList<String>();
            for (int i = 0; i < array.size(); i++) {
                var item = array.get(i);
                if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString()) {
                    values.add(item.getAsString());
                } else {
                    problems.add(new Problem(qualified(field) + "[" + i + "]", render(item), "be text"));
                }
            }
            setter.accept(values);
        });
        return this;
    }

    /** Reads a nested map of settings; an absent one reads as empty. */
    ConfigNode object(String field) {
        read.add(field);
        var value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return new ConfigNode(qualified(field), new JsonObject(), problems);
        }
        if (!value.isJsonObject()) {
            problem(field, value, "be a map of settings");
            return new ConfigNode(qualified(field), new JsonObject(), problems);
        }
        return new ConfigNode(qualified(field), value.getAsJsonObject(), problems);
    }

    /** Reads a list of maps of settings and hands it to {@code setter} when present. */
    <T> ConfigNode objects(String field, java.util.function.Function<ConfigNode, T> reader, Consumer<List<T>> setter) {
        array(field).ifPresent(array -> setter.accept(items(qualified(field), array, reader, problems)));
        return this;
    }

    /** Each map of {@code array} read by {@code reader}; an item that is not a map is a problem. */
    private static <T> List<T> items(String path, JsonArray array, java.util.function.Function<ConfigNode, T> reader,
                                     List<Problem> problems) {
        var values = new ArrayList<T>();
        for (int i = 0; i < array.size(); i++) {
            var item = array.get(i);
            var itemPath = path + "[" + i + "]";
            if (item.isJsonObject()) {
                values.add(reader.apply(new ConfigNode(itemPath, item.getAsJsonObject(), problems)));
            } else {
                problems.add(new Problem(itemPath, render(item), "be a map of settings"));
            }
        }
        return values;
    }

    /**
     * Records every field that was not read as unknown, suggesting the closest known field. Call it after
     * reading all fields.
     */
    void rejectUnknownFields() {
        for (var field : object.keySet()) {
            if (!read.contains(field)) {
                // Never the value: a mistyped field is as likely to hold a secret as anything else.
                problems.add(new Problem(qualified(field), Problem.Hidden.NOT_SHOWN, unknownKeyHint(field, read)));
            }
        }
    }

    /** The text of an unknown-key problem: a "did you mean" when a known key is close, else the known keys. */
    static String unknownKeyHint(String unknown, Set<String> known) {
        var closest = known.stream()
                .filter(k -> DISTANCE.apply(k.toLowerCase(), unknown.toLowerCase()) >= 0)
                .min(Comparator.comparingInt((String k) -> DISTANCE.apply(k.toLowerCase(), unknown.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
        return closest.map(k -> "be a known key: did you mean '" + k + "'?")
                .orElse("be a known key (" + String.join(", ", known) + ")");
    }

    /** The plain value of {@code field}; a map or a list is a problem saying it must be {@code expected}. */
    private Optional<JsonPrimitive> primitive(String field, String expected) {
        read.add(field);
        var value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive()) {
            problem(field, value, "be " + expected + ", not a " + (value.isJsonArray() ? "list" : "map"));
            return Optional.empty();
        }
        return Optional.of(value.getAsJsonPrimitive());
    }

    private Optional<JsonArray> array(String field) {
        read.add(field);
        var value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonArray()) {
            problem(field, value, "be a list");
            return Optional.empty();
        }
        return Optional.of(value.getAsJsonArray());
    }

    private void problem(String field, JsonElement value, String expectation) {
        problems.add(new Problem(qualified(field), render(value), expectation));
    }

    private String qualified(String field) {
        return path + "." + field;
    }

    /** The value as the user wrote it: text stays text (quoted in messages), numbers and booleans as they are. */
    private static Object render(JsonElement value) {
        if (value.isJsonPrimitive()) {
            var primitive = value.getAsJsonPrimitive();
            return primitive.isString() ? primitive.getAsString()
                    : primitive.isNumber() ? primitive.getAsNumber() : primitive.getAsBoolean();
        }
        return value.toString();
    }
}
