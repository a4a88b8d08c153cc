package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping from a rule to the stack file key its finding comes from, and where a result is placed when the key
 * is not written.
 */
class RuleKeysTest {
    private static final PolicyResource STORAGE = new PolicyResource(AzureResourceType.STORAGE_ACCOUNT.token(), "storage-st",
            "urn:storage", Map.of(), false, "", List.of());
    private static final KeyLocations.Position CONFIG = new KeyLocations.Position(3, 1);
    private static final KeyLocations.Position STORAGE_KEY = new KeyLocations.Position(40, 3);
    private static final KeyLocations.Position REPLICATION = new KeyLocations.Position(41, 5);

    private static StageVerdict verdict(Violation violation) {
        return new StageVerdict(new PolicyTarget("prod", "Pulumi.prod.yaml", true, TestDates.AS_OF, List.of(STORAGE)),
                List.of(violation), List.of());
    }

    private static Violation violation(String rule) {
        return new Violation(Rules.byId(rule).orElseThrow(), Finding.of(STORAGE, "wrong"), true, Optional.empty());
    }

    @Test
    void everyRemediationThatNamesAStackKeyHasItsKeyAndEveryKeyIsInItsRemediation() {
        var named = Pattern.compile("\\b(cluster|secretStore|storage|database|monitoring)\\.[a-z][A-Za-z]+");
        for (var rule : Rules.ALL) {
            var type = rule.id().equals("PI-LIFE-001") ? AzureResourceType.MANAGED_CLUSTER.token() : STORAGE.type();
            var key = RuleKeys.keyOf(rule.id(), type);
            if (named.matcher(rule.remediation()).find()) {
                assertThat(key).as(rule.id() + ": " + rule.remediation()).isPresent();
            }
            key.ifPresent(k -> assertThat(rule.remediation()).as(rule.id()).contains(k));
        }
        assertThat(RuleKeys.keyOf("PI-LIFE-001", AzureResourceType.POSTGRES_SERVER.token())).contains("database.version");
    }

    @Test
    void aResultIsAtItsKeyElseAtTheKeysParentElseAtConfig() {
        var all = new KeyLocations(Map.of("config", CONFIG, "platform-infra:storage", STORAGE_KEY,
                "platform-infra:storage.replication", REPLICATION));
        var violation = violation("PI-ST-007");
        assertThat(RuleKeys.locate(verdict(violation), violation, all)).contains(REPLICATION);
        var parentOnly = new KeyLocations(Map.of("config", CONFIG, "platform-infra:storage", STORAGE_KEY));
        assertThat(RuleKeys.locate(verdict(violation), violation, parentOnly)).contains(STORAGE_KEY);
        var unqualified = new KeyLocations(Map.of("config", CONFIG, "storage.replication", REPLICATION));
        assertThat(RuleKeys.locate(verdict(violation), violation, unqualified)).contains(REPLICATION);

        var builtIn = violation("PI-ST-001");
        assertThat(RuleKeys.locate(verdict(builtIn), builtIn, all)).contains(CONFIG);
        assertThat(RuleKeys.locate(verdict(builtIn), builtIn, KeyLocations.NONE)).isEmpty();
    }

    @Test
    void fingerprintsDifferPerResourceStageAndRuleAndRepeatedFindingsCountTheirOccurrence() {
        var storage = violation("PI-ST-007");
        var other = new Violation(storage.rule(), new Finding(AzureResourceType.STORAGE_ACCOUNT.token(), "other-st", "wrong"), true,
                Optional.empty());
        assertThat(SarifReport.fingerprint("prod", storage))
                .isEqualTo(SarifReport.fingerprint("prod", new Violation(storage.rule(),
                        new Finding(AzureResourceType.STORAGE_ACCOUNT.token(), "storage-st", "another message"), false, Optional.empty())))
                .isNotEqualTo(SarifReport.fingerprint("prod", other))
                .isNotEqualTo(SarifReport.fingerprint("dev", storage))
                .isNotEqualTo(SarifReport.fingerprint("prod", violation("PI-ST-001")));

        var twice = new StageVerdict(verdict(storage).target(), List.of(storage, storage, other), List.of());
        var results = ReportSchemas.assertValidSarif(SarifReport.render(List.of(twice), Map.of(), "1.2.3"))
                .getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
        var prints = results.asList().stream().map(r -> r.getAsJsonObject().getAsJsonObject("partialFingerprints")
                .get(SarifReport.FINGERPRINT).getAsString()).toList();
        var hash = SarifReport.fingerprint("prod", storage);
        assertThat(prints).containsExactly(hash + ":1", hash + ":2", SarifReport.fingerprint("prod", other) + ":1");
    }
}
