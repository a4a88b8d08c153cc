package io.platforminfra.report;

/**
 * One changed property of a resource. Values are as the preview printed them: secrets stay {@code [secret]}, values
 * known only after apply read {@code (known after apply)}; numbers are doubles, objects maps, arrays lists.
 *
 * @param path     the property path as Pulumi writes it, such as {@code tags.owner} or
 *                 {@code agentPoolProfiles[1].maxCount}
 * @param kind     added, updated or deleted
 * @param replaces whether this change forces the resource to be replaced
 * @param before   the value before; null when the property was absent or the preview does not show it
 * @param after    the value after; null when the property is removed or the preview does not show it
 */
public record PropertyChange(String path, Kind kind, boolean replaces, Object before, Object after) {

    /** How the property changes. */
    public enum Kind {
        /** It gets a value it did not have. */
        ADD,
        /** Its value changes. */
        UPDATE,
        /** It loses its value. */
        DELETE
    }
}
