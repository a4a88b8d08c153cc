package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.structure.StructuredValues;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A resource as the policy rules see it: what the program registers, independent of the engine that ran it.
 *
 * @param type         type token, such as {@code azure-native:keyvault:Vault}
 * @param name         Pulumi name (what waivers and reports name)
 * @param urn          URN
 * @param inputs       inputs; values known only after apply are {@link Value#UNKNOWN}, secrets {@link Value#SECRET}
 * @param protect      whether Pulumi protects it against deletion and replacement
 * @param provider     URN of its explicit provider; empty for the engine's default provider
 * @param dependencies URNs of the resources it depends on (its inputs' sources and explicit dependencies)
 */
public record PolicyResource(String type, String name, String urn, Map<String, Object> inputs, boolean protect,
                             String provider, List<String> dependencies) {

    /** Values a rule cannot read. */
    public enum Value {
        /** Known only after apply: present, but its value is Azure's to choose. */
        UNKNOWN,
        /** A secret: present, never read. */
        SECRET
    }

    /**
     * The resource's type in the one table of types, whether registered with an explicit API version or not ({@code
     * azure-native:dbforpostgresql/v20221201:Server} is {@code azure-native:dbforpostgresql:Server}): what the rules
     * judge, so a resource registered under an explicit API version cannot slip past a rule of its type. Empty for
     * a type outside the table.
     */
    public Optional<AzureResourceType> azureType() {
        return AzureResourceType.of(type);
    }

    /** Whether this resource depends on {@code other} (uses one of its outputs or waits for it). */
    public boolean dependsOn(PolicyResource other) {
        return dependencies.contains(other.urn());
    }

    /** The input at a dotted path such as {@code properties.enablePurgeProtection}; list items by index. */
    public Optional<Object> input(String path) {
        return StructuredValues.at(inputs, path, UnaryOperator.identity());
    }

    /** Whether the input at {@code path} equals {@code expected} (numbers compared by value). */
    public boolean is(String path, Object expected) {
        return input(path).map(value -> value instanceof Number number && expected instanceof Number wanted
                ? number.doubleValue() == wanted.doubleValue() : Objects.equals(value, expected)).orElse(false);
    }

    /** Whether the input at {@code path} is set, known or not. */
    public boolean isSet(String path) {
        return input(path).isPresent();
    }

    /** The input at {@code path} as a list (empty when absent). */
    public List<?> list(String path) {
        return input(path).filter(List.class::isInstance).map(List.class::cast).orElse(List.of());
    }

    /** The input at {@code path} as a number, when it is one. */
    public Optional<Double> number(String path) {
        return input(path).filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue());
    }

    /** The input at {@code path} as text, when it is known text. */
    public Optional<String> text(String path) {
        return input(path).filter(String.class::isInstance).map(String.class::cast);
    }
}
