package io.platforminfra.components.base;

import io.platforminfra.components.validation.InvalidSettingsException;
import io.platforminfra.components.validation.Validatable;

import com.pulumi.resources.ComponentResourceOptions;

/**
 * What every component of this library does the same way before it calls its super constructor.
 */
public final class Components {
    /** Type token prefix of every component: {@code platform:azure:<Name>}. */
    public static final String TYPE_PREFIX = "platform:azure:";

    private Components() {
    }

    /**
     * Validates a component's args and returns {@code options} unchanged. Called as the argument of a component's
     * super constructor ({@link AzureComponent}), so invalid args throw before the component (or any child) is
     * registered.
     *
     * @throws InvalidSettingsException listing every problem of the args
     */
    public static ComponentResourceOptions validated(String componentName, String instanceName,
                                                     ComponentResourceOptions options, Validatable args) {
        var problems = args.problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(componentName + " '" + instanceName + "'", problems);
        }
        return options;
    }
}
