package io.platforminfra.cli;

import io.platforminfra.report.PostingException;
import io.platforminfra.report.PreviewReader;
import io.platforminfra.report.PreviewReport;
import io.platforminfra.report.PullRequest;
import io.platforminfra.report.PullRequestComments;
import io.platforminfra.report.Retry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code report}: the pull request comment made from {@code pulumi preview --json} of every stage, printed, written
 * to a file or posted to the Azure DevOps pull request the pipeline builds.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
                "Turns the JSON of pulumi preview --json (one file per stage; the stage comes from the URNs) into one"
                        + " Markdown comment for all stages: per stage a summary, a table of the changed resources"
                        + " and a warning block for every replacement or deletion that loses data (the resource"
                        + " group, cluster, node pools, key vault, storage account and blob containers, database,"
                        + " Log Analytics workspace, network, an identity with federated credentials; also under an"
                        + " explicit API version) and for anything touching protect.",
                "Secrets stay [secret], values Azure computes show as (known after apply).",
                "A stage whose preview failed (errors reported, no steps, no usable file, or expected with --stage"
                        + " but missing) shows as failed, never as \"No changes\"; pulumi's errors and warnings are"
                        + " shown with every stage.",
                "Exit codes: 0 the report was written, whatever it contains; 2 a preview file is missing or not"
                        + " preview JSON, a --stage has no preview, --out cannot be written or is a preview, or --post"
                        + " lacks or has a wrong pipeline variable (the comment is still written and posted, with"
                        + " those stages as failed); 1 posting failed, or a bug."},
        footer = {
                "",
                "In a pull request pipeline, after pulumi preview --json > <stage>.json for every stage:",
                "  report --preview dev.json --preview prod.json --stage dev,prod --out preview.md --post",
                "",
                "--post reads the variables Azure Pipelines sets: " + PullRequest.COLLECTION_URI + ", "
                        + PullRequest.PROJECT_ID + " (or " + PullRequest.PROJECT_NAME + "), "
                        + PullRequest.REPOSITORY_ID + ", " + PullRequest.PULL_REQUEST_ID + " and "
                        + PullRequest.ACCESS_TOKEN + ", which the step must map: "
                        + "env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)"})
public final class ReportCommand implements Callable<Integer> {
    private final Map<String, String> environment;
    private final Retry.Wait waiter;

    @Spec
    private CommandSpec spec;

    @Option(names = "--preview", paramLabel = "<file.json>",
            description = "Output of pulumi preview --json for one stage; repeat for every stage, in the order the"
                    + " comment shows them. A file that is missing or not preview JSON shows as a failed stage"
                    + " (named after the file: preview-<stage>.json or <stage>.json) and exits 2.")
    private List<Path> previewFiles = new ArrayList<>();

    @Option(names = "--stage", split = ",", paramLabel = "<stage>",
            description = "A stage the comment must cover (repeat, or separate with commas): one without a preview"
                    + " file shows as failed and exits 2. The pipeline passes every stage, so a preview that failed"
                    + " before writing its file is not silently left out.")
    private List<String> expectedStages = new ArrayList<>();

    @Option(names = "--out", paramLabel = "<comment.md>",
            description = "Write the full Markdown to this file instead of standard output. The comment --post puts"
                    + " on the pull request is cut to Azure DevOps' limit of " + PullRequestComments.MAX_CONTENT
                    + " characters (summary first, then as many details as fit); this file never is.")
    private Path out;

    @Option(names = "--artifact", paramLabel = "<name>", defaultValue = PreviewReport.ARTIFACT,
            description = "The pipeline artifact that holds the full report (the --out file), named in the posted"
                    + " comment when it had to be cut to Azure DevOps' limit. Default: ${DEFAULT-VALUE}.")
    private String artifact;

    @Option(names = "--post",
            description = "Also put the comment on the pull request the pipeline builds, replacing the one an earlier"
                    + " run posted instead of adding another. A changed comment re-activates its thread if a reviewer"
                    + " had resolved it; an identical one changes nothing. HTTP 429 and 5xx are retried (Retry-After"
                    + " honoured, at most 5 attempts and 2 minutes of waiting).")
    private boolean post;

    /**
     * The command with the process environment it reads the pipeline's variables from, and how it waits before
     * sending a request to Azure DevOps again (after 429 or 5xx).
     */
    ReportCommand(Map<String, String> environment, Retry.Wait waiter) {
        this.environment = environment;
        this.waiter = waiter;
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        // The comment must never overwrite a preview it is made from.
        var outputs = OutputFiles.of(java.util.Collections.singletonMap("--out", out))
                .refuseUnusable(previewFiles, null);
        var stages = expectedStages.stream().map(String::trim).filter(stage -> !stage.isEmpty()).toList();
        if (previewFiles.isEmpty() && stages.isEmpty()) {
            err.println("Missing required option: '--preview=<file.json>' (or at least one --stage)");
            spec.commandLine().usage(err);
            return Main.BAD_INPUT;
        }
        var pullRequest = post ? PullRequest.fromEnvironment(environment) : null;
        var previews = PreviewReader.readAll(previewFiles, stages);
        previews.problems().forEach(err::println);
        var markdown = PreviewReport.markdown(previews);
        if (out == null) {
            spec.commandLine().getOut().print(markdown);
        } else {
            outputs.write("--out", markdown);
        }
        if (pullRequest != null) {
            // Posted even when some input was bad: the stages it could not read show as failed, which replaces
            // an earlier run's comment instead of leaving it standing as if nothing had changed.
            try {
                // The summary comes first and survives; details beyond the limit stay in the --out file.
                var comment = PreviewReport.markdown(previews, PullRequestComments.MAX_MARKDOWN, artifact);
                var outcome = new PullRequestComments(pullRequest, Retry.standard(waiter)).publish(comment);
                err.println(switch (outcome) {
                    case CREATED -> "Posted the preview comment on ";
                    case UPDATED -> "Updated the preview comment on ";
                    case REACTIVATED -> "Updated the preview comment and re-activated its resolved thread on ";
                    case UNCHANGED -> "The preview comment is unchanged on ";
                } + pullRequest);
            } catch (PostingException e) {
                err.println("Could not post the preview comment on " + pullRequest + ": " + e.getMessage());
                return Main.FAILED;
            }
        }
        return previews.problems().isEmpty() ? Main.OK : Main.BAD_INPUT;
    }
}
