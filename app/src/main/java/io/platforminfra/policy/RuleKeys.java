package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack file key a rule's finding comes from: the key its remediation tells the author to change, written out
 * here once rather than read from the prose. Reports point a result at that key's line, or at the closest key
 * written (the field's parent, then {@code config:}), since a rule built into a component has no key at all.
 */
public final class RuleKeys {
    /** The namespace of the project's keys in a stack file. */
    static final String NAMESPACE = "platform-infra";
    private static final String WAIVERS = NAMESPACE + ":waivers";

    /** Rule ID to the key path under {@code platform-infra:} its remediation names. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("PI-AKS-003", "cluster.authorizedIpRanges"),
            Map.entry("PI-AKS-004", "cluster.authorizedIpRanges"),
            Map.entry("PI-AKS-007", "cluster.upgradeChannel"),
            Map.entry("PI-AKS-010", "cluster.skuTier"),
            Map.entry("PI-AKS-014", "cluster.defender"),
            Map.entry("PI-AKS-016", "cluster.podSecurityBaseline"),
            Map.entry("PI-AKS-018", "cluster.maintenanceWindow"),
            Map.entry("PI-AKS-019", "cluster.availabilityZones"),
            Map.entry("PI-KV-001", "secretStore.purgeProtection"),
            Map.entry("PI-KV-005", "secretStore.allowedIpRanges"),
            Map.entry("PI-ST-004", "storage.allowedIpRanges"),
            Map.entry("PI-ST-007", "storage.replication"),
            Map.entry("PI-ST-008", "storage.softDeleteDays"),
            Map.entry("PI-PG-002", "database.adminGroupObjectId"),
            Map.entry("PI-PG-003", "database.passwordAuth"),
            Map.entry("PI-PG-004", "database.geoRedundantBackup"),
            Map.entry("PI-PG-005", "database.highAvailability"),
            Map.entry("PI-PG-006", "database.backupRetentionDays"),
            Map.entry("PI-ID-002", "access"),
            Map.entry("PI-TAG-001", "owner"),
            Map.entry("PI-MON-002", "monitoring.retentionDays"),
            Map.entry("PI-GOV-001", "environmentType"));

    private RuleKeys() {
    }

    /**
     * The key path under {@code platform-infra:} that {@code rule}'s remediation names for a finding on a resource of
     * {@code resourceType}; empty for a rule built into a component.
     */
    public static Optional<String> keyOf(String rule, String resourceType) {
        if (rule.equals("PI-LIFE-001")) {
            return Optional.of(AzureResourceType.POSTGRES_SERVER.isTypeOf(resourceType) ? "database.version"
                    : "cluster.kubernetesVersion");
        }
        return Optional.ofNullable(KEYS.get(rule));
    }

    /**
     * Where in its stack file {@code violation} of {@code verdict} is caused: the waiver entry that accepts it (or
     * that expired), else the rule's key, its parent, and last the file's {@code config:}.
     */
    public static Optional<KeyLocations.Position> locate(StageVerdict verdict, Violation violation,
                                                         KeyLocations locations) {
        var candidates = new ArrayList<String>();
        waiverIndex(verdict, violation).ifPresent(i -> candidates.add(WAIVERS + "[" + i + "]"));
        var finding = violation.finding();
        keyOf(violation.rule().id(), finding.resourceType()).ifPresent(key -> {
            var parts = key.split("\\.");
            for (int n = parts.length; n > 0; n--) {
                var path = String.join(".", List.of(parts).subList(0, n));
                candidates.add(NAMESPACE + ":" + path);
                candidates.add(path); // a project key may be written without its namespace
            }
        });
        candidates.add("config");
        return candidates.stream().map(locations::of).flatMap(Optional::stream).findFirst();
    }

    /** The index in the stack file of the waiver that accepts {@code violation}, or of the expired one it reports. */
    private static Optional<Integer> waiverIndex(StageVerdict verdict, Violation violation) {
        var waivers = verdict.waivers();
        if (violation.waiver().isPresent()) {
            var index = waivers.indexOf(violation.waiver().get());
            return index < 0 ? Optional.empty() : Optional.of(index);
        }
        if (violation.rule().id().equals(PolicyCheck.EXPIRED_WAIVER_RULE)) {
            var finding = violation.finding();
            for (int i = 0; i < waivers.size(); i++) {
                var waiver = waivers.get(i);
                if (waiver.resource().equals(finding.resourceName()) && !waiver.activeOn(verdict.target().asOf())
                        && finding.message().equals(PolicyCheck.expiredMessage(waiver))) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }
}
