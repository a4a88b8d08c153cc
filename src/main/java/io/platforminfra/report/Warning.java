package io.platforminfra.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a step needs a reviewer's explicit attention before merging.
 *
 * @param step    the step
 * @param reasons every reason, at least one
 */
public record Warning(PreviewStep step, List<Reason> reasons) {

    /** The reasons to warn. */
    public enum Reason {
        /** A stateful resource (see {@link StatefulResources}) is replaced: the old one and its data go. */
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
        DELETES_PROTECTED
    }

    /** The warning for {@code step}; empty when there is nothing to warn about. */
    public static Optional<Warning> of(PreviewStep step) {
        var reasons = new ArrayList<Reason>();
        var stateful = StatefulResources.lostWith(step.type()).isPresent();
        if (stateful && step.action() == Action.REPLACE) {
            reasons.add(Reason.REPLACES_STATEFUL);
        }
        if (stateful && step.action() == Action.DELETE) {
            reasons.add(Reason.DELETES_STATEFUL);
        }
        if (step.protectChanges()) {
            reasons.add(step.protectedAfter() ? Reason.PROTECT_ON : Reason.PROTECT_OFF);
        }
        if ((step.action() == Action.DELETE || step.action() == Action.REPLACE) && step.protectedBefore()) {
            reasons.add(Reason.DELETES_PROTECTED);
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new Warning(step, List.copyOf(reasons)));
    }

    /** The warnings of a whole preview, in the order of its steps. */
    public static List<Warning> of(Preview preview) {
        return preview.steps().stream().map(Warning::of).flatMap(Optional::stream).toList();
    }
}
