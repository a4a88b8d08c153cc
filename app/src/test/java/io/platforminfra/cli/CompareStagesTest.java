package io.platforminfra.cli;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan --compare}: per resource, the settings that differ between stages, so parity gaps show in review.
 */
class CompareStagesTest {

    @Test
    void theSettingsThatDifferAreListedPerResourceWithEachStagesValue(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev")
                .withRepositoryStage("dev", "qa", dev -> dev
                        .replace("    skuTier: Free", "    skuTier: Standard")
                        .replace("    replication: LRS", "    replication: ZRS"));
        var run = CommandLineRun.of("plan", "--compare", "dev,qa", "--dir", project.dir());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .containsPattern("azure-native:containerservice:ManagedCluster \"cluster-aks\"\\n.*\\n\\s+sku\\.tier\\s+Free\\s+Standard\\n")
                .containsPattern("azure-native:storage:StorageAccount \"storage-st\"\\n.*\\n\\s+sku\\.name\\s+Standard_LRS\\s+Standard_ZRS\\n")
                .endsWith("2 resources differ, 0 exist only in some stages, " + (count(project, "dev") - 2) + " are the same\n");
    }

    @Test
    void valuesThatOnlyCarryTheStageNameAreTheSameSetting(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev").withRepositoryStage("dev", "qa");
        var run = CommandLineRun.of("plan", "--compare", "dev,qa", "--format", "json", "--dir", project.dir());
        var comparison = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(comparison.getAsJsonArray("resources")).as(run.out()).isEmpty();
        assertThat(comparison.getAsJsonArray("onlyInSomeStages")).isEmpty();
        assertThat(comparison.get("sameResources").getAsInt()).isEqualTo(count(project, "dev"));
    }

    @Test
    void aResourceOnlySomeStagesHaveIsNamedWithThoseStages(@TempDir Path directory) {
        var project = TestProject.in(directory).withRepositoryStage("dev", "dev")
                .withRepositoryStage("dev", "qa", dev -> dev.replace("      - billing\n", "      - billing\n      - search\n"));
        var run = CommandLineRun.of("plan", "--compare", "dev,qa", "--dir", project.dir());
        assertThat(run.out()).contains("Only in some stages:",
                "kubernetes:core/v1:Namespace \"cluster-search-namespace\"  in qa");
    }

    @Test
    void comparingNeedsTwoStages() {
        var run = CommandLineRun.of("plan", "--compare", "dev");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--compare needs at least two stages");
    }

    private static int count(TestProject project, String stage) {
        var plan = CommandLineRun.of("plan", "--stack", stage, "--format", "json", "--dir", project.dir()).out();
        return JsonParser.parseString(plan).getAsJsonObject().getAsJsonArray("resources").size();
    }
}
