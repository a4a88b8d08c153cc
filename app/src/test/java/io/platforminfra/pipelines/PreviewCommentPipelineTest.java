package io.platforminfra.pipelines;

import io.platforminfra.cli.CommandLineRun;
import io.platforminfra.config.StackConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pull request comment covers every stage: a preview that failed still publishes its JSON (its errors), and the
 * comment job names every stage of the stack files, so a stage whose preview wrote nothing shows as failed.
 */
class PreviewCommentPipelineTest {
    private static final Path PREVIEW = PipelineDefinition.ROOT.resolve("pipelines/jobs/preview.yml");
    private static final Path COMMENT = PipelineDefinition.ROOT.resolve("pipelines/jobs/comment.yml");

    @Test
    void theJsonOfAFailedPreviewIsPublishedToo() {
        var publish = jobs(PREVIEW).stream().flatMap(job -> steps(job).stream())
                .filter(step -> String.valueOf(step.get("publish")).contains("preview-$(stage).json")).toList();

        assertThat(publish).singleElement().extracting(step -> step.get("condition"))
                .isEqualTo("succeededOrFailed()");
    }

    @Test
    void theCommentNamesEveryStageOfTheStackFilesAndEveryPreviewThatWasPublished() {
        var script = PipelineDefinition.steps().stream().map(step -> step.get("script")).map(String::valueOf)
                .filter(text -> text.contains(" report ")).toList();

        assertThat(script).singleElement().asString().contains("shopt -s nullglob",
                "arguments+=(--preview \"${newest[$name]}\")",
                "for stage in $(java -jar \"$jar\" stages --dir \"$(Pipeline.Workspace)/platform-infra\"); do",
                "arguments+=(--stage \"$stage\")", "report \"${arguments[@]}\"", "--post");
        assertThat(String.valueOf(PipelineDefinition.stage("comment").get("condition"))).contains("not(canceled())");
    }

    @Test
    void everyArtifactNameIsUniquePerAttemptSoARerunCanPublishAgain() {
        var published = java.util.stream.Stream.concat(jobs(PREVIEW).stream(), jobs(COMMENT).stream())
                .flatMap(job -> steps(job).stream()).filter(step -> step.containsKey("publish")).toList();

        assertThat(published).hasSize(2).allSatisfy(step -> {
            assertThat(String.valueOf(step.get("artifact"))).endsWith("-attempt$(System.JobAttempt)");
            assertThat(step.get("condition")).isEqualTo("succeededOrFailed()");
        });
        // Also the stage creation's stack file. (The build's own artifacts are published once per run, by the build.)
        PipelineDefinition.files().forEach(file -> PipelineDefinition.eachMap(PipelineDefinition.load(file), map -> {
            if (map.containsKey("publish") && !"CodeAnalysisLogs".equals(map.get("artifact"))
                    && !"platform-infra".equals(map.get("artifact"))) {
                assertThat(String.valueOf(map.get("artifact"))).as(file + ": a publish a re-run repeats")
                        .endsWith("-attempt$(System.JobAttempt)");
            }
        }));
    }

    @Test
    void theFullReportIsPublishedAsTheArtifactTheCutCommentNames() {
        var script = PipelineDefinition.steps().stream().map(step -> step.get("script")).map(String::valueOf)
                .filter(text -> text.contains(" report ")).findFirst().orElseThrow();
        var publish = jobs(COMMENT).stream().flatMap(job -> steps(job).stream())
                .filter(step -> String.valueOf(step.get("publish")).endsWith("preview-report.md")).toList();

        assertThat(publish).singleElement().satisfies(step -> {
            assertThat(script).contains("--out \"" + step.get("publish") + "\"",
                    "--artifact \"" + step.get("artifact") + "\"");
            assertThat(String.valueOf(step.get("artifact"))).startsWith("preview-report");
        });
        // Only the newest attempt of a stage's preview counts: one --preview per stage file name.
        assertThat(script).contains("preview-*-attempt*/preview-*.json | sort -V",
                "newest[\"$(basename \"$file\")\"]=\"$file\"");
    }

    @Test
    void theStagesTheCommentJobListsAreTheStackFiles() {
        var listed = CommandLineRun.inEnvironment(Map.of(), "stages", "--dir", PipelineDefinition.ROOT.toString());

        assertThat(listed.out().lines().toList()).isEqualTo(StackConfiguration.stagesIn(PipelineDefinition.ROOT));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jobs(Path file) {
        return (List<Map<String, Object>>) PipelineDefinition.load(file).get("jobs");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }
}
