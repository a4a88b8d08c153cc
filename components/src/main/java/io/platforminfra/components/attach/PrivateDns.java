package io.platforminfra.components.attach;

import io.platforminfra.components.base.Placement;

import io.platforminfra.azure.AzureResourceType;

import com.pulumi.azurenative.network.PrivateDnsZoneGroup;
import com.pulumi.azurenative.network.PrivateDnsZoneGroupArgs;
import com.pulumi.azurenative.network.PrivateEndpoint;
import com.pulumi.azurenative.network.PrivateEndpointArgs;
import com.pulumi.azurenative.network.PrivateZone;
import com.pulumi.azurenative.network.PrivateZoneArgs;
import com.pulumi.azurenative.network.VirtualNetworkLink;
import com.pulumi.azurenative.network.VirtualNetworkLinkArgs;
import com.pulumi.azurenative.network.inputs.PrivateDnsZoneConfigArgs;
import com.pulumi.azurenative.network.inputs.PrivateLinkServiceConnectionArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.azurenative.network.inputs.SubnetArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * Private DNS zones and private endpoints, built the same way by every component that is reached privately.
 */
public final class PrivateDns {
    private PrivateDns() {
    }

    /**
     * A private DNS zone and its link to a virtual network; a resource that needs the zone to resolve depends
     * on the link.
     *
     * @param zone the private DNS zone
     * @param link the link of the zone to the virtual network
     */
    public record LinkedZone(PrivateZone zone, VirtualNetworkLink link) {
    }

    /**
     * A private DNS zone linked to {@code virtualNetworkId}, so that workloads in the network resolve the
     * service's private address. Private DNS zones are global resources: location {@code global}.
     */
    public static LinkedZone linkedZone(String name, String zoneName, Output<String> virtualNetworkId,
                                        Placement placement, Resource parent) {
        var options = CustomResourceOptions.builder().parent(parent).build();
        var zone = new PrivateZone(name + "-dns", PrivateZoneArgs.builder()
                .privateZoneName(zoneName)
                .resourceGroupName(placement.resourceGroupName())
                .location("global")
                .tags(placement.tags())
                .build(), options);
        var link = new VirtualNetworkLink(name + "-dns-link", VirtualNetworkLinkArgs.builder()
                .privateZoneName(zone.name())
                .resourceGroupName(placement.resourceGroupName())
                .location("global")
                .virtualNetwork(SubResourceArgs.builder().id(virtualNetworkId).build())
                // Only resolution: nothing registers its own records in a service zone.
                .registrationEnabled(false)
                .tags(placement.tags())
                .build(), options);
        return new LinkedZone(zone, link);
    }

    /**
     * A private endpoint for {@code targetResourceId}'s sub-resource {@code groupId} in the attachment's subnet,
     * with its A record kept in a linked private DNS zone named {@code zoneName}.
     */
    public static PrivateEndpoint endpoint(String name, Output<String> targetResourceId, String groupId,
                                           String zoneName, PrivateNetworkAttachment attachment,
                                           Placement placement, Resource parent) {
        var linked = linkedZone(name, zoneName, attachment.virtualNetworkId(), placement, parent);
        var endpointName = placement.naming().name(AzureResourceType.PRIVATE_ENDPOINT, groupId);
        var endpoint = new PrivateEndpoint(name + "-pe", PrivateEndpointArgs.builder()
                .privateEndpointName(endpointName)
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .subnet(SubnetArgs.builder().id(attachment.subnetId()).build())
                .privateLinkServiceConnections(PrivateLinkServiceConnectionArgs.builder()
                        .name(endpointName)
                        .privateLinkServiceId(targetResourceId)
                        .groupIds(groupId)
                        .build())
                .tags(placement.tags())
                .build(), CustomResourceOptions.builder().parent(parent).build());
        new PrivateDnsZoneGroup(name + "-pe-dns", PrivateDnsZoneGroupArgs.builder()
                .privateDnsZoneGroupName("default")
                .privateEndpointName(endpoint.name())
                .resourceGroupName(placement.resourceGroupName())
                .privateDnsZoneConfigs(PrivateDnsZoneConfigArgs.builder()
                        .name(zoneName.replace('.', '-'))
                        .privateDnsZoneId(linked.zone().id())
                        .build())
                // The A record is written into the zone for the linked network: wait for the link (the same race
                // is reported for flexible servers, Azure/bicep#10197; harmless where it would not occur).
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(linked.link()).build());
        return endpoint;
    }
}
