package io.platforminfra.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A comment that must fit a limit keeps the whole summary first and as many whole details as fit. */
class PreviewReportCutTest {
    private static final Previews PREVIEWS =
            new Previews(PreviewFixtures.read("prod-replacements.json", "dev-updates.json"), List.of());
    private static final String FULL = PreviewReport.markdown(PREVIEWS);
    private static final String NOTICE = "cut: full report in the `preview-report` artifact";

    @Test
    void aReportThatFitsIsTheFullReportWithoutTheNotice() {
        assertThat(PreviewReport.markdown(PREVIEWS, FULL.length(), PreviewReport.ARTIFACT)).isEqualTo(FULL);
    }

    @Test
    void theSummaryComesBeforeAnyDetail() {
        var summaryEnd = FULL.indexOf("### Details of stage");

        assertThat(FULL.indexOf("### Stage `dev`")).isPositive().isLessThan(summaryEnd);
        assertThat(FULL.lastIndexOf("> **Warning:**")).isLessThan(summaryEnd);
        assertThat(FULL.indexOf("| Change |")).isGreaterThan(summaryEnd);
    }

    @Test
    void aCutKeepsTheWholeSummaryAndOnlyWholeTableRows() {
        var summary = FULL.substring(0, FULL.indexOf("\n### Details of stage"));
        var limit = summary.length() + 1_200;

        var cut = PreviewReport.markdown(PREVIEWS, limit, PreviewReport.ARTIFACT);

        assertThat(cut.length()).isLessThanOrEqualTo(limit);
        assertThat(cut).startsWith(summary).contains("| Change |", "_Details left out here:");
        assertThat(cut.strip()).endsWith(NOTICE);
        assertThat(Arrays.stream(cut.split("\n")).filter(line -> line.startsWith("| ")))
                .isNotEmpty().allMatch(line -> line.endsWith(" |"));
    }

    @Test
    void aLimitBelowTheSummaryKeepsWholeLinesOfItAndStillSaysItWasCut() {
        var cut = PreviewReport.markdown(PREVIEWS, 900, PreviewReport.ARTIFACT);

        assertThat(cut.length()).isLessThanOrEqualTo(900);
        assertThat(cut).startsWith("## Pulumi preview\n").doesNotContain("| Change |");
        assertThat(cut.strip()).endsWith(NOTICE);
    }
}
