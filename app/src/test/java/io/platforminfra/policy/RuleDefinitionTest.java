package io.platforminfra.policy;

import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a rule is written: with named fields, and the expired-waiver rule as a rule like the others. */
class RuleDefinitionTest {
    private static final LocalDate TODAY = TestDates.AS_OF;

    @Test
    void aRuleWithAFieldLeftOutIsRefusedNamingTheRule() {
        var withoutTitle = Rule.builder("PI-TEST-001").severity(Severity.LOW).scope(Scope.ADVICE)
                .rationale("why").source("where").remediation("how").check(target -> List.of());
        assertThatThrownBy(withoutTitle::build).isInstanceOf(NullPointerException.class).hasMessage("PI-TEST-001");
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
