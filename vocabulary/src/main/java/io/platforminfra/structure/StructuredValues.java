package io.platforminfra.structure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Structured values as the engine carries resource inputs (maps, lists and plain values), looked up and
 * transformed the same way wherever they are read: by the offline engine's records, the plan and the policy rules.
 */
public final class StructuredValues {
    private StructuredValues() {
    }

    /**
     * The value at a dotted path such as {@code properties.networkAcls.defaultAction}: maps by key, lists by index
     * ({@code agentPoolProfiles.0.count}). Each value on the way is first passed through {@code unwrap} (for
     * example to see inside a secret wrapper).
     */
    public static Optional<Object> at(Object root, String path, UnaryOperator<Object> unwrap) {
        Object current = root;
        for (var part : path.split("\\.")) {
            current = unwrap.apply(current);
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+")) {
                var index = Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** A copy of {@code value} with every leaf (anything but a map or a list) replaced by {@code leaf} of it. */
    public static Object mapLeaves(Object value, UnaryOperator<Object> leaf) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), mapLeaves(v, leaf)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> mapLeaves(item, leaf)).toList();
        }
        return leaf.apply(value);
    }
}
