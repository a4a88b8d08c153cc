package io.platforminfra.components.aks;

import com.pulumi.azurenative.containerservice.AgentPool;
import com.pulumi.azurenative.containerservice.AgentPoolArgs;
import com.pulumi.azurenative.containerservice.inputs.AgentPoolUpgradeSettingsArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAgentPoolProfileArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.platforminfra.components.common.Placement;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's node pools: the system pool inline in the cluster (AKS needs one to create a cluster), every user
 * pool as an {@code AgentPool} resource of its own ("The Azure API does not currently allow this property to be
 * updated directly. Instead, additional agent pools can be defined via the AgentPool resource", azure-native
 * ManagedCluster {@code agentPoolProfiles}). Every pool: Azure Linux, scale sets, no public node IPs, a third of the
 * pool as surge on upgrades, the stage's zones.
 */
final class NodePools {
    /** Surge nodes during an upgrade: a third of the pool at once, so upgrades end in a bounded time. */
    private static final String MAX_SURGE = "33%";

    private NodePools() {
    }

    /** The system pool, tainted so only critical add-ons run there (AKS best practice for system pools). */
    static ManagedClusterAgentPoolProfileArgs system(SystemPoolSettings pool, List<String> zones,
                                                     Output<String> subnetId, Placement placement) {
        var profile = ManagedClusterAgentPoolProfileArgs.builder()
                .name("system")
                .mode("System")
                .vmSize(pool.getVmSize())
                .count(pool.getCount())
                .nodeTaints("CriticalAddonsOnly=true:NoSchedule")
                .vnetSubnetID(subnetId)
                .osType("Linux")
                .osSKU("AzureLinux")
                .type("VirtualMachineScaleSets")
                .enableNodePublicIP(false)
                .upgradeSettings(AgentPoolUpgradeSettingsArgs.builder().maxSurge(MAX_SURGE).build())
                .tags(placement.tags());
        if (!zones.isEmpty()) {
            profile.availabilityZones(zones);
        }
        return profile.build();
    }

    /**
     * The user pools of the cluster {@code clusterName}, autoscaled. Each is created with {@code count = minCount}:
     * AKS refuses an autoscaled pool without a count ("Required parameter properties.count is missing",
     * pulumi/pulumi-azure-native#2943, Azure/azure-service-operator#3220); after creation the autoscaler owns the
     * count, so changes of it are ignored. The pools are created one after another: AKS refuses a pool operation
     * while another runs on the cluster ("Another agentpool operation ... is in progress", cilium/cilium#25944;
     * Azure Verified Modules serialize them for the same reason).
     */
    static List<AgentPool> user(String componentName, List<UserPoolSettings> pools, List<String> zones,
                                Output<String> clusterName, Output<String> subnetId, Placement placement,
                                Resource parent) {
        var created = new ArrayList<AgentPool>();
        for (var pool : pools) {
            var args = AgentPoolArgs.builder()
                    .agentPoolName(pool.getName())
                    .resourceName(clusterName)
                    .resourceGroupName(placement.resourceGroupName())
                    .mode("User")
                    .vmSize(pool.getVmSize())
                    .enableAutoScaling(true)
                    .minCount(pool.getMinCount())
                    .maxCount(pool.getMaxCount())
                    .count(pool.getMinCount())
                    .vnetSubnetID(subnetId)
                    .osType("Linux")
                    .osSKU("AzureLinux")
                    .type("VirtualMachineScaleSets")
                    .enableNodePublicIP(false)
                    .upgradeSettings(AgentPoolUpgradeSettingsArgs.builder().maxSurge(MAX_SURGE).build())
                    .tags(placement.tags());
            if (!zones.isEmpty()) {
                args.availabilityZones(zones);
            }
            var options = CustomResourceOptions.builder().parent(parent).ignoreChanges("count");
            if (!created.isEmpty()) {
                options.dependsOn(created.get(created.size() - 1));
            }
            created.add(new AgentPool(componentName + "-pool-" + pool.getName(), args.build(), options.build()));
        }
        return created;
    }
}
