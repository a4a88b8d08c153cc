package io.platforminfra.offline.rules;

import io.platforminfra.structure.SecretText;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.structure.StructuredValues;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the rules read a resource's inputs: values not known before apply cannot be judged and read as absent;
 * secrets are looked inside for the check but never shown.
 */
final class Inputs {
    private Inputs() {
    }

    /** The known value at {@code path} (secrets unwrapped); empty when absent or known only after apply. */
    static Optional<Object> known(RegisteredResource resource, String path) {
        return resource.input(path)
                .map(value -> value instanceof RegisteredResource.Secret secret ? secret.value() : value)
                .filter(value -> value != null && !(value instanceof RegisteredResource.Unknown));
    }

    /** The known text at {@code path}. */
    static Optional<String> text(RegisteredResource resource, String path) {
        return known(resource, path).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The known number at {@code path} (the engine carries whole numbers as doubles). */
    static Optional<Double> number(RegisteredResource resource, String path) {
        return known(resource, path).filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue());
    }

    /** The known list at {@code path}; empty when absent. */
    static List<?> list(RegisteredResource resource, String path) {
        return known(resource, path).filter(List.class::isInstance).map(l -> (List<?>) l).orElse(List.of());
    }

    /** The known map at {@code path}; empty when absent. */
    static Map<?, ?> map(RegisteredResource resource, String path) {
        return known(resource, path).filter(Map.class::isInstance).map(m -> (Map<?, ?>) m).orElse(Map.of());
    }

    /** {@code value} as a refusal may show it: {@code [secret]} when anything on the way to {@code path} is secret. */
    static Object shown(RegisteredResource resource, String path, Object value) {
        var secret = new boolean[1];
        var leaf = StructuredValues.at(resource.inputs(), path, step -> {
            if (step instanceof RegisteredResource.Secret wrapped) {
                secret[0] = true;
                return wrapped.value();
            }
            return step;
        });
        return secret[0] || leaf.filter(RegisteredResource.Secret.class::isInstance).isPresent() ? SecretText.MARK : value;
    }

    /** Whole numbers without a decimal point. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
