package io.platforminfra.program;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every top-level entry of the repository is decided: either a change to it needs the platform team's review
 * (REVIEWED_PATHS in {@code scripts/bootstrap.sh}, the required-reviewer branch policy's path filter), or it never
 * runs with a deploy identity (UNREVIEWED_PATHS). A new top-level folder fails here until someone decides.
 */
class BootstrapReviewedPathsTest {
    static List<String> undecided(BootstrapScript script, List<String> topLevelEntries) {
        var reviewed = script.array("REVIEWED_PATHS").orElseThrow(() -> new AssertionError(
                BootstrapScript.PATH + " has no `readonly REVIEWED_PATHS=(` ... `)` block"));
        var unreviewed = script.array("UNREVIEWED_PATHS").orElseThrow(() -> new AssertionError(
                BootstrapScript.PATH + " has no `readonly UNREVIEWED_PATHS=(` ... `)` block"));
        var problems = new ArrayList<String>();
        for (var entry : topLevelEntries) {
            var isReviewed = reviewed.stream().anyMatch(filter -> firstSegment(filter).matcher(entry).matches());
            var isUnreviewed = unreviewed.contains(entry);
            if (isReviewed == isUnreviewed) {
                problems.add("top-level entry '" + entry + "' is in " + (isReviewed ? "both" : "neither")
                        + " of REVIEWED_PATHS (a change needs the platform team's review: it decides what runs with"
                        + " a deploy identity, or how) and UNREVIEWED_PATHS (never runs with a deploy identity) in "
                        + BootstrapScript.PATH + ": put it in exactly one, then re-create the branch policy"
                        + " (docs/bootstrap.md#required-reviewers).");
            }
        }
        return problems;
    }

    /** The first path segment of an Azure Repos path filter, as a regular expression ({@code *} any characters). */
    private static Pattern firstSegment(String filter) {
        var segment = filter.replaceFirst("^/", "").split("/", 2)[0];
        var regex = new StringBuilder();
        for (var part : segment.split("\\*", -1)) {
            regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static List<String> trackedTopLevelEntries() throws Exception {
        var process = new ProcessBuilder("git", "ls-files").directory(StageRuns.PROJECT.toFile()).start();
        var files = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("git ls-files in " + StageRuns.PROJECT).isZero();
        return List.copyOf(new TreeSet<>(files.lines().map(path -> path.split("/", 2)[0]).toList()));
    }

    @Test
    void everyTrackedTopLevelEntryIsEitherReviewedOrNeverRunsWithADeployIdentity() throws Exception {
        var entries = trackedTopLevelEntries();
        assertThat(entries).contains("pipelines", "app", "Pulumi.prod.yaml");
        assertThat(undecided(BootstrapScript.inProject(), entries)).isEmpty();
    }

    @Test
    void aNewTopLevelFolderFailsUntilSomeoneDecides() {
        assertThat(undecided(BootstrapScript.inProject(), List.of("pipelines", "Pulumi.qa.yaml", "terraform")))
                .singleElement().asString().contains("'terraform'", "neither", BootstrapScript.PATH);
    }

    @Test
    void anEntryInBothListsIsReported() {
        var script = new BootstrapScript(BootstrapScript.inProject().text()
                .replace("readonly UNREVIEWED_PATHS=(\n", "readonly UNREVIEWED_PATHS=(\n  scripts\n"));
        assertThat(undecided(script, List.of("scripts"))).singleElement().asString().contains("'scripts'", "both");
    }
}
