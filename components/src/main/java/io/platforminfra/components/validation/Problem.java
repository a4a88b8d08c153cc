package io.platforminfra.components.validation;

import io.platforminfra.structure.SecretText;

/**
 * One thing wrong with a component's settings: which field, the value it has, and what would be accepted.
 *
 * <p>Problems are collected, never thrown one by one, so a user fixes every mistake in one round.
 *
 * @param field       path of the field inside the settings, for example {@code systemPool.count}
 * @param value       the offending value as the user wrote it ({@code null} when it is missing), or {@link Hidden}
 *                    when it may not be shown
 * @param expectation what would be accepted, phrased to complete "must ...", for example "be between 1 and 100"
 */
public record Problem(String field, Object value, String expectation) {

    /** What a problem shows instead of a value that must not be printed. */
    public enum Hidden {
        /** The value is secret (encrypted in the stack file, or part of a key that is). */
        SECRET(SecretText.MARK),
        /** The value is not shown: an unknown key may well be a secret under a mistyped name. */
        NOT_SHOWN("not shown");

        private final String text;

        Hidden(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The same problem with its value replaced by {@code hidden}. */
    public Problem hiding(Hidden hidden) {
        return new Problem(field, hidden, expectation);
    }

    /** The same problem with its field placed under {@code prefix} (used when settings nest). */
    public Problem under(String prefix) {
        return new Problem(prefix + "." + field, value, expectation);
    }

    /** Renders the problem for a person, with the field named as {@code qualifiedField}. */
    public String describe(String qualifiedField) {
        return qualifiedField + " must " + expectation + " (value: " + render(value) + ")";
    }

    private static String render(Object value) {
        if (value == null) {
            return "not set";
        }
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
