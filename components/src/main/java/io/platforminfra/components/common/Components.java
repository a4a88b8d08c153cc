package io.platforminfra.components.common;

import com.pulumi.resources.ComponentResourceOptions;

import java.util.Arrays;

/**
 * What every component of this library does the same way before it calls its super constructor.
 */
public final class Components {
    /** Type token prefix of every component: {@code platform:azure:<Name>}. */
    public static final String TYPE_PREFIX = "platform:azure:";

    private Components() {
    }

    /**
     * Validates every part of a component's args and returns {@code options} unchanged. Called as the argument of
     * a component's super constructor, so invalid args throw before the component (or any child) is registered.
     *
     * @throws InvalidSettingsException listing every problem of every part
     */
    public static ComponentResourceOptions validated(String componentName, String instanceName,
                                                     ComponentResourceOptions options, Validatable... parts) {
        var problems = Arrays.stream(parts).flatMap(part -> part.problems().stream()).toList();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(componentName + " '" + instanceName + "'", problems);
        }
        return options;
    }
}
