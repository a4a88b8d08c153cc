package io.platforminfra.drift;

import io.platforminfra.change.Action;
import io.platforminfra.report.Preview;
import io.platforminfra.report.PreviewFileException;
import io.platforminfra.report.PreviewReader;
import io.platforminfra.report.PreviewStep;
import io.platforminfra.report.PropertyChange;
import io.platforminfra.structure.ShownValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Classifies one stage from its two nightly Pulumi runs:
 * <ul>
 *   <li>{@code pulumi refresh --preview-only --expect-no-changes --json}: Azure against the state. Pulumi prints the
 *   same digest as a preview ({@code --preview-only} runs the refresh as a dry run, and a dry run with
 *   {@code --json} prints {@code ShowPreviewDigest}: pulumi/pulumi v3.257.0 pkg/backend/diy/backend.go
 *   {@code Refresh}, pkg/backend/display/display.go {@code ShowEvents}). An unchanged resource is a step with
 *   {@code op: refresh}; a changed one is rewritten to {@code update} with its {@code detailedDiff}, one that is gone
 *   to {@code delete} (pkg/backend/display/json.go, the {@code ResourceOutputsEvent} branch, pulumi/pulumi#16146).</li>
 *   <li>{@code pulumi preview --expect-no-changes --json} (without refresh): the program against the state, so a
 *   change merged but never released shows apart from drift.</li>
 * </ul>
 * Both are read with the pull request comment's reader ({@link PreviewReader}), which masks secrets.
 *
 * <p>With {@code --expect-no-changes} the CLI exits {@value #CHANGES_PROPOSED} when it found changes
 * ({@code backenderr.NoChangesExpectedError}, "no changes were expected for refresh but changes were proposed",
 * mapped to {@code ExitNoChanges} in pkg/cmd/pulumi/cmd/exit_codes.go since v3.227.0, "Use distinct exit codes for
 * different types of error"). Any other non-zero exit is a failed run: 3 authentication, 6 stack not found, 1
 * anything else, including a provider that cannot log in to Azure. Only an exit of 0 or
 * {@value #CHANGES_PROPOSED} with a usable digest of the stage is a result; everything else is
 * {@link Outcome#CANNOT_CHECK}, never clean. A CLI upgrade that changed these codes therefore fails loudly as
 * "cannot check" rather than passing silently.
 */
public final class DriftCheck {
    /** The exit code of {@code --expect-no-changes} when changes were found (Pulumi's {@code ExitNoChanges}). */
    public static final int CHANGES_PROPOSED = 7;

    /** Error text cut to this length: the first line says what failed, the job log keeps the rest. */
    private static final int MAX_ERROR = 400;

    /**
     * Credentials that an error message may quote although Pulumi does not know them as secrets: a bearer token or
     * JWT (an OIDC or managed identity token), a storage SAS signature, a storage account key, a client secret.
     */
    private static final List<Pattern> CREDENTIALS = List.of(
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*"),
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{16,}"),
            Pattern.compile("(?i)((?:^|[?&;\\s])sig=)[^&\\s\"']+"),
            Pattern.compile("(?i)(AccountKey=)[^;\\s\"']+"),
            Pattern.compile("(?i)(client_secret=)[^&\\s\"']+"));

    private DriftCheck() {
    }

    /**
     * The result for {@code stage}: {@code refresh} decides drift (minus what {@code ignore} covers on {@code day}),
     * {@code preview} decides unapplied changes; either one that is not a usable result makes the stage
     * {@link Outcome#CANNOT_CHECK}.
     */
    public static StageResult check(String stage, PulumiRun refresh, PulumiRun preview, IgnoreList ignore,
                                    LocalDate day) {
        var problems = new ArrayList<String>();
        var drift = new ArrayList<StageResult.Finding>();
        var ignored = new ArrayList<StageResult.IgnoredChange>();
        var expired = new LinkedHashSet<IgnoreEntry>();
        read(stage, "pulumi refresh", refresh, problems).ifPresent(changes -> changes.forEach(step ->
                judgeRefreshStep(step, ignore, day, drift, ignored, expired)));
        var unapplied = new ArrayList<StageResult.Finding>();
        read(stage, "pulumi preview", preview, problems).ifPresent(changes -> changes.forEach(step ->
                unapplied.add(finding(step, step.properties()))));
        return new StageResult(stage, drift, unapplied, ignored, List.copyOf(expired), problems);
    }

    /**
     * The changes of one run, or empty (and a problem) when the run is no result: no usable digest, a digest of
     * another stage, errors reported, an exit code other than 0 and {@value #CHANGES_PROPOSED}, or
     * {@value #CHANGES_PROPOSED} without any change to show for it.
     */
    private static Optional<List<PreviewStep>> read(String stage, String command, PulumiRun run,
                                                    List<String> problems) {
        Preview digest;
        try {
            digest = PreviewReader.read(run.json());
        } catch (PreviewFileException e) {
            problems.add(command + " (exit " + run.exitCode() + ") left no usable JSON: " + e.getMessage()
                    + firstError(run).map(error -> "; its error: " + error).orElse(""));
            return Optional.empty();
        }
        if (!digest.stage().equals(stage)) {
            problems.add(command + ": " + run.json() + " is about stack " + digest.stage() + ", not stage " + stage);
            return Optional.empty();
        }
        if (digest.failed()) {
            var error = digest.errors().stream().map(d -> d.message()).findFirst().map(DriftCheck::masked)
                    .or(() -> firstError(run)).or(digest::failure).orElse("no error text");
            problems.add(command + " (exit " + run.exitCode() + ") failed: " + cut(error));
            return Optional.empty();
        }
        var changes = digest.changes();
        if (run.exitCode() == 0 || run.exitCode() == CHANGES_PROPOSED && !changes.isEmpty()) {
            return Optional.of(changes);
        }
        problems.add(command + " exited " + run.exitCode() + meaning(run.exitCode())
                + firstError(run).map(error -> ": " + error).orElse(""));
        return Optional.empty();
    }

    /**
     * Drift, unless the step only updates properties that active ignore entries cover. A deletion, replacement or
     * any other operation is always drift: an entry hides a property, never a resource.
     */
    private static void judgeRefreshStep(PreviewStep step, IgnoreList ignore, LocalDate day,
                                         List<StageResult.Finding> drift, List<StageResult.IgnoredChange> ignored,
                                         java.util.Set<IgnoreEntry> expired) {
        if (step.action() != Action.UPDATE || step.properties().isEmpty()) {
            drift.add(finding(step, step.properties()));
            return;
        }
        var remaining = new ArrayList<PropertyChange>();
        for (var change : step.properties()) {
            var covering = ignore.entries().stream().filter(entry -> entry.covers(step.type(), change.path()))
                    .toList();
            var active = covering.stream().filter(entry -> entry.activeOn(day)).findFirst();
            if (active.isPresent()) {
                ignored.add(new StageResult.IgnoredChange(step.type(), step.name(), change.path(), active.get()));
            } else {
                covering.stream().findFirst().ifPresent(expired::add);
                remaining.add(change);
            }
        }
        if (!remaining.isEmpty()) {
            drift.add(finding(step, remaining));
        }
    }

    private static StageResult.Finding finding(PreviewStep step, List<PropertyChange> properties) {
        return new StageResult.Finding(step.action(), step.type(), step.name(),
                properties.stream().map(PropertyChange::path).distinct().toList());
    }

    /** What Pulumi's exit code means (pkg/cmd/pulumi/cmd/exit_codes.go, v3.257.0). */
    private static String meaning(int exitCode) {
        return switch (exitCode) {
            case 3 -> " (authentication failed)";
            case 6 -> " (stack not found)";
            case CHANGES_PROPOSED -> " (changes proposed, but the JSON lists none)";
            case 8 -> " (cancelled)";
            case 9 -> " (timed out)";
            default -> "";
        };
    }

    /** The first line of the run's standard error that reports an error, else its last line, masked. */
    private static Optional<String> firstError(PulumiRun run) {
        if (run.log().isEmpty() || !Files.isRegularFile(run.log().get())) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(run.log().get()), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "").strip())
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        return lines.stream().filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains("error")).findFirst()
                .or(() -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1)))
                .map(DriftCheck::masked).map(DriftCheck::cut);
    }

    /** {@code text} with credentials it may quote replaced by {@code [secret]}. */
    static String masked(String text) {
        var masked = text;
        for (var pattern : CREDENTIALS) {
            masked = pattern.matcher(masked).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                    (match.groupCount() > 0 && match.group(1) != null ? match.group(1) : "") + ShownValues.SECRET));
        }
        return masked;
    }

    private static String cut(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR) + "…";
    }
}
