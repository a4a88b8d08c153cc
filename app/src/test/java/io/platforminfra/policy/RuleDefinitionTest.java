package io.platforminfra.policy;

import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a rule is written: what it says with named fields in rules.yaml, how it judges in Java by the same ID, and the
 * expired-waiver rule as a rule like the others.
 */
class RuleDefinitionTest {
    private static final LocalDate TODAY = TestDates.AS_OF;
    private static final Rule.Check NOTHING_WRONG = target -> List.of();
    private static final String ONE_RULE = """
            shared:
              where: the test's own source
            rules:
              - id: PI-TEST-001
                severity: LOW
                scope: ADVICE
                title: A test rule
                rationale: Why it exists.
                source: "{where}"
                remediation: How to fix it.
            """;

    @Test
    void aRuleIsReadWithItsNamedFieldsAndItsCheck() {
        var rule = RuleFile.read(ONE_RULE, Map.of("PI-TEST-001", NOTHING_WRONG), Map.of());
        assertThat(rule).singleElement().isEqualTo(new Rule("PI-TEST-001", Optional.empty(), Severity.LOW,
                Scope.ADVICE, "A test rule", "Why it exists.", "the test's own source", "How to fix it.", NOTHING_WRONG,
                true));
    }

    @Test
    void aRuleWithAFieldLeftOutIsRefusedNamingTheRuleAndTheField() {
        var withoutTitle = ONE_RULE.replace("    title: A test rule\n", "");
        assertThatThrownBy(() -> RuleFile.read(withoutTitle, Map.of("PI-TEST-001", NOTHING_WRONG), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PI-TEST-001: no title");
    }

    @Test
    void aRuleWithoutACheckAndACheckWithoutARuleAreRefusedTogether() {
        assertThatThrownBy(() -> RuleFile.read(ONE_RULE, Map.of("PI-TEST-002", NOTHING_WRONG), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PI-TEST-001: no check in the code")
                .hasMessageContaining("the check of PI-TEST-002 has no rule in the file");
    }

    @Test
    void aMisspelledFieldAnUnknownSeverityAndANameThatStandsForNothingAreRefused() {
        var wrong = ONE_RULE.replace("remediation:", "remedation:").replace("LOW", "LOWEST")
                .replace("{where}", "{were}");
        assertThatThrownBy(() -> RuleFile.read(wrong, Map.of("PI-TEST-001", NOTHING_WRONG), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PI-TEST-001: unknown field remedation")
                .hasMessageContaining("PI-TEST-001: no remediation")
                .hasMessageContaining("PI-TEST-001: severity must be one of [HIGH, MEDIUM, LOW] (value: LOWEST)")
                .hasMessageContaining("PI-TEST-001: source names {were}")
                .hasMessageContaining("{where} is named by no rule");
    }

    @Test
    void everyRuleOfTheFileHasItsCheckAndEveryCheckItsRule() {
        assertThat(Rules.ALL).extracting(Rule::id).containsExactlyInAnyOrderElementsOf(Rules.checks().keySet());
    }

    @Test
    void theExpiredWaiverRuleJudgesTheWaiversItsTargetCarries() {
        var rule = Rules.byId(PolicyCheck.EXPIRED_WAIVER_RULE).orElseThrow();
        var expired = new Waiver("PI-ST-007", "storage-st", "replication decided per quarter", TODAY.minusDays(1));
        var active = new Waiver("PI-PG-003", "database-pg", "migration to Entra ID this quarter", TODAY);
        var stage = PolicyTargetsOfStages.of("prod").on(TODAY);

        assertThat(rule.check().evaluate(stage.waivedBy(List.of(expired, active))))
                .containsExactly(new Finding("waiver", "storage-st", "the waiver of PI-ST-007 expired on "
                        + TODAY.minusDays(1)));
        assertThat(rule.check().evaluate(stage)).isEmpty();
        assertThat(rule.waivable()).isFalse();
        assertThat(Rules.ALL).filteredOn(r -> !r.waivable()).containsExactly(rule);
    }
}
