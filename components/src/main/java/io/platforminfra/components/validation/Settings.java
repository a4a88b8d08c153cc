package io.platforminfra.components.validation;

import java.util.List;

/**
 * A component's settings: what a stage chooses in its stack file. They check themselves field by field into one
 * {@link Problems}, so every problem is reported at once.
 */
public interface Settings extends Validatable {

    /** Records every problem of these settings in {@code problems}. */
    void check(Problems problems);

    @Override
    default List<Problem> problems() {
        var problems = new Problems();
        check(problems);
        return problems.list();
    }
}
