package io.platforminfra.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What kind of stage a stack is. It decides which policies apply (production stages must, for example, keep
 * zone-redundant data), never which resources exist: stage differences are data in the stack file.
 */
public enum EnvironmentType {
    /** A stage for building and testing; an outage costs time, not customers. */
    DEVELOPMENT("development"),
    /** A stage customers use. */
    PRODUCTION("production");

    private final String configValue;

    EnvironmentType(String configValue) {
        this.configValue = configValue;
    }

    /** The value written in stack files. */
    public String configValue() {
        return configValue;
    }

    /** The type written as {@code value} in a stack file, if it is one. */
    public static Optional<EnvironmentType> fromConfig(String value) {
        return Arrays.stream(values()).filter(t -> t.configValue.equals(value)).findFirst();
    }

    /** Every value accepted in stack files. */
    public static List<String> configValues() {
        return Arrays.stream(values()).map(EnvironmentType::configValue).toList();
    }
}
