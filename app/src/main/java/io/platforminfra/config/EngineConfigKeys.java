package io.platforminfra.config;

import com.google.gson.JsonParser;

import java.util.Set;
import java.util.TreeSet;

/**
 * The config keys the Pulumi engine gives a real run. The language host passes the stack's config to the program
 * as JSON in {@code PULUMI_CONFIG}; the SDK can look a key up but not list them, and listing them is what finds a
 * key that the program would silently ignore (a typo such as {@code platform-infra:clustr}).
 */
public final class EngineConfigKeys {
    /** Environment variable in which the language host passes the stack config. */
    static final String VARIABLE = "PULUMI_CONFIG";

    private EngineConfigKeys() {
    }

    /** The keys of the running deployment, from its environment. */
    public static Set<String> fromEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    /**
     * The keys in {@code json}, fully qualified ({@code platform-infra:cluster}); older CLIs write
     * {@code platform-infra:config:cluster}, which means the same key.
     */
    static Set<String> parse(String json) {
        var keys = new TreeSet<String>();
        if (json == null || json.isBlank()) {
            return keys;
        }
        for (var key : JsonParser.parseString(json).getAsJsonObject().keySet()) {
            keys.add(qualified(key));
        }
        return keys;
    }

    /** A key as the engine may write it ({@code platform-infra:config:cluster}) in its qualified form. */
    public static String qualified(String engineKey) {
        return engineKey.replaceFirst("^([^:]+):config:", "$1:");
    }
}
