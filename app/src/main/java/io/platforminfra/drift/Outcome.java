package io.platforminfra.drift;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/**
 * What the nightly check found for a stage. A stage can have several at once (drift and an unapplied change); it is
 * clean only when it has none of the others.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum Outcome {
    /** Azure matches the state and the state matches the program. */
    CLEAN("clean", "nothing to do"),
    /** {@code pulumi refresh} finds Azure differs from the state: someone or something changed a resource. */
    DRIFT("drift", "Azure differs from the state: find who changed it (Activity Log), then undo it in Azure or take"
            + " it into the program"),
    /** {@code pulumi preview} finds the program differs from the state: a merged change was never released. */
    UNAPPLIED("unapplied", "a merged change was never released: run the release pipeline for this ring"),
    /** The check itself failed (login, network, missing stack): neither clean nor drift is known. */
    CANNOT_CHECK("cannot-check", "the check did not run to the end: fix the cause named here and run it again");

    /** The short name in the job log and in {@code ##vso[task.logissue ...;code=...]}. */
    private final String code;
    /** What to do about it. */
    private final String action;
}
