package io.platforminfra.config;

import com.pulumi.core.Output;

import java.util.Optional;
import java.util.Set;

/**
 * A loaded {@link StackConfiguration} as a {@link ConfigSource}: how the offline tools read a stage's settings
 * without running the program, through the same reader and validation.
 */
final class StackConfigurationSource implements ConfigSource {
    private final StackConfiguration configuration;

    StackConfigurationSource(StackConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Set<String> keys() {
        return configuration.values().keySet();
    }

    @Override
    public Optional<String> value(String qualifiedKey) {
        return Optional.ofNullable(configuration.values().get(qualifiedKey));
    }

    @Override
    public boolean isSet(String qualifiedKey) {
        return value(qualifiedKey).filter(v -> !v.isBlank()).isPresent();
    }

    @Override
    public boolean isSecret(String qualifiedKey) {
        return configuration.secretKeys().contains(qualifiedKey);
    }

    @Override
    public Output<String> secret(String qualifiedKey) {
        return Output.ofSecret(value(qualifiedKey).orElseThrow());
    }
}
