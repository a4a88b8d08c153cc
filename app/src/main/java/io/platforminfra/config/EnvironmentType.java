package io.platforminfra.config;

import io.platforminfra.components.validation.Choice;

import java.util.List;
import java.util.Optional;

/**
 * What kind of stage a stack is. It decides which policies apply (production stages must, for example, keep
 * zone-redundant data), never which resources exist: stage differences are data in the stack file.
 */
public enum EnvironmentType {
    /** A stage for building and testing; an outage costs time, not customers. */
    DEVELOPMENT,
    /** A stage customers use. */
    PRODUCTION;

    /** How stack files write each type: its name in lowercase. */
    private static final Choice<EnvironmentType> IN_STACK_FILES = new Choice<>(List.of(values()), Choice::lowercase);

    /** The value written in stack files. */
    public String configValue() {
        return Choice.lowercase(this);
    }

    /** The type written as {@code value} in a stack file, if it is one. */
    public static Optional<EnvironmentType> fromConfig(String value) {
        return IN_STACK_FILES.read(value);
    }

    /** Every value accepted in stack files. */
    public static List<String> configValues() {
        return IN_STACK_FILES.spellings();
    }
}
