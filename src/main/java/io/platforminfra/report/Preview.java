package io.platforminfra.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code pulumi preview --json} printed for one stage.
 *
 * @param file  the file it was read from
 * @param stage the stage (the stack named in the URNs)
 * @param steps every step, including those that change nothing in Azure, one per resource
 */
public record Preview(Path file, String stage, List<PreviewStep> steps) {

    /** The steps that change something in Azure, in the order of the preview. */
    public List<PreviewStep> changes() {
        return steps.stream().filter(step -> step.action().changes()).toList();
    }

    /** How many resources the preview gives {@code action}. */
    public long count(Action action) {
        return steps.stream().filter(step -> step.action() == action).count();
    }
}
