package io.platforminfra.offline;

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
 * @param importId     ID of the existing resource this one adopts ({@code import}); empty when it is created
 * @param protect      whether Pulumi protects it: no operation may delete or replace it
 */
public record RegisteredResource(String type, String name, String urn, String parentUrn, String provider,
                                 List<String> dependencies, Map<String, Object> inputs, boolean custom,
                                 String importId, boolean protect) {

    /** A value known only after apply (in a preview, anything Azure computes). */
    public enum Unknown {
        /** The one unknown value. */
        VALUE;

        @Override
        public String toString() {
            return "(known after apply)";
        }
    }

    /** A secret input value; its {@code toString} never shows the value. */
    public record Secret(Object value) {
        @Override
        public String toString() {
            return "[secret]";
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
        return importId != null && !importId.isEmpty();
    }
}
