package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.VersionSupport;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static io.platforminfra.azure.AzureResourceType.AGENT_POOL;
import static io.platforminfra.azure.AzureResourceType.MANAGED_CLUSTER;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_SERVER;
import static io.platforminfra.policy.Scope.ADVICE;
import static io.platforminfra.policy.Severity.LOW;

/**
 * The rule on versions nearing the end of Azure's standard support (AKS and PostgreSQL).
 */
final class LifecycleRules {
    /** The rules, in the order reports and the documentation list them. */
    static final List<Rule> ALL = List.of(
            Rule.builder("PI-LIFE-001")
                    .severity(LOW).scope(ADVICE)
                    .title("No version leaves Azure's support within "
                            + VersionSupport.WARNING_DAYS + " days")
                    .rationale("After the last day of standard support AKS upgrades a cluster by itself (or it runs unsupported)"
                            + " and PostgreSQL moves to paid extended support: plan the upgrade while there is time.")
                    .source("vocabulary/src/main/java/io/platforminfra/azure/VersionSupport.java (dated table; docs/versions.md)")
                    .remediation("Move the stack file's cluster.kubernetesVersion or database.version to a newer supported version.")
                    .check(target -> Stream.of(
                                    versions(target, MANAGED_CLUSTER, "kubernetesVersion", VersionSupport.Product.KUBERNETES),
                                    versions(target, AGENT_POOL, "orchestratorVersion",
                                            VersionSupport.Product.KUBERNETES),
                                    versions(target, POSTGRES_SERVER, "version", VersionSupport.Product.POSTGRESQL))
                            .flatMap(List::stream).toList())
                    .build());

    private LifecycleRules() {
    }

    /** A finding for each resource of {@code type} whose version at {@code path} ends within the warning days. */
    private static List<Finding> versions(PolicyTarget target, AzureResourceType type, String path, VersionSupport.Product product) {
        return target.ofType(type).stream().flatMap(r -> r.text(path).flatMap(version ->
                        VersionSupport.endingSoon(product, version, target.asOf())
                                .map(last -> Finding.of(r, product.title() + " " + version + " leaves standard support"
                                        + " after " + last + " (" + ChronoUnit.DAYS.between(target.asOf(), last)
                                        + " days from " + target.asOf() + ")"))).stream())
                .toList();
    }
}
