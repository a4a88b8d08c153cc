package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.platforminfra.azure.AzureResourceType.DIAGNOSTIC_SETTING;
import static io.platforminfra.azure.AzureResourceType.LOCK;
import static io.platforminfra.azure.AzureResourceType.LOG_ANALYTICS_WORKSPACE;
import static io.platforminfra.azure.AzureResourceType.MANAGED_CLUSTER;
import static io.platforminfra.azure.AzureResourceType.NETWORK_SECURITY_GROUP;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_DATABASE;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_SERVER;
import static io.platforminfra.azure.AzureResourceType.PRIVATE_ENDPOINT;
import static io.platforminfra.azure.AzureResourceType.RESOURCE_GROUP;
import static io.platforminfra.azure.AzureResourceType.STORAGE_ACCOUNT;
import static io.platforminfra.azure.AzureResourceType.USER_ASSIGNED_IDENTITY;
import static io.platforminfra.azure.AzureResourceType.VAULT;
import static io.platforminfra.azure.AzureResourceType.VIRTUAL_NETWORK;
import static io.platforminfra.policy.RuleChecks.atLeast;
import static io.platforminfra.policy.RuleChecks.attached;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.ofType;
import static java.util.Map.entry;

/**
 * How the rules of governance (tags, diagnostics, protection and locks of production, and expired waivers) judge a
 * stage, by rule ID; what each rule says is in {@code rules.yaml}.
 */
final class GovernanceChecks {
    /** Resources that must carry the standard tags (cost, ownership and origin are read from them). */
    private static final Set<AzureResourceType> TAGGED = Set.of(RESOURCE_GROUP, VIRTUAL_NETWORK,
            NETWORK_SECURITY_GROUP, PRIVATE_ENDPOINT, LOG_ANALYTICS_WORKSPACE, MANAGED_CLUSTER, VAULT, STORAGE_ACCOUNT,
            POSTGRES_SERVER, USER_ASSIGNED_IDENTITY);
    private static final List<String> STANDARD_TAGS = List.of("stage", "owner", "cost-center", "managed-by",
            "repository");

    /** The check of each governance rule. */
    static final Map<String, Rule.Check> BY_ID = Map.ofEntries(
            entry("PI-TAG-001", each(r -> r.azureType().filter(TAGGED::contains).isPresent(),
                    r -> r.input("tags").orElse(null) instanceof Map<?, ?> tags
                            && tags.keySet().containsAll(STANDARD_TAGS), "a standard tag is missing")),
            entry("PI-MON-001", attached(RuleChecks::guardedInProduction, DIAGNOSTIC_SETTING, setting -> true,
                    "sends no diagnostic settings")),
            entry("PI-MON-002", atLeast(LOG_ANALYTICS_WORKSPACE, "retentionInDays", 90,
                    "logs are kept for less than 90 days")),
            entry("PI-GOV-001", each(ofType(POSTGRES_DATABASE).or(RuleChecks::guardedInProduction),
                    PolicyResource::protect, "is not protected")),
            entry(Rules.LOCK_RULE, attached(RuleChecks::guardedInProduction, LOCK,
                    lock -> lock.is("level", "CanNotDelete"), "has no CanNotDelete lock")),
            entry(PolicyCheck.EXPIRED_WAIVER_RULE, target -> target.waivers().stream()
                    .filter(waiver -> !waiver.activeOn(target.asOf()))
                    .map(waiver -> new Finding("waiver", waiver.resource(), PolicyCheck.expiredMessage(waiver)))
                    .toList()));

    private GovernanceChecks() {
    }
}
