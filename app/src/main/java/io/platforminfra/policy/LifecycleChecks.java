package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.VersionSupport;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.platforminfra.azure.AzureResourceType.AGENT_POOL;
import static io.platforminfra.azure.AzureResourceType.MANAGED_CLUSTER;
import static io.platforminfra.azure.AzureResourceType.POSTGRES_SERVER;
import static io.platforminfra.policy.RuleChecks.allOf;

/**
 * How the rule on versions nearing the end of Azure's standard support (AKS and PostgreSQL) judges a stage; what
 * it says is in {@code rules.yaml}.
 */
final class LifecycleChecks {
    /** The check of the version rule. */
    static final Map<String, Rule.Check> BY_ID = Map.of("PI-LIFE-001", allOf(
            versions(MANAGED_CLUSTER, "kubernetesVersion", VersionSupport.Product.KUBERNETES),
            versions(AGENT_POOL, "orchestratorVersion", VersionSupport.Product.KUBERNETES),
            versions(POSTGRES_SERVER, "version", VersionSupport.Product.POSTGRESQL)));

    private LifecycleChecks() {
    }

    /** A finding for each resource of {@code type} whose version at {@code path} ends within the warning days. */
    private static Rule.Check versions(AzureResourceType type, String path, VersionSupport.Product product) {
        return target -> target.ofType(type).stream().flatMap(r -> r.text(path).flatMap(version ->
                        VersionSupport.endingSoon(product, version, target.asOf())
                                .map(last -> Finding.of(r, product.title() + " " + version + " leaves standard support"
                                        + " after " + last + " (" + ChronoUnit.DAYS.between(target.asOf(), last)
                                        + " days from " + target.asOf() + ")"))).stream())
                .toList();
    }
}
