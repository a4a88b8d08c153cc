package io.platforminfra.config;

import com.pulumi.core.Output;

import java.util.Optional;
import java.util.Set;

/**
 * Raw stack configuration, as the Pulumi engine hands it to a program: values by fully qualified key
 * ({@code platform-infra:cluster}), scalars as text and structured values as JSON.
 */
public interface ConfigSource {

    /** Every key the stack sets (or the project gives a default for), fully qualified. */
    Set<String> keys();

    /** The value of a plain key, if the stack sets it (or the project gives a default). */
    Optional<String> value(String qualifiedKey);

    /** Whether the stack sets {@code qualifiedKey}, secret or not. */
    boolean isSet(String qualifiedKey);

    /** Whether the stack stores {@code qualifiedKey} encrypted ({@code secure:} in the stack file). */
    boolean isSecret(String qualifiedKey);

    /** The value of a secret key as a secret Output, so it never appears in plain text. */
    Output<String> secret(String qualifiedKey);
}
