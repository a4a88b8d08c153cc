package io.platforminfra.config;


import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.Settings;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the stack file reference says of one settings class, taken from the code rather than written again: each
 * field a stack file may set (nested settings and lists of them expanded), what it accepts (its Java type, and the
 * rules its own checks applied to the defaults, {@link Problems#rules()}), its default (the value binding an empty
 * map gives, {@link ConfigNode#bind}; where that is nothing, the "Default:" sentence of its Javadoc, which says what
 * decides instead, or "required" when binding an empty map reports it) and what it means (its Javadoc,
 * {@link FieldJavadoc}).
 */
final class SettingsReference {
    /** Text YAML would read as something else than text: it is shown quoted, as it must be written. */
    /** The sentence of a Javadoc that says what the default is when the builder leaves the field empty. */
    private static final Pattern DEFAULT_SENTENCE = Pattern.compile("Default: (.+?)(?:[.:](?:\\s|$)|$)");
    /** A field's name followed by its value in brackets, as a rule relating two fields writes it. */
    private static final Pattern OTHER_FIELDS_VALUE = Pattern.compile("\\b([a-z]+[A-Z]\\w*) \\([^()]*\\)");
    private static final Pattern NOT_PLAIN_TEXT = Pattern.compile("[-+]?[0-9][0-9._:]*|true|false|null|~|yes|no|on|off",
            Pattern.CASE_INSENSITIVE);

    /** One row of the reference: a field's path under the key, what it accepts, its default and its meaning. */
    record Row(String path, String accepts, String defaultValue, String meaning) {
    }

    private SettingsReference() {
    }

    /** The rows of {@code type}, bound under {@code key}, in the order its fields are declared. */
    static List<Row> rows(String key, Class<? extends Settings> type) {
        var problems = new ArrayList<Problem>();
        var defaults = ConfigNode.parse(key, Optional.empty(), problems).bind(type);
        var recorder = new Problems();
        defaults.check(recorder);
        var accepted = new LinkedHashMap<>(recorder.rules());
        var required = recorder.list().stream().map(Problem::field).collect(Collectors.toSet());
        var rows = new ArrayList<Row>();
        addRows(rows, "", type, defaults, accepted, required, type);
        return rows;
    }

    private static void addRows(List<Row> rows, String prefix, Class<?> type, Object defaults,
                                Map<String, List<String>> accepted, java.util.Set<String> required,
                                Class<? extends Settings> root) {
        var javadoc = FieldJavadoc.of(type);
        for (var field : ConfigNode.settingsFields(type)) {
            var path = prefix + field.getName();
            var value = defaults == null ? null : valueOf(field, defaults);
            var meaning = javadoc.field(field.getName());
            if (ConfigNode.isSettings(field.getType())) {
                rows.add(new Row(path, "map: " + fieldNames(field.getType()), "each field's default", meaning));
                if (value instanceof Settings nested) {
                    var recorder = new Problems();
                    nested.check(recorder);
                    recorder.rules().forEach((f, texts) -> accepted.putIfAbsent(path + "." + f, texts));
                }
                addRows(rows, path + ".", field.getType(), value, accepted, required, root);
            } else if (field.getType() == List.class && ConfigNode.isSettings(ConfigNode.elementType(field))) {
                var element = ConfigNode.elementType(field);
                rows.add(new Row(path, "list of maps: " + fieldNames(element), shown(value), meaning));
                addRows(rows, path + "[].", element, defaultsOf(element), accepted, requiredInElements(root, path),
                        root);
            } else {
                // A rule naming another field shows that field's default value in brackets: not part of the rule.
                var rules = accepted.getOrDefault(path, List.of()).stream()
                        .map(rule -> OTHER_FIELDS_VALUE.matcher(rule).replaceAll("$1")).toList();
                rows.add(new Row(path, typeName(field) + (rules.isEmpty() ? "" : ", " + String.join("; ", rules)),
                        defaultText(value, meaning, required.contains(path)), meaning));
            }
        }
    }

    /**
     * The default as the reference shows it: the builder's value; where the builder leaves the field empty, what
     * the Javadoc's "Default:" sentence says decides instead (the region, another field); else whether binding an
     * empty map reports the field as missing.
     */
    static String defaultText(Object value, String meaning, boolean required) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            return shown(value);
        }
        var stated = DEFAULT_SENTENCE.matcher(meaning);
        if (stated.find()) {
            return stated.group(1);
        }
        return required ? "required" : "none";
    }

    /** A list element's defaults: what binding an empty map gives, though the parent's checks may require more. */
    private static Object defaultsOf(Class<?> element) {
        return ConfigNode.parse("", Optional.empty(), new ArrayList<>()).bind(element);
    }

    /** Fields of a list's elements that the parent's checks require, found by binding a list of one empty map. */
    private static java.util.Set<String> requiredInElements(Class<? extends Settings> root, String path) {
        var bound = ConfigNode.parse("", Optional.of("{\"" + path + "\": [{}]}"), new ArrayList<>()).bind(root);
        var prefix = path + "[0].";
        return bound.problems().stream().map(Problem::field).filter(f -> f.startsWith(prefix))
                .map(f -> path + "[]." + f.substring(prefix.length())).collect(Collectors.toSet());
    }

    private static String fieldNames(Class<?> type) {
        return ConfigNode.settingsFields(type).stream().map(Field::getName).collect(Collectors.joining(", "));
    }

    private static String typeName(Field field) {
        var type = field.getType();
        if (type == String.class) {
            return "text";
        }
        if (type == int.class || type == Integer.class) {
            return "whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "`true` or `false`";
        }
        return "list of text";
    }

    private static Object valueOf(Field field, Object settings) {
        try {
            field.setAccessible(true);
            return field.get(settings);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A default as the stack file would write it, in Markdown. */
    static String shown(Object value) {
        if (value == null || value instanceof List<?> list && list.isEmpty()) {
            return "none";
        }
        return "`" + yaml(value) + "`";
    }

    private static String yaml(Object value) {
        if (value instanceof String text) {
            return NOT_PLAIN_TEXT.matcher(text).matches() ? "\"" + text + "\"" : text;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SettingsReference::yaml).collect(Collectors.joining(", ", "[", "]"));
        }
        if (ConfigNode.isSettings(value.getClass())) {
            return ConfigNode.settingsFields(value.getClass()).stream().filter(f -> valueOf(f, value) != null)
                    .map(f -> f.getName() + ": " + yaml(valueOf(f, value)))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
