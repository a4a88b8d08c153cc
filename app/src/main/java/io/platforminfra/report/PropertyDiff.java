package io.platforminfra.report;

import io.platforminfra.structure.ShownValues;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Narrows the change of a whole object or list down to the values that differ. Providers often name only the
 * top-level property ({@code diffReasons: ["logs"]}); a reviewer wants {@code logs[0].retentionPolicy.days: 30 → 90},
 * not two long objects cut off before the difference.
 */
final class PropertyDiff {
    private PropertyDiff() {
    }

    /**
     * The changes inside {@code change} when both of its sides are objects or lists, each with the path Pulumi
     * would write; otherwise, or when no difference shows (values hidden as secrets), {@code change} itself.
     */
    static List<PropertyChange> leaves(PropertyChange change) {
        if (change.kind() != PropertyChange.Kind.UPDATE || !container(change.before())
                || !container(change.after())) {
            return List.of(change);
        }
        var leaves = new ArrayList<PropertyChange>();
        compare(change.path(), change.before(), change.after(), change.replaces(), leaves);
        return leaves.isEmpty() ? List.of(change) : leaves;
    }

    private static void compare(String path, Object before, Object after, boolean replaces,
                                List<PropertyChange> leaves) {
        if (before instanceof Map<?, ?> old && after instanceof Map<?, ?> current) {
            var keys = new LinkedHashSet<Object>(old.keySet());
            keys.addAll(current.keySet());
            keys.forEach(key -> compare(path + key(String.valueOf(key)), old.get(key), current.get(key), replaces,
                    leaves));
        } else if (before instanceof List<?> old && after instanceof List<?> current) {
            for (var i = 0; i < Math.max(old.size(), current.size()); i++) {
                compare(path + "[" + i + "]", i < old.size() ? old.get(i) : null,
                        i < current.size() ? current.get(i) : null, replaces, leaves);
            }
        } else if (before == null && after != null) {
            leaves.add(new PropertyChange(path, PropertyChange.Kind.ADD, replaces, null, after));
        } else if (before != null && after == null) {
            leaves.add(new PropertyChange(path, PropertyChange.Kind.DELETE, replaces, before, null));
        } else if (before != null && (!Objects.equals(before, after) || hidden(before) || hidden(after))) {
            // A secret or unknown value may differ behind its marker: shown, rather than silently dropped.
            leaves.add(new PropertyChange(path, PropertyChange.Kind.UPDATE, replaces, before, after));
        }
    }

    /** {@code .key}, or {@code ["key"]} when the key holds characters that would end it. */
    private static String key(String key) {
        if (!key.isEmpty() && key.chars().noneMatch(c -> c == '.' || c == '[' || c == ']' || c == '"')) {
            return "." + key;
        }
        return "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static boolean container(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }

    private static boolean hidden(Object value) {
        return ShownValues.SECRET.equals(value) || ShownValues.UNKNOWN.equals(value);
    }
}
