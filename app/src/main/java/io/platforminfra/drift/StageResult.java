package io.platforminfra.drift;

import io.platforminfra.change.Action;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the check found for one stage.
 *
 * @param stage     the stage
 * @param drift     resources that differ in Azure from the state, with the properties not ignored
 * @param unapplied resources the program would change: merged but never released
 * @param ignored   changed properties the ignore list hid
 * @param expired   ignore entries that would have hidden a change but have expired
 * @param problems  why the stage could not be checked, one per failed run; empty when both runs gave a result
 */
public record StageResult(String stage, List<Finding> drift, List<Finding> unapplied, List<IgnoredChange> ignored,
                          List<IgnoreEntry> expired, List<String> problems) {

    public StageResult {
        drift = List.copyOf(drift);
        unapplied = List.copyOf(unapplied);
        ignored = List.copyOf(ignored);
        expired = List.copyOf(expired);
        problems = List.copyOf(problems);
    }

    /**
     * One resource with changes.
     *
     * @param action     what Pulumi would do to the state or to Azure
     * @param type       its type token
     * @param name       its Pulumi name
     * @param properties the changed property paths (none for a deletion or creation)
     */
    public record Finding(Action action, String type, String name, List<String> properties) {
        public Finding {
            properties = List.copyOf(properties);
        }

        private String line() {
            return action.sign() + " " + type + " " + name + (properties.isEmpty() ? " (" + action.word() + ")"
                    : ": " + String.join(", ", properties));
        }
    }

    /**
     * A changed property the ignore list hid.
     *
     * @param type     the resource's type token
     * @param name     its Pulumi name
     * @param property the property path
     * @param entry    the entry that hid it
     */
    public record IgnoredChange(String type, String name, String property, IgnoreEntry entry) {
    }

    /** The outcomes, {@link Outcome#CLEAN} alone when there is nothing else. */
    public Set<Outcome> outcomes() {
        var outcomes = EnumSet.noneOf(Outcome.class);
        if (!drift.isEmpty()) {
            outcomes.add(Outcome.DRIFT);
        }
        if (!unapplied.isEmpty()) {
            outcomes.add(Outcome.UNAPPLIED);
        }
        if (!problems.isEmpty()) {
            outcomes.add(Outcome.CANNOT_CHECK);
        }
        return outcomes.isEmpty() ? EnumSet.of(Outcome.CLEAN) : outcomes;
    }

    /**
     * The job log's account: a first line with the outcomes, then per outcome what was found and what to do, the
     * ignored changes with their entries and issues, and one {@code ##vso[task.logissue]} line per outcome other than
     * clean, each with its own {@code code} so the run's issues tell the classes apart.
     */
    public String text() {
        var lines = new ArrayList<String>();
        lines.add("Stage " + stage + ": " + String.join(", ", outcomes().stream().map(Outcome::code).toList()));
        section(lines, "drift (pulumi refresh --preview-only: Azure differs from the state)",
                drift.stream().map(Finding::line).toList());
        section(lines, "unapplied (pulumi preview: the program differs from the state)",
                unapplied.stream().map(Finding::line).toList());
        section(lines, "cannot check", problems);
        section(lines, "ignored (reviewed refresh noise, pipelines/drift-ignore.yaml)", ignored.stream()
                .map(change -> change.type() + " " + change.name() + ": " + change.property() + " ("
                        + change.entry().label() + ", " + change.entry().issue() + ")").toList());
        section(lines, "expired ignore entries (no longer hiding anything: check whether the issue is fixed, then"
                + " remove or renew the entry)", expired.stream().map(entry -> entry.label() + " expired on "
                + entry.expires().orElseThrow() + ", " + entry.issue()).toList());
        for (var outcome : outcomes()) {
            if (outcome != Outcome.CLEAN) {
                lines.add(logIssue(outcome));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private String logIssue(Outcome outcome) {
        var count = switch (outcome) {
            case DRIFT -> drift.size() + " resource(s) differ in Azure from the state";
            case UNAPPLIED -> unapplied.size() + " resource(s) would change on release";
            case CANNOT_CHECK -> problems.get(0);
            case CLEAN -> "";
        };
        // task.logissue takes type (error or warning) and code, "error or warning code"
        // (learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands, LogIssue properties): the code names
        // the outcome. A logging command is one line: a line break in the message would end it (and could start
        // another).
        var action = outcome.action();
        var message = ("Stage " + stage + " " + outcome.code() + ": " + count + ". "
                + Character.toUpperCase(action.charAt(0)) + action.substring(1))
                .replaceAll("[\\r\\n]+", " ");
        return "##vso[task.logissue type=error;code=drift-" + outcome.code() + "]" + message;
    }

    private static void section(List<String> lines, String title, List<String> items) {
        if (!items.isEmpty()) {
            lines.add("  " + title + ":");
            items.forEach(item -> lines.add("    " + item));
        }
    }
}
