package io.platforminfra.components.aks;

import lombok.Builder;
import lombok.Value;

/**
 * An autoscaling node pool for application workloads.
 */
@Value
@Builder(toBuilder = true)
public class UserPoolSettings {
    /** Pool name: 1-12 lowercase letters and digits, starting with a letter (AKS's rule for Linux pools). Required. */
    String name;

    /** VM size of the nodes. Default {@code Standard_D4ds_v5}. */
    @Builder.Default
    String vmSize = "Standard_D4ds_v5";

    /** Fewest nodes the autoscaler keeps, 0 to 1000. Default {@code 1}. */
    @Builder.Default
    int minCount = 1;

    /** Most nodes the autoscaler adds, 1 to 1000 and at least {@code minCount}. Default {@code 3}. */
    @Builder.Default
    int maxCount = 3;
}
