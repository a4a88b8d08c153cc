package io.platforminfra.offline;

import io.platforminfra.structure.SecretText;
import io.platforminfra.structure.ShownValues;
import io.platforminfra.structure.StructuredValues;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource as the program registered it with the engine: what a reviewer sees in a preview.
 *
 * @param type         type token, such as {@code azure-native:keyvault:Vault}
 * @param name         Pulumi name
 * @param urn          URN
 * @param parentUrn    URN of the parent (the stack or a component)
 * @param provider     URN of the explicit provider; empty for the engine's default provider
 * @param dependencies URNs of explicit and input dependencies, sorted
 * @param inputs       inputs sorted by key; secrets wrapped in {@link Secret}, values not known before apply
 *                     given as {@link Unknown#VALUE}
 * @param custom       whether it is a cloud resource (not a component)
 * @param options      the resource options that decide what an update, a replacement or a teardown does to it
 */
public record RegisteredResource(String type, String name, String urn, String parentUrn, String provider,
                                 List<String> dependencies, Map<String, Object> inputs, boolean custom,
                                 Options options) {

    /**
     * The resource options a reviewer needs to see what later updates and a teardown do, as the engine received them.
     *
     * @param importId            ID of the existing resource this one adopts ({@code import}); empty when created
     * @param protect             whether Pulumi protects it: no operation may delete or replace it
     * @param ignoreChanges       input paths whose changes after creation are ignored
     * @param retainOnDelete      whether deleting it only forgets it, leaving it in Azure
     * @param deletedWith         URN of the resource whose deletion deletes it too (no delete call of its own); empty
     *                            when none. The Java SDK 1.36.1 cannot set this option, so it is always empty here.
     * @param deleteBeforeReplace whether a replacement deletes it before creating its successor
     */
    public record Options(String importId, boolean protect, List<String> ignoreChanges, boolean retainOnDelete,
                          String deletedWith, boolean deleteBeforeReplace) {
        /** Copies the list. */
        public Options {
            ignoreChanges = List.copyOf(ignoreChanges);
        }
    }

    /** ID of the existing resource this one adopts ({@code import}); empty when it is created. */
    public String importId() {
        return options.importId();
    }

    /** Whether Pulumi protects it: no operation may delete or replace it. */
    public boolean protect() {
        return options.protect();
    }

    /** A value known only after apply (in a preview, anything Azure computes). */
    public enum Unknown {
        /** The one unknown value. */
        VALUE;

        @Override
        public String toString() {
            return ShownValues.UNKNOWN;
        }
    }

    /** A secret input value; its {@code toString} never shows the value. */
    public record Secret(Object value) {
        @Override
        public String toString() {
            return SecretText.MARK;
        }
    }

    /** The input at a dotted path such as {@code properties.enablePurgeProtection}; list items by index. */
    public Optional<Object> input(String path) {
        return StructuredValues.at(inputs, path, value -> value instanceof Secret secret ? secret.value() : value);
    }

    /** Whether the resource uses an explicit provider rather than the engine's default one. */
    public boolean hasExplicitProvider() {
        return provider != null && !provider.isEmpty();
    }

    /** Whether the resource adopts an existing one ({@code import}) instead of creating it. */
    public boolean imported() {
        return !importId().isEmpty();
    }
}
