package io.platforminfra.report;

import io.platforminfra.change.Action;
import io.platforminfra.report.Diagnostic.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code pulumi preview --json} printed for one stage, or why there is nothing usable for it.
 *
 * @param file        the file it was read from; empty when the stage has no file
 * @param stage       the stage (the stack named in the URNs; otherwise named after the file)
 * @param steps       every step, including those that change nothing in Azure, one per resource
 * @param diagnostics the errors and warnings the preview reported
 * @param failure     why the stage failed although the preview reported no error (no file, an unusable file, no
 *                    steps); empty otherwise
 */
public record Preview(Optional<Path> file, String stage, List<PreviewStep> steps, List<Diagnostic> diagnostics,
                      Optional<String> failure) {

    public Preview {
        steps = List.copyOf(steps);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A stage for which there is no usable preview, and why. */
    static Preview failed(Optional<Path> file, String stage, String failure) {
        return new Preview(file, stage, List.of(), List.of(), Optional.of(failure));
    }

    /** Whether the preview of the stage failed: an error reported, or nothing usable. Never "no changes". */
    public boolean failed() {
        return failure.isPresent() || !errors().isEmpty();
    }

    /** The errors the preview reported. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    /** The warnings the preview reported. */
    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    /** The steps that change something in Azure, in the order of the preview. */
    public List<PreviewStep> changes() {
        return steps.stream().filter(step -> step.action().changes()).toList();
    }

    /** How many resources the preview gives {@code action}. */
    public long count(Action action) {
        return steps.stream().filter(step -> step.action() == action).count();
    }
}
