package io.platforminfra.config;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.validation.Settings;

import java.util.Optional;

/**
 * A structured key of the stack file, {@code platform-infra:<field>}, bound to the settings of one part of the stage:
 * the key, the settings class it is read into (a Lombok builder class, bound field by field by {@link ConfigNode}),
 * and the kind of Azure resource the part can adopt instead of creating ({@code platform-infra:adopt.<field>}).
 *
 * <p>One record is everything the stack file needs to know of a part: reading, validating, adopting and
 * documenting it (docs/configuration.md and the key list of Pulumi.yaml are generated from these) all follow from
 * it, so a new component adds one line to the list of the stage's parts, {@code Platform.SECTIONS}, beside the code
 * that creates it.
 *
 * @param field    the key's name in the project's namespace, such as {@code cluster}; also its field of
 *                 {@code platform-infra:adopt}
 * @param settings the settings class the key binds to
 * @param adopts   the kind of the part's main Azure resource, when the stage may adopt an existing one
 * @param <S>      the settings
 */
public record SettingsSection<S extends Settings>(String field, Class<S> settings,
                                                     Optional<AzureResourceType> adopts) {
    /** A part whose main resource the stage may adopt ({@code platform-infra:adopt.<field>}). */
    public static <S extends Settings> SettingsSection<S> adoptable(String field, Class<S> settings,
                                                                       AzureResourceType adopts) {
        return new SettingsSection<>(field, settings, Optional.of(adopts));
    }

    /** A part with nothing to adopt. */
    public static <S extends Settings> SettingsSection<S> of(String field, Class<S> settings) {
        return new SettingsSection<>(field, settings, Optional.empty());
    }

    /** The full stack config key, such as {@code platform-infra:cluster}. */
    public String key() {
        return StackKeys.NAMESPACE + ":" + field;
    }

    /** The key of one of its fields, such as {@code platform-infra:cluster.kubernetesVersion}, as problems name it. */
    public String key(String settingsField) {
        return key() + "." + settingsField;
    }
}
