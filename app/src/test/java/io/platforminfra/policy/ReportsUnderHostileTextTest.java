package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's JUnit XML and SARIF stay documents that a parser reads and the published schemas accept, whatever
 * text reaches them: reasons, resource names, messages and stage names with markup, quotes, {@code ]]>}, control
 * characters, unpaired surrogates, noncharacters and any other Unicode.
 */
class ReportsUnderHostileTextTest {
    private static final String TEXT_THAT_MUST_SURVIVE = "]]> <failure> & \"quoted\" 'single' Zürich – 東京 🔥 \\ \t";

    /** A verdict with one waived and one failing violation, every piece of free text being {@code text}. */
    private static List<StageVerdict> verdictWith(String text) {
        var target = new PolicyTarget("prod" + text, "Pulumi.prod" + text + ".yaml", true, TestDates.AS_OF,
                List.of(new PolicyResource(AzureResourceType.STORAGE_ACCOUNT.token(), "storage-st" + text, "urn:" + text,
                        java.util.Map.of(), false, "", List.of())));
        var rule = Rules.byId("PI-ST-007").orElseThrow();
        var waiver = new Waiver(rule.id(), "storage-st" + text, "reason " + text, TestDates.AS_OF);
        var violations = List.of(
                new Violation(rule, new Finding(AzureResourceType.STORAGE_ACCOUNT.token(), "storage-st" + text, "message " + text), true,
                        Optional.of(waiver)),
                new Violation(Rules.byId("PI-ST-001").orElseThrow(), new Finding(AzureResourceType.STORAGE_ACCOUNT.token() + text,
                        text, text), true, Optional.empty()));
        return List.of(new StageVerdict(target, violations, List.of(waiver)));
    }

    private static void assertBothReportsValid(List<StageVerdict> verdicts, Path directory) throws Exception {
        var junit = JUnitReport.render(verdicts, Map.of());
        var sarif = SarifReport.render(verdicts, Map.of(), null);
        // Written as the command writes them: UTF-8 must be able to hold every character.
        Files.writeString(directory.resolve("policy.xml"), junit);
        Files.writeString(directory.resolve("policy.sarif"), sarif);
        ReportSchemas.assertValidJUnit(Files.readString(directory.resolve("policy.xml"), StandardCharsets.UTF_8));
        ReportSchemas.assertValidSarif(Files.readString(directory.resolve("policy.sarif"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"]]>", "<![CDATA[x]]>", "</failure><failure>", "&amp; &#0; &lt;", "\"'\\",
            "\u0000\u0001\u0007\u0008\u000b\u000c\u001b[31m\u007f", "\ud800", "\udc00x", "x\ud83d", "\ufffe\uffff",
            "\u202e\u200b\u2028\u2029", "\r\n\t", "🔥 東京 Zürich"})
    void hostileTextKeepsBothReportsValid(String text, @org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        assertBothReportsValid(verdictWith(text), directory);
    }

    @Test
    void printableTextArrivesUnchanged(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        var verdicts = verdictWith(TEXT_THAT_MUST_SURVIVE);
        var junit = ReportSchemas.assertValidJUnit(JUnitReport.render(verdicts, Map.of()));
        var output = junit.getElementsByTagName("system-out");
        var failures = junit.getElementsByTagName("failure");
        assertThat(output.item(0).getTextContent()).contains("reason " + TEXT_THAT_MUST_SURVIVE);
        assertThat(failures.item(0).getTextContent()).contains(TEXT_THAT_MUST_SURVIVE);
        assertThat(((Element) junit.getElementsByTagName("testsuite").item(0)).getAttribute("name"))
                .isEqualTo("policy: prod" + TEXT_THAT_MUST_SURVIVE);

        var sarif = ReportSchemas.assertValidSarif(SarifReport.render(verdicts, Map.of(), null));
        var results = sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
        assertThat(results.get(0).getAsJsonObject().getAsJsonArray("suppressions").get(0).getAsJsonObject()
                .get("justification").getAsString()).startsWith("reason " + TEXT_THAT_MUST_SURVIVE);
        assertBothReportsValid(verdicts, directory);
    }

    @Test
    void anyRandomTextKeepsBothReportsValid(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        var random = new Random(8);
        for (int run = 0; run < 300; run++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                // Any UTF-16 code unit, with the ASCII controls, markup characters and surrogates favoured.
                text.append(switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x20);
                    case 1 -> "<>&\"']]>".charAt(random.nextInt(8));
                    case 2 -> (char) (0xD800 + random.nextInt(0x800));
                    default -> (char) random.nextInt(0x10000);
                });
            }
            var verdicts = new ArrayList<>(verdictWith(text.toString()));
            assertBothReportsValid(verdicts, directory);
        }
    }

    @Test
    void anExpiredWaiverIsNeverWaived() {
        var target = PolicyTargetsOfStages.of("dev");
        var expired = new Waiver("PI-ST-007", "storage-st", "replication decided per quarter",
                TestDates.AS_OF.minusDays(1));
        var waivingTheExpiry = new Waiver(PolicyCheck.EXPIRED_WAIVER_RULE, "storage-st", "a waiver of the expiry",
                TestDates.AS_OF.plusDays(10));
        var verdict = PolicyCheck.evaluate(target, List.of(expired, waivingTheExpiry), TestDates.AS_OF);
        assertThat(verdict.failing()).extracting(v -> v.rule().id()).contains(PolicyCheck.EXPIRED_WAIVER_RULE);
    }
}
