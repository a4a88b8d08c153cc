package io.platforminfra.config;

import com.google.gson.JsonParser;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The one reader of what the Pulumi engine gives a real run ({@code pulumi preview}/{@code up}) in its environment:
 * the stack's name ({@code PULUMI_STACK}), its config as JSON ({@code PULUMI_CONFIG}) and the keys whose values are
 * secret ({@code PULUMI_CONFIG_SECRET_KEYS}). The SDK can look a key up but not list the keys; listing them is what
 * finds a key the program would silently ignore (a typo such as {@code platform-infra:clustr}). Read once per run:
 * the policy gate plans the stage from it, and the program is handed what that plan read.
 */
public final class EngineEnvironment {
    /** Environment variable naming the stack. */
    static final String STACK = "PULUMI_STACK";
    /** Environment variable in which the language host passes the stack config. */
    static final String CONFIG = "PULUMI_CONFIG";
    /** Environment variable listing the config keys whose values are secret. */
    static final String SECRET_KEYS = "PULUMI_CONFIG_SECRET_KEYS";

    private EngineEnvironment() {
    }

    /**
     * The stage's configuration as the engine passed it in {@code environment}: every key fully qualified
     * ({@code platform-infra:cluster}), the stack file named {@code Pulumi.<stack>.yaml}.
     */
    public static StackConfiguration configuration(Map<String, String> environment) {
        var stage = environment.getOrDefault(STACK, "");
        var values = new LinkedHashMap<String, String>();
        var config = environment.get(CONFIG);
        if (config != null && !config.isBlank()) {
            JsonParser.parseString(config).getAsJsonObject().entrySet().forEach(entry -> values.put(
                    qualified(entry.getKey()), entry.getValue().getAsString()));
        }
        var secretKeys = new LinkedHashSet<String>();
        var secrets = environment.get(SECRET_KEYS);
        if (secrets != null && !secrets.isBlank()) {
            JsonParser.parseString(secrets).getAsJsonArray().forEach(key -> secretKeys.add(
                    qualified(key.getAsString())));
        }
        return new StackConfiguration(stage, Path.of("Pulumi." + stage + ".yaml"), values, secretKeys);
    }

    /**
     * A key as the engine may write it in its qualified form: older CLIs write {@code platform-infra:config:cluster},
     * which means {@code platform-infra:cluster}.
     */
    static String qualified(String engineKey) {
        return engineKey.replaceFirst("^([^:]+):config:", "$1:");
    }
}
