package io.platforminfra.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platforminfra.components.validation.Problem;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A structured stack config value (a JSON object, as Pulumi hands it over) read into settings. Jackson reads the
 * JSON (strictly: one value, no comments or trailing text, numbers exactly as written); {@link #bind} then sets
 * each field of a settings class through its Lombok builder, choosing the reading from the field's Java type.
 * Every mistake is recorded as a {@link Problem} with the full key path, so all of them are reported at once, and
 * a field with a mistake keeps its default, so no rule reports the same mistake twice; unknown fields are mistakes
 * too, with a "did you mean" for typos.
 *
 * <p>Why not Jackson's own binding ({@code readValue} into the settings): it stops at the first error, and a wrong
 * value for a whole-number field would otherwise become 0 ({@code FAIL_ON_NULL_FOR_PRIMITIVES} is off by default),
 * which the settings' rules would then report a second time as out of range.
 */
final class ConfigNode {
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);
    /**
     * Numbers as written ({@code 1.30} stays 1.30 in a message), nothing after the one value, and no length limits
     * of Jackson's own ({@code StreamReadConstraints}: 1000-digit numbers, 50,000-character names): what the YAML
     * reading accepted (a stack file is at most 3 million characters, {@code YamlFile}) is read, so a too-long number
     * is refused as a number of its field, not as an unreadable section.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE)
                            .maxNameLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String path;
    private final ObjectNode object;
    private final List<Problem> problems;
    private final Set<String> read = new LinkedHashSet<>();

    private ConfigNode(String path, ObjectNode object, List<Problem> problems) {
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
            return empty(key, problems);
        }
        var node = parsed(json.get());
        if (node == null || !node.isObject()) {
            problems.add(new Problem(key, shown(json.get(), node), "be a map of settings (see docs/configuration.md)"));
            return empty(key, problems);
        }
        return new ConfigNode(key, (ObjectNode) node, problems);
    }

    /**
     * Parses the JSON value of {@code key} as a list of maps, each read by {@code reader}; a missing value is an
     * empty list. Every item that is not a map, and a value that is not a list, is recorded as a problem.
     */
    static <T> List<T> parseList(String key, Optional<String> json, Function<ConfigNode, T> reader,
                                 List<Problem> problems) {
        if (json.isEmpty()) {
            return List.of();
        }
        var node = parsed(json.get());
        if (node == null || !node.isArray()) {
            problems.add(new Problem(key, shown(json.get(), node), "be a list of maps (see docs/configuration.md)"));
            return List.of();
        }
        return items(key, (ArrayNode) node, reader, problems);
    }

    /**
     * {@code "map"} or {@code "list"} when {@code text} is the JSON the engine passes for a structured value (a map
     * or a list in the stack file), read strictly: text that merely looks similar, such as {@code [team-a]}, is text.
     */
    static Optional<String> structure(String text) {
        var node = parsed(text.strip());
        return node == null ? Optional.empty() : node.isObject() ? Optional.of("map")
                : node.isArray() ? Optional.of("list") : Optional.empty();
    }

    /**
     * A new {@code type} with every field this map sets, through the class's Lombok builder ({@code builder()}):
     * text, whole numbers, true/false, lists of text, nested settings and lists of nested settings, chosen by each
     * field's Java type. Fields the map leaves out keep the builder's default; any other field is unknown.
     */
    <S> S bind(Class<S> type) {
        var builder = call(type, "builder", null);
        for (var field : settingsFields(type)) {
            Consumer<Object> setter = value -> set(builder, field.getName(), value);
            bindField(field, setter);
        }
        rejectUnknownFields();
        return type.cast(call(builder.getClass(), "build", builder));
    }

    /** The fields a stack file may set: the instance fields of a settings class, in declaration order. */
    static List<Field> settingsFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()).toList();
    }

    /** Whether {@code type} is settings this reader binds: a class with a Lombok {@code builder()}. */
    static boolean isSettings(Class<?> type) {
        try {
            return Modifier.isStatic(type.getMethod("builder").getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The element type of a {@code List<E>} field. */
    static Class<?> elementType(Field field) {
        return (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
    }

    private void bindField(Field field, Consumer<Object> setter) {
        var name = field.getName();
        var type = field.getType();
        if (type == String.class) {
            string(name, setter::accept);
        } else if (type == int.class || type == Integer.class) {
            integer(name, setter::accept);
        } else if (type == boolean.class || type == Boolean.class) {
            bool(name, setter::accept);
        } else if (type == List.class && elementType(field) == String.class) {
            strings(name, setter::accept);
        } else if (type == List.class && isSettings(elementType(field))) {
            var element = elementType(field);
            objects(name, node -> node.bind(element), setter::accept);
        } else if (isSettings(type)) {
            if (object.has(name)) {
                setter.accept(object(name).bind(type));
            } else {
                read.add(name);
            }
        } else {
            // A programming mistake, found by the tests of every stack file, never a user's.
            throw new IllegalStateException("No stack file reading for field " + name + " of type " + type);
        }
    }

    /**
     * Records a problem unless the field read as {@code value} passes {@code test}; a missing value is a problem.
     *
     * @return whether the value passed
     */
    boolean require(String field, String value, Predicate<String> test, String expectation) {
        if (value != null && test.test(value)) {
            return true;
        }
        problems.add(new Problem(qualified(field), value, expectation));
        return false;
    }

    /** Reads a text field and hands it to {@code setter} when present. */
    ConfigNode string(String field, Consumer<String> setter) {
        primitive(field, "text").ifPresent(value -> {
            if (value.isTextual()) {
                setter.accept(value.textValue());
            } else {
                problem(field, value, "be text; quote it in the stack file (\"" + render(value) + "\"), since YAML reads "
                        + render(value) + " as a " + (value.isNumber() ? "number" : "boolean"));
            }
        });
        return this;
    }

    /** Reads a whole-number field and hands it to {@code setter} when present. */
    ConfigNode integer(String field, Consumer<Integer> setter) {
        primitive(field, "a whole number").ifPresent(value -> {
            try {
                var number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
                setter.accept(number.intValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                problem(field, value, "be a whole number");
            }
        });
        return this;
    }

    /** Reads a true/false field and hands it to {@code setter} when present. */
    ConfigNode bool(String field, Consumer<Boolean> setter) {
        primitive(field, "true or false").ifPresent(value -> {
            var text = value.asText();
            if (value.isBoolean() || text.equals("true") || text.equals("false")) {
                setter.accept(Boolean.parseBoolean(text));
            } else {
                problem(field, value, "be true or false");
            }
        });
        return this;
    }

    /**
     * Reads a list of text values and hands it to {@code setter} when present and every element is text; otherwise
     * the field keeps its default, so the settings' own checks never judge a list whose indices have shifted.
     */
    ConfigNode strings(String field, Consumer<List<String>> setter) {
        array(field).ifPresent(array -> {
            var values = new ArrayList<String>();
            for (int i = 0; i < array.size(); i++) {
                var item = array.get(i);
                if (item.isTextual()) {
                    values.add(item.textValue());
                } else {
                    problems.add(new Problem(qualified(field) + "[" + i + "]", render(item), "be text"));
                }
            }
            if (values.size() == array.size()) {
                setter.accept(values);
            }
        });
        return this;
    }

    /** Reads a nested map of settings; an absent one reads as empty. */
    ConfigNode object(String field) {
        read.add(field);
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return empty(qualified(field), problems);
        }
        if (!value.isObject()) {
            problem(field, value, "be a map of settings");
            return empty(qualified(field), problems);
        }
        return new ConfigNode(qualified(field), (ObjectNode) value, problems);
    }

    /**
     * Reads a list of maps of settings and hands it to {@code setter} when present and every element is a map;
     * otherwise the field keeps its default (as {@link #strings}).
     */
    <T> ConfigNode objects(String field, Function<ConfigNode, T> reader, Consumer<List<T>> setter) {
        array(field).ifPresent(array -> {
            var values = items(qualified(field), array, reader, problems);
            if (values.size() == array.size()) {
                setter.accept(values);
            }
        });
        return this;
    }

    /**
     * Records every field that was not read as unknown, suggesting the closest known field. Call it after
     * reading all fields.
     */
    void rejectUnknownFields() {
        object.fieldNames().forEachRemaining(field -> {
            if (!read.contains(field)) {
                // Never the value: a mistyped field is as likely to hold a secret as anything else.
                problems.add(new Problem(qualified(field), Problem.Hidden.NOT_SHOWN, unknownKeyHint(field, read)));
            }
        });
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

    /**
     * The value of a key that is not what it should be, as a problem shows it: the text, unless it looks like a map
     * or a list that could not be read, which may hold anything (a mistyped field holding a password) and is not
     * shown.
     */
    private static Object shown(String json, JsonNode node) {
        var structured = json.strip().startsWith("{") || json.strip().startsWith("[");
        return node == null && structured ? Problem.Hidden.NOT_SHOWN : json;
    }

    private static ConfigNode empty(String path, List<Problem> problems) {
        return new ConfigNode(path, JSON.createObjectNode(), problems);
    }

    /** The JSON the engine passes for a structured key, or {@code null} when it is not JSON at all. */
    private static JsonNode parsed(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Each map of {@code array} read by {@code reader}; an item that is not a map is a problem. */
    private static <T> List<T> items(String path, ArrayNode array, Function<ConfigNode, T> reader,
                                     List<Problem> problems) {
        var values = new ArrayList<T>();
        for (int i = 0; i < array.size(); i++) {
            var item = array.get(i);
            var itemPath = path + "[" + i + "]";
            if (item.isObject()) {
                values.add(reader.apply(new ConfigNode(itemPath, (ObjectNode) item, problems)));
            } else {
                problems.add(new Problem(itemPath, render(item), "be a map of settings"));
            }
        }
        return values;
    }

    /** The plain value of {@code field}; a map or a list is a problem saying it must be {@code expected}. */
    private Optional<JsonNode> primitive(String field, String expected) {
        read.add(field);
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isContainerNode()) {
            problem(field, value, "be " + expected + ", not a " + (value.isArray() ? "list" : "map"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<ArrayNode> array(String field) {
        read.add(field);
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            problem(field, value, "be a list");
            return Optional.empty();
        }
        return Optional.of((ArrayNode) value);
    }

    private void problem(String field, JsonNode value, String expectation) {
        problems.add(new Problem(qualified(field), render(value), expectation));
    }

    private String qualified(String field) {
        return path + "." + field;
    }

    /** The value as the user wrote it: text stays text (quoted in messages), numbers and booleans as they are. */
    private static Object render(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.toString();
    }

    /** Calls the static or instance method {@code name} (no arguments) of a settings class or its builder. */
    private static Object call(Class<?> type, String name, Object target) {
        try {
            return type.getMethod(name).invoke(target);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(type + " is not a Lombok builder class", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Class<?> boxed(Class<?> type) {
        return type == int.class ? Integer.class : type == boolean.class ? Boolean.class : type;
    }

    /** Calls the builder's one-argument method {@code name} (a Lombok setter, plural for a {@code @Singular} list). */
    private static void set(Object builder, String name, Object value) {
        Method setter = Arrays.stream(builder.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1
                        && boxed(m.getParameterTypes()[0]).isInstance(value))
                .findFirst().orElseThrow(() -> new IllegalStateException("No builder method " + name + " for "
                        + value.getClass().getSimpleName() + " in " + builder.getClass()));
        try {
            setter.invoke(builder, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
