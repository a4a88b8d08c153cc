package io.platforminfra.structure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a value is shown to a person, in every output (offline plan, preview comment, drift summary): one spelling for
 * a secret and one for a value known only after apply, so a reviewer reads the same words whichever tool printed
 * them. The engine's markers print as these, and the preview report, which reads the real CLI's JSON, uses them
 * without knowing the engine.
 */
public final class ShownValues {
    /** What a secret value reads as: never its content. */
    public static final String SECRET = SecretText.MARK;
    /** What a value known only after apply (anything Azure computes, in a preview) reads as. */
    public static final String UNKNOWN = "(known after apply)";

    private ShownValues() {
    }

    /**
     * One value as text: lists as {@code [a, b]}, maps as {@code {k: v}}, the empty string as {@code ""}, whole
     * numbers without a decimal point (JSON gives every number as a double: a node count of 3 reads {@code 3}, not
     * {@code 3.0}), anything else as itself. Secrets must be replaced by {@link #SECRET} before: this only lays the
     * value out.
     */
    public static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(ShownValues::text).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return "".equals(value) ? "\"\"" : String.valueOf(whole(value));
    }

    /** {@code value}, a whole number given as a double as a {@code long} (for text and for JSON alike). */
    public static Object whole(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
            return number.longValue();
        }
        return value;
    }
}
