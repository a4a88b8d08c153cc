package io.platforminfra.report;

import io.platforminfra.change.Action;
import io.platforminfra.structure.ShownValues;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.platforminfra.report.MarkdownText.code;

/**
 * The pull request comment. First the summary: for every stage, in the order given, its counts (or that the preview
 * failed, and why) and a warning block for the changes a reviewer must not miss (see {@link Warning}). Then the
 * details: per stage the errors and warnings pulumi preview reported and a table of the changed resources with their
 * changed properties. A comment that must fit a limit keeps the summary and cuts the details. Secrets stay
 * {@code [secret]} and values known only after apply read {@code (known after apply)}.
 */
public final class PreviewReport {
    /** The pipeline artifact with the full report, named by a comment that was cut. */
    public static final String ARTIFACT = "preview-report";

    /** Beyond this many changed properties a row lists how many more there are: the table stays readable. */
    private static final int MAX_PROPERTIES = 10;

    /** Beyond this many errors or warnings a stage lists how many more there are. */
    private static final int MAX_DIAGNOSTICS = 20;

    /** Why a stage failed fits on one line, but longer than a table cell. */
    private static final int MAX_FAILURE_LENGTH = 300;

    /** The stack itself: a diagnostic about it is about the program as a whole. */
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private static final List<Action> SUMMARY_ORDER =
            List.of(Action.CREATE, Action.UPDATE, Action.REPLACE, Action.DELETE, Action.IMPORT, Action.OTHER);

    private PreviewReport() {
    }

    /** The comment for the previews of all stages, as Markdown, in full. */
    public static String markdown(List<Preview> previews) {
        return parts(previews).full();
    }

    /** The comment for {@code previews}, failed stages included, as Markdown, in full. */
    public static String markdown(Previews previews) {
        return markdown(previews.stages());
    }

    /**
     * The comment for {@code previews} in at most {@code limit} characters: the full text when it fits; otherwise
     * the summary (every stage's counts, failed stages and the warnings a reviewer must not miss) and as many details
     * as fit, ending with {@link #cutNotice(String)} that names the artifact with the full text.
     */
    public static String markdown(Previews previews, int limit, String artifact) {
        return parts(previews.stages()).within(limit, artifact);
    }

    /** The last line of a comment whose details were cut. */
    public static String cutNotice(String artifact) {
        return "cut: full report in the `" + artifact + "` artifact";
    }

    /**
     * A piece of the details. A heading ({@code leads}) is kept only together with the piece after it, so a cut
     * never leaves a heading or a table header without content.
     */
    private record Detail(String text, boolean leads) {
        static Detail heading(String text) {
            return new Detail(text, true);
        }

        static Detail content(String text) {
            return new Detail(text, false);
        }
    }

    /**
     * The comment in pieces: the summary comes first and is kept whole; the details are small pieces (a heading,
     * one diagnostic, one table row) so a cut keeps as many as fit and never splits one.
     */
    private record Parts(String summary, List<Detail> details, String footer) {
        String full() {
            return summary + details.stream().map(Detail::text).collect(Collectors.joining()) + footer;
        }

        String within(int limit, String artifact) {
            var full = full();
            if (full.length() <= limit) {
                return full;
            }
            var notice = "\n" + cutNotice(artifact) + "\n";
            var left = "\n_Details left out here: %d of %d (diagnostics and changed resources)._\n";
            var reserve = notice.length() + footer.length() + left.length() + 20;
            var budget = limit - reserve;
            var contents = details.stream().filter(detail -> !detail.leads()).count();
            var text = new StringBuilder();
            var kept = 0;
            if (summary.length() > budget) {
                // Only a pathological preview gets here (thousands of warnings): whole lines of the summary, and
                // no details after a summary that is not whole.
                var end = summary.lastIndexOf('\n', Math.max(budget - 1, 0));
                text.append(summary, 0, Math.max(end + 1, 0));
            } else {
                text.append(summary);
                var pending = new StringBuilder();
                for (var detail : details) {
                    if (detail.leads()) {
                        pending.append(detail.text());
                        continue;
                    }
                    if (text.length() + pending.length() + detail.text().length() > budget) {
                        break;
                    }
                    text.append(pending).append(detail.text());
                    pending.setLength(0);
                    kept++;
                }
            }
            text.append(String.format(left, contents - kept, contents));
            return text.append(footer).append(notice).toString();
        }
    }

    private static Parts parts(List<Preview> previews) {
        var summary = new StringBuilder("## Pulumi preview\n");
        var failed = previews.stream().filter(Preview::failed).map(preview -> code(preview.stage())).toList();
        if (!failed.isEmpty()) {
            summary.append("\n> **Failed:** the preview of ")
                    .append(failed.size() == 1 ? "stage " : "stages ").append(String.join(", ", failed))
                    .append(" failed. What ").append(failed.size() == 1 ? "that stage" : "those stages")
                    .append(" would change is unknown or incomplete: do not merge on the strength of this comment.\n");
        }
        previews.forEach(preview -> stageSummary(preview, summary));
        var details = new ArrayList<Detail>();
        previews.forEach(preview -> stageDetails(preview, details));
        var footer = "\n_Written by `platform-infra report` from `pulumi preview --json`. Secrets show as `"
                + ShownValues.SECRET + "`, values Azure computes as `" + ShownValues.UNKNOWN + "`._\n";
        return new Parts(summary.toString(), details, footer);
    }

    /** The summary of one stage, such as {@code 2 to create, 1 to replace}, or {@code No changes.}. */
    private static String summary(Preview preview) {
        var parts = new ArrayList<String>();
        for (var action : SUMMARY_ORDER) {
            var count = preview.count(action);
            if (count > 0) {
                parts.add(action == Action.OTHER ? count + " other" : count + " to " + action.word());
            }
        }
        if (preview.failed()) {
            // Never "No changes": a failed preview says nothing about what the stage would not change.
            var errors = preview.errors().size();
            var why = preview.failure().map(failure -> MarkdownText.plain(failure, MAX_FAILURE_LENGTH))
                    .orElse("pulumi preview reported " + errors + (errors == 1 ? " error" : " errors"));
            return "**Preview failed:** " + why + (parts.isEmpty() ? "" : ". Found before it failed (incomplete): "
                    + String.join(", ", parts)) + "\n";
        }
        return "**" + (parts.isEmpty() ? "No changes." : String.join(", ", parts)) + "**\n";
    }

    /** The summary of one stage: its counts (or why it failed) and the warnings a reviewer must not miss. */
    private static void stageSummary(Preview preview, StringBuilder markdown) {
        markdown.append("\n### Stage ").append(code(preview.stage())).append("\n\n");
        markdown.append(summary(preview));
        var warnings = Warning.of(preview);
        if (!warnings.isEmpty()) {
            markdown.append("\n> **Warning:** ").append(warnings.size())
                    .append(warnings.size() == 1 ? " resource needs" : " resources need")
                    .append(" a careful look before merging\n>\n");
            warnings.forEach(warning -> markdown.append("> - ").append(warning(warning)).append('\n'));
        }
    }

    /** The details of one stage, in pieces: pulumi's errors and warnings, then the table of changed resources. */
    private static void stageDetails(Preview preview, List<Detail> details) {
        var changes = preview.changes();
        if (preview.errors().isEmpty() && preview.warnings().isEmpty() && changes.isEmpty()) {
            return;
        }
        details.add(Detail.heading("\n### Details of stage " + code(preview.stage()) + "\n"));
        diagnostics("Errors from pulumi preview", preview.errors(), details);
        diagnostics("Warnings from pulumi preview", preview.warnings(), details);
        if (!changes.isEmpty()) {
            details.add(Detail.heading("\n| Change | Type | Name | Changed properties |\n| --- | --- | --- | --- |\n"));
            changes.forEach(step -> details.add(Detail.content("| " + operation(step)
                    + " | " + code(step.type())
                    + " | " + code(step.name())
                    + " | " + properties(step) + " |\n")));
        }
    }

    /** Errors or warnings of the preview, each with the resource it is about and its text as a block. */
    private static void diagnostics(String title, List<Diagnostic> diagnostics, List<Detail> details) {
        if (diagnostics.isEmpty()) {
            return;
        }
        details.add(Detail.heading("\n**" + title + "** (" + diagnostics.size() + ")\n"));
        diagnostics.stream().limit(MAX_DIAGNOSTICS).forEach(diagnostic -> details.add(Detail.content("\n"
                + diagnostic.urn().filter(urn -> !urn.type().equals(STACK_TYPE))
                        .map(urn -> code(urn.name()) + " (" + code(urn.type()) + "):\n").orElse("")
                + MarkdownText.block(diagnostic.message()))));
        if (diagnostics.size() > MAX_DIAGNOSTICS) {
            details.add(Detail.content("\nand " + (diagnostics.size() - MAX_DIAGNOSTICS) + " more in the job log\n"));
        }
    }

    private static String operation(PreviewStep step) {
        var word = step.action() == Action.OTHER ? MarkdownText.plain(step.operation()) : step.action().word();
        return step.action().sign() + " " + word;
    }

    private static String warning(Warning warning) {
        var step = warning.step();
        var lead = step.action().changes() ? "**" + step.action().word() + "** " : "";
        var lostWith = warning.lostWith().orElse("");
        var reasons = warning.reasons().stream().map(reason -> switch (reason) {
            case REPLACES_STATEFUL -> "deletes the existing " + lostWith + " and creates a new one"
                    + forcedBy(step);
            case DELETES_STATEFUL -> "deletes the " + lostWith;
            case PROTECT_OFF -> "`protect` is switched off, so nothing stops a later change from deleting it";
            case PROTECT_ON -> "`protect` is switched on: deleting or replacing it later needs a change that"
                    + " switches it off first";
            case DELETES_PROTECTED -> "it is protected, so `pulumi up` refuses to delete it until `protect` is"
                    + " switched off";
            case UNDER_LOCK -> "Azure refuses to delete it under the CanNotDelete lock "
                    + warning.lockedBy().map(MarkdownText::code).orElse("")
                    + " (409 ScopeLocked): waive PI-GOV-002 for the locked resource in this pull request"
                    + " (docs/bootstrap.md, changes under a production lock)";
        }).collect(Collectors.joining("; "));
        return lead + code(step.name()) + " (" + code(step.type()) + "): " + reasons;
    }

    private static String forcedBy(PreviewStep step) {
        var forcing = step.properties().stream().filter(PropertyChange::replaces)
                .map(property -> code(property.path())).toList();
        return forcing.isEmpty() ? "" : " (forced by " + String.join(", ", forcing) + ")";
    }

    private static String properties(PreviewStep step) {
        var properties = step.properties();
        var shown = properties.stream().limit(MAX_PROPERTIES).map(PreviewReport::property)
                .collect(Collectors.toCollection(ArrayList::new));
        if (properties.size() > MAX_PROPERTIES) {
            shown.add("and " + (properties.size() - MAX_PROPERTIES) + " more");
        }
        return String.join("<br>", shown);
    }

    private static String property(PropertyChange property) {
        var text = new StringBuilder(code(property.path()));
        switch (property.kind()) {
            case ADD -> text.append(" added: ").append(value(property.after() == null ? ShownValues.UNKNOWN
                    : property.after()));
            case DELETE -> text.append(" removed")
                    .append(property.before() == null ? "" : " (was " + value(property.before()) + ")");
            case UPDATE -> {
                if (property.before() != null || property.after() != null) {
                    // A new value the preview leaves out is one the provider computes: Pulumi shows it as unknown.
                    // An old value it leaves out is simply not known here: a question mark, not a guess.
                    text.append(": ").append(property.before() == null ? "?" : value(property.before()))
                            .append(" → ").append(value(property.after() == null ? ShownValues.UNKNOWN
                                    : property.after()));
                }
            }
        }
        if (property.replaces()) {
            text.append(" (forces replacement)");
        }
        return text.toString();
    }

    private static String value(Object value) {
        return code(ShownValues.text(value));
    }
}
