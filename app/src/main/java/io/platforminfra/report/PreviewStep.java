package io.platforminfra.report;

import io.platforminfra.change.Action;

import java.util.List;
import java.util.Set;

/**
 * One step of a preview: what happens to one resource.
 *
 * @param operation       the engine's operation as printed, such as {@code update} or {@code delete-replaced}
 * @param action          what the operation means for a reviewer
 * @param urn             the resource's URN, with its stack, type and Pulumi name
 * @param properties      the changed properties, in the order the preview lists them
 * @param protectedBefore whether the resource was protected before ({@code protect} in the old state)
 * @param protectedAfter  whether it is protected after; for a deletion the same as before
 * @param before          the values of the old state; {@link StateValues#NONE} for a creation
 * @param after           the values of the new state; {@link StateValues#NONE} for a deletion
 * @param dependencies    URNs the resource depends on, in its old and new state
 */
public record PreviewStep(String operation, Action action, Urn urn, List<PropertyChange> properties,
                          boolean protectedBefore, boolean protectedAfter, StateValues before, StateValues after,
                          Set<String> dependencies) {

    /** Copies the dependencies. */
    public PreviewStep {
        dependencies = Set.copyOf(dependencies);
    }

    /** The type token, such as {@code azure-native:keyvault:Vault}. */
    public String type() {
        return urn.type();
    }

    /** The Pulumi name, such as {@code secrets-kv}. */
    public String name() {
        return urn.name();
    }

    /** Whether the step switches the {@code protect} option on or off. */
    public boolean protectChanges() {
        return protectedBefore != protectedAfter;
    }

    /** Whether the resource is gone after the step: deleted, or replaced (the old one is deleted). */
    public boolean deletes() {
        return action == Action.DELETE || action == Action.REPLACE;
    }
}
