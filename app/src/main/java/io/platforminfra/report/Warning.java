package io.platforminfra.report;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.change.Action;
import io.platforminfra.structure.ShownValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a step needs a reviewer's explicit attention before merging.
 *
 * @param step     the step
 * @param lostWith what goes with the resource when it is deleted or replaced, from the one table of types
 *                 ({@link AzureResourceType#loss()}); empty when nothing is lost
 * @param lockedBy the Pulumi name of the lock that stays over the resource while it is deleted; empty when none
 * @param reasons  every reason, at least one
 */
public record Warning(PreviewStep step, Optional<String> lostWith, Optional<String> lockedBy, List<Reason> reasons) {

    /** The reasons to warn. */
    public enum Reason {
        /**
         * A stateful resource (its type {@link AzureResourceType#losesData()}) is replaced: the old one and its data
         * go.
         */
        REPLACES_STATEFUL,
        /** A stateful resource is deleted. */
        DELETES_STATEFUL,
        /** {@code protect} is switched off: the next change may delete it without anyone noticing. */
        PROTECT_OFF,
        /** {@code protect} is switched on: later deletions need a change of their own first. */
        PROTECT_ON,
        /**
         * A protected resource is deleted or replaced (which deletes it too): {@code pulumi up} refuses until its
         * protection is removed.
         */
        DELETES_PROTECTED,
        /**
         * Deleted or replaced while a {@code CanNotDelete} lock that stays covers it: Azure refuses the delete (409
         * ScopeLocked; "A cannot-delete lock on a resource ... prevents the deletion of Azure RBAC assignments",
         * azure-resource-manager/management/lock-resources.md). The program's locks depend on everything under their
         * resource, so a lock's dependencies are what it covers. A waiver of PI-GOV-002 for the locked resource
         * drops the lock in the same update, and Pulumi deletes it first (docs/bootstrap.md).
         */
        UNDER_LOCK
    }


    /** The warnings of a whole preview, in the order of its steps. */
    public static List<Warning> of(Preview preview) {
        return preview.steps().stream().map(step -> of(step, preview)).flatMap(Optional::stream).toList();
    }

    /** The warning for {@code step} of {@code preview}; empty when there is nothing to warn about. */
    private static Optional<Warning> of(PreviewStep step, Preview preview) {
        var reasons = new ArrayList<Reason>();
        var lostWith = step.deletes() ? losesData(step, preview) : Optional.<String>empty();
        if (lostWith.isPresent()) {
            reasons.add(step.action() == Action.REPLACE ? Reason.REPLACES_STATEFUL : Reason.DELETES_STATEFUL);
        }
        if (step.protectChanges()) {
            reasons.add(step.protectedAfter() ? Reason.PROTECT_ON : Reason.PROTECT_OFF);
        }
        if (step.deletes() && step.protectedBefore()) {
            reasons.add(Reason.DELETES_PROTECTED);
        }
        var lockedBy = step.deletes() ? lockThatStays(step, preview).map(PreviewStep::name) : Optional.<String>empty();
        if (lockedBy.isPresent()) {
            reasons.add(Reason.UNDER_LOCK);
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of(new Warning(step, lostWith, lockedBy, List.copyOf(reasons)));
    }

    /** A lock the preview keeps (not deleted or replaced by it) that covers the resource of {@code step}. */
    private static Optional<PreviewStep> lockThatStays(PreviewStep step, Preview preview) {
        return preview.steps().stream()
                .filter(lock -> AzureResourceType.LOCK.isTypeOf(lock.type()) && !lock.deletes())
                .filter(lock -> lock.dependencies().contains(step.urn().text()))
                .findFirst();
    }

    /**
     * What deleting the resource of {@code step} loses: its type's entry in the table (API version or not), under
     * the entry's condition. An identity loses something only when federated credentials name it: such a step
     * in the same preview (whatever it does) whose {@code resourceName} is the identity's Azure name.
     */
    private static Optional<String> losesData(PreviewStep step, Preview preview) {
        return AzureResourceType.of(step.type()).flatMap(AzureResourceType::loss)
                .filter(loss -> loss.onlyWhenReferencedBy()
                        .map(referencing -> referenced(step, referencing, preview)).orElse(true))
                .map(AzureResourceType.Loss::lostWith);
    }

    private static boolean referenced(PreviewStep step, AzureResourceType referencingType, Preview preview) {
        var names = azureNames(step);
        return !names.isEmpty() && preview.steps().stream()
                .filter(other -> referencingType.isTypeOf(other.type()))
                .flatMap(other -> List.of(other.before(), other.after()).stream())
                .map(state -> state.text("resourceName").orElse(null))
                .anyMatch(name -> name != null && names.contains(name));
    }

    /** The Azure names the resource has before and after: its {@code resourceName} input or {@code name} output. */
    private static List<String> azureNames(PreviewStep step) {
        return List.of(step.before(), step.after()).stream()
                .flatMap(state -> List.of(state.text("resourceName"), state.text("name")).stream())
                .flatMap(Optional::stream)
                .filter(name -> !name.isBlank() && !Objects.equals(name, ShownValues.UNKNOWN)
                        && !Objects.equals(name, ShownValues.SECRET))
                .distinct().toList();
    }
}
