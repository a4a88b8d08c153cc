package io.platforminfra.report;

import io.platforminfra.structure.ShownValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A property path as Pulumi writes it in {@code detailedDiff} and {@code diffReasons}: keys joined by dots, list
 * items by index ({@code agentPoolProfiles[1].maxCount}) and keys with dots or brackets quoted
 * ({@code tags["kubernetes.io/role"]}).
 */
public final class PropertyPath {
    /**
     * A segment {@code [*]}: any list index. Pulumi never writes it (its paths name indexes); patterns that stand for
     * a property of every item of a list use it, such as the drift check's ignore list
     * ({@code agentPoolProfiles[*].count}).
     */
    public static final Object ANY_INDEX = new Object() {
        @Override
        public String toString() {
            return "[*]";
        }
    };

    private PropertyPath() {
    }

    /**
     * The value at {@code path} in {@code root} (maps, lists and plain values). Below a secret or an unknown value
     * everything is that secret or unknown value too. Empty when the path leads nowhere or cannot be read.
     */
    static Optional<Object> find(Object root, String path) {
        var segments = segments(path);
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        Object current = root;
        for (var segment : segments.get()) {
            if (ShownValues.SECRET.equals(current) || ShownValues.UNKNOWN.equals(current)) {
                return Optional.of(current);
            }
            if (current instanceof Map<?, ?> map && segment instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && segment instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * The keys (strings), list indexes (integers) and {@link #ANY_INDEX} of {@code path}; empty when it is malformed.
     */
    public static Optional<List<Object>> segments(String path) {
        var segments = new ArrayList<Object>();
        var key = new StringBuilder();
        var i = 0;
        while (i < path.length()) {
            var c = path.charAt(i);
            if (c == '.' || c == '[') {
                if (!key.isEmpty()) {
                    segments.add(key.toString());
                    key.setLength(0);
                }
                if (c == '.') {
                    i++;
                    continue;
                }
                var close = path.indexOf(']', i);
                if (close < 0) {
                    return Optional.empty();
                }
                var inside = path.substring(i + 1, close);
                if (inside.startsWith("\"")) {
                    // A quoted key may itself hold "]": read up to the closing quote, honouring escapes.
                    var quoted = new StringBuilder();
                    var j = i + 2;
                    while (j < path.length() && path.charAt(j) != '"') {
                        if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                            j++;
                        }
                        quoted.append(path.charAt(j++));
                    }
                    if (j + 1 >= path.length() || path.charAt(j + 1) != ']') {
                        return Optional.empty();
                    }
                    segments.add(quoted.toString());
                    i = j + 2;
                } else if (inside.matches("\\d{1,9}")) {
                    segments.add(Integer.valueOf(inside));
                    i = close + 1;
                } else if (inside.equals("*")) {
                    segments.add(ANY_INDEX);
                    i = close + 1;
                } else {
                    return Optional.empty();
                }
            } else {
                key.append(c);
                i++;
            }
        }
        if (!key.isEmpty()) {
            segments.add(key.toString());
        }
        return Optional.of(segments);
    }
}
