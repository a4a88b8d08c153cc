package io.platforminfra.components.aks;

import com.pulumi.azurenative.containerservice.AgentPool;
import com.pulumi.azurenative.containerservice.AgentPoolArgs;
import com.pulumi.azurenative.containerservice.enums.AgentPoolMode;
import com.pulumi.azurenative.containerservice.enums.AgentPoolType;
import com.pulumi.azurenative.containerservice.enums.OSSKU;
import com.pulumi.azurenative.containerservice.enums.OSType;
import com.pulumi.azurenative.containerservice.inputs.AgentPoolUpgradeSettingsArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAgentPoolProfileArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.platforminfra.components.base.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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

    /** The inline profile's setters, for the system pool. */
    private static final PoolSetters<ManagedClusterAgentPoolProfileArgs.Builder> PROFILE = new PoolSetters<>(
            ManagedClusterAgentPoolProfileArgs.Builder::mode, ManagedClusterAgentPoolProfileArgs.Builder::vmSize,
            ManagedClusterAgentPoolProfileArgs.Builder::vnetSubnetID,
            ManagedClusterAgentPoolProfileArgs.Builder::osType, ManagedClusterAgentPoolProfileArgs.Builder::osSKU,
            ManagedClusterAgentPoolProfileArgs.Builder::type,
            ManagedClusterAgentPoolProfileArgs.Builder::enableNodePublicIP,
            ManagedClusterAgentPoolProfileArgs.Builder::upgradeSettings,
            ManagedClusterAgentPoolProfileArgs.Builder::tags,
            ManagedClusterAgentPoolProfileArgs.Builder::availabilityZones);
    /** The AgentPool resource's setters, for the user pools. */
    private static final PoolSetters<AgentPoolArgs.Builder> AGENT_POOL = new PoolSetters<>(
            AgentPoolArgs.Builder::mode, AgentPoolArgs.Builder::vmSize, AgentPoolArgs.Builder::vnetSubnetID,
            AgentPoolArgs.Builder::osType, AgentPoolArgs.Builder::osSKU, AgentPoolArgs.Builder::type,
            AgentPoolArgs.Builder::enableNodePublicIP, AgentPoolArgs.Builder::upgradeSettings,
            AgentPoolArgs.Builder::tags, AgentPoolArgs.Builder::availabilityZones);

    private NodePools() {
    }

    /**
     * The setters of what every pool shares. The SDK has them under the same names on two unrelated builders (the
     * cluster's inline profile and the AgentPool resource), so the shared part is written once, in {@link #apply},
     * and each builder only names its setters.
     */
    private record PoolSetters<B>(BiConsumer<B, AgentPoolMode> mode, BiConsumer<B, String> vmSize,
                                  BiConsumer<B, Output<String>> subnetId, BiConsumer<B, OSType> osType,
                                  BiConsumer<B, OSSKU> osSku, BiConsumer<B, AgentPoolType> type,
                                  BiConsumer<B, Boolean> nodePublicIp,
                                  BiConsumer<B, AgentPoolUpgradeSettingsArgs> upgradeSettings,
                                  BiConsumer<B, Map<String, String>> tags, BiConsumer<B, List<String>> zones) {

        /** Sets on {@code builder} what every pool is: Azure Linux, scale sets, no public IPs, surge, zones. */
        B apply(B builder, AgentPoolMode poolMode, String poolVmSize, List<String> poolZones, Output<String> subnet,
                Placement placement) {
            mode.accept(builder, poolMode);
            vmSize.accept(builder, poolVmSize);
            subnetId.accept(builder, subnet);
            osType.accept(builder, OSType.Linux);
            osSku.accept(builder, OSSKU.AzureLinux);
            type.accept(builder, AgentPoolType.VirtualMachineScaleSets);
            nodePublicIp.accept(builder, false);
            upgradeSettings.accept(builder, AgentPoolUpgradeSettingsArgs.builder().maxSurge(MAX_SURGE).build());
            tags.accept(builder, placement.tags());
            if (!poolZones.isEmpty()) {
                zones.accept(builder, poolZones);
            }
            return builder;
        }
    }

    /** The system pool, tainted so only critical add-ons run there (AKS best practice for system pools). */
    static ManagedClusterAgentPoolProfileArgs system(SystemPoolSettings pool, List<String> zones,
                                                     Output<String> subnetId, Placement placement) {
        return PROFILE.apply(ManagedClusterAgentPoolProfileArgs.builder(), AgentPoolMode.System, pool.getVmSize(),
                        zones, subnetId, placement)
                .name("system")
                .count(pool.getCount())
                .nodeTaints("CriticalAddonsOnly=true:NoSchedule")
                .build();
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
            var args = AGENT_POOL.apply(AgentPoolArgs.builder(), AgentPoolMode.User, pool.getVmSize(), zones, subnetId,
                            placement)
                    .agentPoolName(pool.getName())
                    .resourceName(clusterName)
                    .resourceGroupName(placement.resourceGroupName())
                    .enableAutoScaling(true)
                    .minCount(pool.getMinCount())
                    .maxCount(pool.getMaxCount())
                    .count(pool.getMinCount());
            var options = CustomResourceOptions.builder().parent(parent).ignoreChanges("count");
            if (!created.isEmpty()) {
                options.dependsOn(created.get(created.size() - 1));
            }
            created.add(new AgentPool(componentName + "-pool-" + pool.getName(), args.build(), options.build()));
        }
        return created;
    }
}
