package io.platforminfra.cli;

import io.platforminfra.drift.DriftCheck;
import io.platforminfra.drift.IgnoreList;
import io.platforminfra.drift.Outcome;
import io.platforminfra.drift.PulumiRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code drift}: the nightly check of one stage, from the JSON and exit codes of {@code pulumi refresh
 * --preview-only --expect-no-changes --json} and {@code pulumi preview --expect-no-changes --json}
 * (pipelines/scripts/pulumi-drift.sh runs them).
 */
@Command(name = "drift",
        mixinStandardHelpOptions = true,
        description = {
                "Classifies one stage from its nightly Pulumi runs: clean; drift (pulumi refresh finds Azure differs"
                        + " from the state, minus the reviewed noise of the ignore list); unapplied (pulumi preview"
                        + " finds a merged change never released); cannot check (a run failed: login, network,"
                        + " missing stack; its first error is shown, secrets masked).",
                "An ignore entry hides one property of one resource type, never a resource, a deletion or a"
                        + " replacement.",
                "Exit codes: 0 clean; 1 drift or unapplied; " + DriftCommand.CANNOT_CHECK + " cannot check (also when"
                        + " drift was found as well); 2 bad input (an option, or an ignore list that breaks its"
                        + " rules)."},
        footer = {"", "Per stage, in the pipeline:",
                "  pulumi refresh --stack dev --preview-only --expect-no-changes --json > refresh.json 2> refresh.log",
                "  pulumi preview --stack dev --refresh=false --expect-no-changes --json > preview.json 2> preview.log",
                "  drift --stage dev --refresh refresh.json --refresh-exit $? --refresh-log refresh.log ..."})
public final class DriftCommand implements Callable<Integer> {
    /**
     * Exit code of a stage that could not be checked. Not 1 (a verdict, and also what any unexpected failure of
     * the jar exits with) and not 2 (bad input to this command): the pipeline must tell "the check is blind" apart
     * from "the check found something", because the fixes differ (credentials or network, against Azure or a
     * release).
     */
    static final int CANNOT_CHECK = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunDay day;

    @Option(names = "--stage", required = true, paramLabel = "<stage>",
            description = "The stage (stack) checked; both JSON documents must be about it.")
    private String stage;

    @Option(names = "--refresh", required = true, paramLabel = "<refresh.json>",
            description = "Standard output of pulumi refresh --preview-only --expect-no-changes --json.")
    private Path refresh;

    @Option(names = "--refresh-exit", required = true, paramLabel = "<code>",
            description = "Its exit code: 0 no changes, " + DriftCheck.CHANGES_PROPOSED + " changes proposed,"
                    + " anything else a failed run.")
    private int refreshExit;

    @Option(names = "--refresh-log", paramLabel = "<refresh.log>",
            description = "Its standard error, where Pulumi reports what stopped it before any JSON.")
    private Path refreshLog;

    @Option(names = "--preview", required = true, paramLabel = "<preview.json>",
            description = "Standard output of pulumi preview --expect-no-changes --json (without refresh).")
    private Path preview;

    @Option(names = "--preview-exit", required = true, paramLabel = "<code>", description = "Its exit code.")
    private int previewExit;

    @Option(names = "--preview-log", paramLabel = "<preview.log>", description = "Its standard error.")
    private Path previewLog;

    @Option(names = "--ignore", paramLabel = "<drift-ignore.yaml>",
            description = "The reviewed ignore list of refresh noise (pipelines/drift-ignore.yaml). Without it"
                    + " nothing is ignored.")
    private Path ignore;

    @Option(names = "--outcome", paramLabel = "<file>",
            description = "Also write the outcomes, one per line (clean, drift, unapplied, cannot-check), for the"
                    + " pipeline's summary.")
    private Path outcomeFile;

    @Override
    public Integer call() {
        var ignoreList = ignore == null ? IgnoreList.NONE : IgnoreList.read(ignore);
        var result = DriftCheck.check(stage, new PulumiRun(refresh, refreshExit, Optional.ofNullable(refreshLog)),
                new PulumiRun(preview, previewExit, Optional.ofNullable(previewLog)), ignoreList, day.date());
        spec.commandLine().getOut().print(result.text());
        var outcomes = result.outcomes();
        if (outcomeFile != null) {
            try {
                Files.writeString(outcomeFile, String.join("\n", outcomes.stream().map(Outcome::code).toList())
                        + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException("--outcome " + outcomeFile + " cannot be written (" + e.getMessage()
                        + ")");
            }
        }
        if (outcomes.contains(Outcome.CANNOT_CHECK)) {
            return CANNOT_CHECK;
        }
        return outcomes.contains(Outcome.CLEAN) ? Main.OK : Main.FAILED;
    }
}
