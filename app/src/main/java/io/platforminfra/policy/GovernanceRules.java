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
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.guardedInProduction;
import static io.platforminfra.policy.RuleSources.MCSB;
import static io.platforminfra.policy.Scope.EVERY_STAGE;
import static io.platforminfra.policy.Scope.PRODUCTION;
import static io.platforminfra.policy.Scope.PRODUCTION_ONLY;
import static io.platforminfra.policy.Severity.HIGH;
import static io.platforminfra.policy.Severity.LOW;
import static io.platforminfra.policy.Severity.MEDIUM;

/**
 * The rules of governance: tags, diagnostics, protection and locks of production, and expired waivers.
 */
final class GovernanceRules {
    /** Resources that must carry the standard tags (cost, ownership and origin are read from them). */
    private static final Set<AzureResourceType> TAGGED = Set.of(RESOURCE_GROUP, VIRTUAL_NETWORK,
            NETWORK_SECURITY_GROUP, PRIVATE_ENDPOINT, LOG_ANALYTICS_WORKSPACE, MANAGED_CLUSTER, VAULT, STORAGE_ACCOUNT,
            POSTGRES_SERVER, USER_ASSIGNED_IDENTITY);

    /** The rules, in the order reports and the documentation list them. */
    static final List<Rule> ALL = List.of(
            Rule.builder("PI-TAG-001")
                    .severity(LOW).scope(EVERY_STAGE)
                    .title("Resources carry the standard tags")
                    .rationale("Cost, ownership and origin of every resource are read from its tags.")
                    .source("Cloud Adoption Framework, resource tagging")
                    .remediation("Built in: the program tags every resource; set"
                            + " platform-infra:owner and platform-infra:costCenter.")
                    .check(resources -> resources.resources().stream().filter(r -> r.azureType().filter(TAGGED::contains).isPresent())
                            .filter(r -> !(r.input("tags").orElse(null) instanceof Map<?, ?> tags
                                    && tags.keySet().containsAll(List.of("stage", "owner", "cost-center", "managed-by",
                                    "repository"))))
                            .map(r -> Finding.of(r, "a standard tag is missing")).toList())
                    .build(),
            Rule.builder("PI-MON-001")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("Cluster, vault, storage and database send diagnostics")
                    .rationale("Audit logs of the stateful services are where an investigation starts.")
                    .source(MCSB + ", LT-3")
                    .remediation("Built in: each component sends its diagnostic settings to the stage's workspace.")
                    .check(resources -> resources.resources().stream().filter(r -> guardedInProduction(r))
                            .filter(target -> resources.ofType(DIAGNOSTIC_SETTING).stream().noneMatch(d -> d.dependsOn(target)))
                            .map(target -> Finding.of(target, "sends no diagnostic settings")).toList())
                    .build(),
            Rule.builder("PI-MON-002")
                    .severity(LOW).scope(PRODUCTION)
                    .title("Production logs are kept for at least 90 days")
                    .rationale("Security investigations regularly reach back more than a month.")
                    .source(MCSB + ", LT-6")
                    .remediation("Set monitoring.retentionDays to 90 or more.")
                    .check(each(LOG_ANALYTICS_WORKSPACE, r -> r.number("retentionInDays").filter(d -> d >= 90).isPresent(),
                            "logs are kept for less than 90 days"))
                    .build(),
            Rule.builder("PI-GOV-001")
                    .severity(HIGH).scope(PRODUCTION_ONLY)
                    .title("Production stateful resources are protected in Pulumi")
                    .rationale("With protect, no preview or update may delete or replace the cluster, vault, storage or database:"
                            + " a rename in a pull request cannot destroy data.")
                    .source("Pulumi resource option protect; platform-infra incident review")
                    .remediation("Built in for production stages (environmentType: production).")
                    .check(resources -> resources.resources().stream()
                            .filter(r -> (guardedInProduction(r) || r.azureType().filter(POSTGRES_DATABASE::equals).isPresent())
                                    && !r.protect())
                            .map(r -> Finding.of(r, "is not protected")).toList())
                    .build(),
            Rule.builder(Rules.LOCK_RULE)
                    .severity(HIGH).scope(PRODUCTION_ONLY)
                    .title("Production stateful resources have a CanNotDelete lock")
                    .rationale("A lock stops a delete from the portal or any tool, which Pulumi's protect cannot.")
                    .source("Azure Resource Manager: lock resources to prevent unexpected changes (Microsoft Learn)")
                    .remediation("Built in for production stages.")
                    .check(resources -> resources.resources().stream().filter(r -> guardedInProduction(r))
                            .filter(target -> resources.ofType(LOCK).stream().noneMatch(lock ->
                                    lock.dependsOn(target) && lock.is("level", "CanNotDelete")))
                            .map(target -> Finding.of(target, "has no CanNotDelete lock")).toList())
                    .build(),
            Rule.builder(PolicyCheck.EXPIRED_WAIVER_RULE)
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Waivers are renewed or removed when they expire")
                    .rationale("An exception accepted for a time must not become permanent by being forgotten.")
                    .source("platform-infra policy process (docs/policies.md)")
                    .remediation("Fix the violation and remove the waiver, or renew it with a new reason and date in review.")
                    .check(target -> target.waivers().stream().filter(waiver -> !waiver.activeOn(target.asOf()))
                            .map(waiver -> new Finding("waiver", waiver.resource(), PolicyCheck.expiredMessage(waiver)))
                            .toList())
                    .notWaivable()
                    .build());

    private GovernanceRules() {
    }
}
