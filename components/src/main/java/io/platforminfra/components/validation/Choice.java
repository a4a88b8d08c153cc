package io.platforminfra.components.validation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A closed choice of the settings: the enum constants accepted, in the order a problem lists them, and how the stack
 * file writes each. Settings keep the text as written, so a problem can show a wrong value; the accepted values and
 * the typed value both come from the enum, so there is no second list of strings to keep in step.
 *
 * @param values   the accepted constants, in the order a problem lists them
 * @param spelling how the stack file (and Azure) writes a constant
 * @param <E>      the enum, often azure-native's own for the property
 */
public record Choice<E extends Enum<E>>(List<E> values, Function<E, String> spelling) {

    /** Copies {@code values}. */
    public Choice {
        values = List.copyOf(values);
    }

    /** How the stack file writes a constant of an enum of this library: its name in lowercase. */
    public static String lowercase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The accepted values as the stack file writes them. */
    public List<String> spellings() {
        return values.stream().map(spelling).toList();
    }

    /** The constant written {@code text}, if any. */
    public Optional<E> read(String text) {
        return values.stream().filter(value -> spelling.apply(value).equals(text)).findFirst();
    }

    /**
     * The constant written {@code text}; for settings that passed validation.
     *
     * @throws IllegalStateException when {@code text} is not one of the accepted values
     */
    public E of(String text) {
        return read(text).orElseThrow(() -> new IllegalStateException(
                "'" + text + "' is not one of " + String.join(", ", spellings()) + "; validate the settings first"));
    }
}
