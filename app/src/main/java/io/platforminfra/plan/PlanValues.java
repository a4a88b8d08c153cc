package io.platforminfra.plan;

import io.platforminfra.offline.AzureMocks;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.structure.ShownValues;
import io.platforminfra.structure.StructuredValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a planned value is shown to a person or a tool: secrets as {@code [secret]} (never their content), values
 * known only after apply as {@code (known after apply)}, whole numbers without a decimal point.
 */
public final class PlanValues {
    /** The tenant of the identity that deploys: known in a real preview, not offline. */
    public static final String TENANT = "<tenant>";
    /** The subscription of the identity that deploys: known in a real preview, not offline. */
    public static final String SUBSCRIPTION = "<subscription>";

    private PlanValues() {
    }

    /**
     * The inputs as {@code path = value} lines, maps flattened into dotted paths and lists of maps into indexed
     * paths ({@code agentPoolProfiles[0].count}); lists of plain values stay on one line.
     */
    public static Map<String, String> flatten(Map<String, Object> inputs) {
        var flat = new LinkedHashMap<String, String>();
        inputs.forEach((key, value) -> flatten(key, value, flat));
        return flat;
    }

    /** The value with secrets and unknowns replaced by their markers and whole numbers as integers (for JSON). */
    public static Object masked(Object value) {
        return StructuredValues.mapLeaves(value, PlanValues::maskedLeaf);
    }

    private static Object maskedLeaf(Object value) {
        if (value instanceof RegisteredResource.Secret) {
            return ShownValues.SECRET;
        }
        if (value instanceof RegisteredResource.Unknown) {
            return ShownValues.UNKNOWN;
        }
        if (value instanceof String text) {
            // Offline there is no signed-in identity: its tenant and subscription are the mock engine's stand-ins.
            return text.replace(AzureMocks.TENANT_ID, TENANT).replace(AzureMocks.SUBSCRIPTION_ID, SUBSCRIPTION);
        }
        return ShownValues.whole(value);
    }

    /** One value as text, for a person: masked, then laid out as {@link ShownValues#text} does. */
    public static String text(Object value) {
        return ShownValues.text(masked(value));
    }

    private static void flatten(String path, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(path + "." + k, v, flat));
        } else if (value instanceof List<?> list && list.stream().anyMatch(item -> item instanceof Map<?, ?>)) {
            var items = new ArrayList<>(list);
            for (int i = 0; i < items.size(); i++) {
                flatten(path + "[" + i + "]", items.get(i), flat);
            }
        } else {
            flat.put(path, text(value));
        }
    }
}
