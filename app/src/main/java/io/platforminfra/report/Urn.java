package io.platforminfra.report;

import java.util.Optional;

/**
 * A Pulumi URN and its parts, {@code urn:pulumi:<stack>::<project>::<parent types$>type::<name>}.
 *
 * @param text    the URN as written
 * @param stack   the stack, which is the stage
 * @param project the Pulumi project
 * @param type    the resource's own type token (without its parents' types)
 * @param name    the Pulumi name
 */
public record Urn(String text, String stack, String project, String type, String name) {
    private static final String PREFIX = "urn:pulumi:";

    /** The parts of {@code urn}; empty when it is not a Pulumi URN. */
    public static Optional<Urn> parse(String urn) {
        if (!urn.startsWith(PREFIX)) {
            return Optional.empty();
        }
        // The name is last and may itself contain "::", so split into at most four parts.
        var parts = urn.substring(PREFIX.length()).split("::", 4);
        if (parts.length < 4 || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        var qualifiedType = parts[2];
        var type = qualifiedType.substring(qualifiedType.lastIndexOf('$') + 1);
        return Optional.of(new Urn(urn, parts[0], parts[1], type, parts[3]));
    }
}
