package io.platforminfra.policy;

/**
 * What a rule found wrong with one resource.
 *
 * @param resourceType type token of the resource
 * @param resourceName Pulumi name of the resource (what a waiver names)
 * @param message      what is wrong, in words
 */
public record Finding(String resourceType, String resourceName, String message) {

    /** A finding about {@code resource}. */
    public static Finding of(PolicyResource resource, String message) {
        return new Finding(resource.type(), resource.name(), message);
    }
}
