package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.VersionSupport;
import io.platforminfra.offline.RegisteredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** What AKS refuses in a cluster or a node pool at create or update time. */
final class KubernetesServiceRules {
    private static final Set<AzureResourceType> CLUSTER_AND_POOLS = Set.of(AzureResourceType.MANAGED_CLUSTER,
            AzureResourceType.AGENT_POOL);
    /** Shortest window AKS accepts for auto-upgrades. */
    static final int MINIMUM_WINDOW_HOURS = 4;
    /** Fewest vCPUs AKS accepts in a System pool's VM size (error SystemPoolSkuTooLow). */
    static final int MINIMUM_SYSTEM_POOL_VCPUS = 2;
    /**
     * The vCPUs an Azure VM size names: the number after the family letters ({@code Standard_D2ds_v5}: 2), or after
     * the dash of a constrained-vCPU size ({@code Standard_E4-2ds_v5}: 2 active). Azure VM naming conventions
     * (virtual-machines/vm-naming-conventions.md).
     */
    private static final Pattern VCPUS_IN_SIZE = Pattern.compile("^Standard_[A-Za-z]+(\\d+)(?:-(\\d+))?",
            Pattern.CASE_INSENSITIVE);

    private KubernetesServiceRules() {
    }

    static List<AzureRule> all() {
        return List.of(
                new AzureRule("AZ-AKS-001", CLUSTER_AND_POOLS, "an autoscaled node pool is sent with a count, and"
                        + " minCount <= count <= maxCount",
                        "pulumi/pulumi-azure-native#2943 and Azure/azure-service-operator#3220 (\"Required parameter"
                                + " properties.count is missing (null)\"); managedClusters API 2023-04-01, count:"
                                + " \"0 to 1000 (inclusive) for user pools\"",
                        (resource, facts) -> eachPool(resource, (path, pool) -> autoscaledCount(path, pool))),
                new AzureRule("AZ-AKS-002", CLUSTER_AND_POOLS, "a cluster or pool is created only with a Kubernetes"
                        + " minor in AKS standard support on that day (" + VersionSupport.class.getSimpleName()
                        + " table)", "MicrosoftDocs/azure-aks-docs articles/aks/supported-kubernetes-versions.md",
                        (resource, facts) -> VersionBreaches.of(resource,
                                resource.type().equals(AzureResourceType.AGENT_POOL.token()) ? "orchestratorVersion"
                                        : "kubernetesVersion", VersionSupport.Product.KUBERNETES, facts.asOf())),
                new AzureRule("AZ-AKS-003", CLUSTER_AND_POOLS, "node pools use availability zones only in a region"
                        + " that has them, and only its zones 1, 2 and 3",
                        "articles/aks/reliability-availability-zones-configure.md; Azure regions list"
                                + " (reliability/regions-list.md)",
                        (resource, facts) -> {
                            var region = RegionZones.of(resource, facts);
                            return eachPool(resource, (path, pool) -> {
                                var asked = pool.get("availabilityZones") instanceof List<?> list ? list : List.of();
                                return asked.isEmpty() || region.zones().containsAll(asked) ? List.of()
                                        : List.of(new AzureRule.Breach(path + "availabilityZones", asked,
                                        region.refusal()));
                            });
                        }),
                new AzureRule("AZ-AKS-004", Set.of(AzureResourceType.MANAGED_CLUSTER), "a new cluster has a System mode"
                        + " node pool in agentPoolProfiles", "articles/aks/use-system-pools.md (\"Every AKS cluster"
                        + " must contain at least one system node pool\")",
                        (resource, facts) -> {
                            var pools = Inputs.list(resource, "agentPoolProfiles");
                            return pools.stream().anyMatch(p -> p instanceof Map<?, ?> m && "System".equals(m.get("mode")))
                                    ? List.of() : List.of(new AzureRule.Breach("agentPoolProfiles", pools.size()
                                    + " pools", "none has mode System"));
                        }),
                new AzureRule("AZ-AKS-005", Set.of(AzureResourceType.MAINTENANCE_CONFIGURATION_WINDOW),
                        "an auto-upgrade schedule (aksManagedAutoUpgradeSchedule) has a maintenance window of "
                        + MINIMUM_WINDOW_HOURS + " to 24 hours",
                        "articles/aks/planned-maintenance.md (\"use a maintenance window with a duration of four hours or"
                        + " more\"; API 2023-05-01 and later: durationHours 4 to 24)",
                        (resource, facts) -> Inputs.number(resource, "maintenanceWindow.durationHours")
                                .filter(hours -> hours < MINIMUM_WINDOW_HOURS || hours > 24)
                                .map(hours -> List.of(new AzureRule.Breach("maintenanceWindow.durationHours",
                                        Inputs.number(hours), "the window is " + Inputs.number(hours) + " hours")))
                                .orElse(List.of())),
                new AzureRule("AZ-AKS-006", CLUSTER_AND_POOLS, "a System mode pool uses a VM size with at least "
                        + MINIMUM_SYSTEM_POOL_VCPUS + " vCPUs (read from the size name; the 4 GB memory floor is not"
                        + " modelled)", "error SystemPoolSkuTooLow, \"System node pool must use VM sku with more than 2"
                        + " cores and 4GB memory\" (MicrosoftDocs/azure-dev-docs#213, #216); articles/aks/"
                        + "quotas-skus-regions.md \"Restricted VM sizes\". The 4 vCPU, two-node and no-B-series lines of"
                        + " use-system-pools.md are not enforced by the API (MicrosoftDocs/azure-docs#121181)",
                        (resource, facts) -> eachPool(resource, (path, pool) -> {
                            if (!"System".equals(pool.get("mode")) || !(pool.get("vmSize") instanceof String size)) {
                                return List.of();
                            }
                            var vcpus = vcpusOf(size);
                            return vcpus.isPresent() && vcpus.getAsInt() < MINIMUM_SYSTEM_POOL_VCPUS
                                    ? List.of(new AzureRule.Breach(path + "vmSize", size, "it has "
                                    + vcpus.getAsInt() + " vCPU")) : List.of();
                        })));
    }

    /** The vCPUs {@code size} names; empty when the name does not follow Azure's naming convention. */
    static OptionalInt vcpusOf(String size) {
        var matcher = VCPUS_IN_SIZE.matcher(size);
        if (!matcher.find()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(matcher.group(2) != null ? matcher.group(2) : matcher.group(1)));
    }

    /** One pool's inputs by the path prefix they are reported under. */
    private interface PoolCheck {
        List<AzureRule.Breach> check(String pathPrefix, Map<?, ?> pool);
    }

    /** A pool resource is itself the pool; a cluster has its inline pools. */
    private static List<AzureRule.Breach> eachPool(RegisteredResource resource, PoolCheck check) {
        if (resource.type().equals(AzureResourceType.AGENT_POOL.token())) {
            return check.check("", resource.inputs());
        }
        var breaches = new ArrayList<AzureRule.Breach>();
        var pools = Inputs.list(resource, "agentPoolProfiles");
        for (int i = 0; i < pools.size(); i++) {
            if (pools.get(i) instanceof Map<?, ?> pool) {
                breaches.addAll(check.check("agentPoolProfiles[" + i + "].", pool));
            }
        }
        return breaches;
    }

    private static List<AzureRule.Breach> autoscaledCount(String path, Map<?, ?> pool) {
        if (!Boolean.TRUE.equals(pool.get("enableAutoScaling"))) {
            return List.of();
        }
        var count = pool.get("count");
        if (count instanceof RegisteredResource.Unknown) {
            return List.of();
        }
        if (!(count instanceof Number number)) {
            return List.of(new AzureRule.Breach(path + "count", "not set", "an autoscaled pool needs count"));
        }
        var min = pool.get("minCount") instanceof Number n ? n.doubleValue() : null;
        var max = pool.get("maxCount") instanceof Number n ? n.doubleValue() : null;
        var value = number.doubleValue();
        if ((min != null && value < min) || (max != null && value > max)) {
            return List.of(new AzureRule.Breach(path + "count", Inputs.number(value), "it lies outside [minCount "
                    + (min == null ? "?" : Inputs.number(min)) + ", maxCount " + (max == null ? "?" : Inputs.number(max))
                    + "]"));
        }
        return List.of();
    }
}
