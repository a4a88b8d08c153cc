package io.platforminfra.components.validation;

import java.util.List;

/**
 * Settings that can check themselves. Every component's settings implement it, so the stack program can validate
 * all of a stage's settings before it registers the first resource.
 */
public interface Validatable {

    /** Every problem with these settings; empty when they are valid. */
    List<Problem> problems();
}
