package io.platforminfra.components.aks;

import lombok.Builder;
import lombok.Value;

/**
 * The cluster's system node pool. It runs only critical add-ons (it is tainted {@code CriticalAddonsOnly}), so a
 * runaway workload cannot starve CoreDNS or the metrics server.
 */
@Value
@Builder(toBuilder = true)
public class SystemPoolSettings {
    /** VM size of the system nodes. Default {@code Standard_D4ds_v5} (4 vCPU, 16 GiB: AKS's recommended minimum). */
    @Builder.Default
    String vmSize = "Standard_D4ds_v5";

    /** Number of system nodes, 1 to 100. Default {@code 2}, so an upgrade or node failure keeps one running. */
    @Builder.Default
    int count = 2;

    /** Settings with every default. */
    public static SystemPoolSettings defaults() {
        return builder().build();
    }
}
