package io.platforminfra.config;

import io.platforminfra.components.validation.Settings;
import io.platforminfra.policy.Waiver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a stage's stack file says, typed and validated: the one place the program's configuration is read
 * into (by {@link StageConfigReader}). The scalar keys are listed in {@link StackKeys}, the structured ones in
 * {@code Platform.SECTIONS}; all are documented, with defaults, in {@code docs/configuration.md}.
 *
 * @param stage           the stage: the Pulumi stack's name, such as {@code dev}
 * @param stackFile       the stack's file, such as {@code Pulumi.dev.yaml}, named in every error
 * @param location        Azure region of every resource ({@code azure-native:location})
 * @param subscriptionId  subscription the stage deploys into ({@code azure-native:subscriptionId})
 * @param environmentType development or production
 * @param owner           team or person answerable for the stage (tag {@code owner})
 * @param costCenter      cost center the stage is billed to (tag {@code cost-center})
 * @param repository      repository the stage is deployed from (tag {@code repository})
 * @param sections        the settings of every part of the stage, by its key ({@code Platform.SECTIONS}); read them
 *                        with {@link #settings(SettingsSection)}
 * @param adoptions       existing Azure resources the stage adopts instead of creating
 * @param waivers         accepted exceptions to policy rules
 * @param deployers       client IDs of the identities that may update the stage
 */
public record StageConfig(String stage,
                          String stackFile,
                          String location,
                          String subscriptionId,
                          EnvironmentType environmentType,
                          String owner,
                          String costCenter,
                          String repository,
                          Map<SettingsSection<?>, Settings> sections,
                          Adoptions adoptions,
                          List<Waiver> waivers,
                          List<String> deployers) {
    /** Copies the settings in their order, so the stage's configuration cannot change after reading. */
    public StageConfig {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** The settings the stack file gives {@code section}, each field not given at its default. */
    public <S extends Settings> S settings(SettingsSection<S> section) {
        return section.settings().cast(sections.get(section));
    }

    /** The settings of the part whose settings class is {@code type}, for the rules that judge the stage as a whole. */
    public <S extends Settings> S settings(Class<S> type) {
        return settings(section(type));
    }

    /** The part whose settings class is {@code type}, and so the stack key its problems are named under. */
    @SuppressWarnings("unchecked")
    public <S extends Settings> SettingsSection<S> section(Class<S> type) {
        return (SettingsSection<S>) sections.keySet().stream().filter(section -> section.settings() == type)
                .findFirst().orElseThrow(() -> new IllegalStateException("The stage has no part with " + type));
    }
}
