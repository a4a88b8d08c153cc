package io.platforminfra.components.network;

import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.DelegationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.base.AzureComponent;
import io.platforminfra.components.base.Components;
import io.platforminfra.components.base.Placement;
import io.platforminfra.components.attach.PrivateNetworkAttachment;
import io.platforminfra.components.attach.DiagnosticSettings;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * The stage's virtual network with three subnets derived from one address space (see {@link AddressPlan}):
 * cluster nodes, private endpoints, and a subnet delegated to PostgreSQL flexible servers. Every subnet has the
 * stage's network security group, so traffic rules can be added in one place.
 */
public class Network extends AzureComponent {
    /** Pulumi type token. */
    public static final String TYPE = Components.TYPE_PREFIX + "Network";

    private final Output<String> nodeSubnetId;
    private final Output<String> privateEndpointSubnetId;
    private final Output<String> databaseSubnetId;
    private final AddressPlan addressPlan;

    /** Creates the network; throws before registering anything when the settings are invalid. */
    public Network(String name, NetworkArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, AzureResourceType.VIRTUAL_NETWORK, name, args, options);
        var placement = args.getPlacement();
        var naming = placement.naming();
        this.addressPlan = AddressPlan.of(args.getSettings().getAddressSpace());

        var vnet = new VirtualNetwork(name + "-vnet", VirtualNetworkArgs.builder()
                .virtualNetworkName(mainResourceName())
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(addressPlan.addressSpace()).build())
                .tags(placement.tags())
                .build(), adoption().options(this)
                // Subnets are separate resources below; the inline list would fight them on every update.
                .ignoreChanges("subnets")
                .build());
        var nsg = new NetworkSecurityGroup(name + "-nsg", NetworkSecurityGroupArgs.builder()
                .networkSecurityGroupName(naming.name(AzureResourceType.NETWORK_SECURITY_GROUP))
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .tags(placement.tags())
                .build(), CustomResourceOptions.builder().parent(this).build());

        var nodes = subnet(name + "-nodes", "nodes", addressPlan.nodes(), vnet, nsg, placement, null, null);
        var endpoints = subnet(name + "-endpoints", "endpoints", addressPlan.privateEndpoints(), vnet, nsg,
                placement, null, nodes);
        var database = subnet(name + "-database", "database", addressPlan.database(), vnet, nsg, placement,
                DelegationArgs.builder().name("postgresql-flexible-servers")
                        .serviceName("Microsoft.DBforPostgreSQL/flexibleServers").build(), endpoints);
        DiagnosticSettings.send(name + "-vnet-diag", vnet.id(), args.getLogAnalyticsWorkspaceId(),
                DiagnosticSettings.Signals.LOGS_AND_METRICS, this);

        this.nodeSubnetId = nodes.id();
        this.privateEndpointSubnetId = endpoints.id();
        this.databaseSubnetId = database.id();
        publish(vnet.id(), vnet.name(), Map.of("nodeSubnetId", nodeSubnetId,
                "privateEndpointSubnetId", privateEndpointSubnetId, "databaseSubnetId", databaseSubnetId));
    }

    private Subnet subnet(String pulumiName, String qualifier, String prefix, VirtualNetwork vnet,
                          NetworkSecurityGroup nsg, Placement placement, @Nullable DelegationArgs delegation,
                          @Nullable Resource previous) {
        var args = SubnetArgs.builder()
                .subnetName(placement.naming().name(AzureResourceType.SUBNET, qualifier))
                .virtualNetworkName(vnet.name())
                .resourceGroupName(placement.resourceGroupName())
                .addressPrefix(prefix)
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder()
                        .id(nsg.id()).build())
                // Private endpoints honour the NSG only with network policies on.
                .privateEndpointNetworkPolicies("Enabled");
        if (delegation != null) {
            args.delegations(delegation);
        }
        var options = CustomResourceOptions.builder().parent(this);
        if (previous != null) {
            // Azure rejects concurrent changes to subnets of one network ("AnotherOperationInProgress").
            options.dependsOn(previous);
        }
        return new Subnet(pulumiName, args.build(), options.build());
    }

    /** Resource ID of the subnet for cluster nodes. */
    public Output<String> nodeSubnetId() {
        return nodeSubnetId;
    }

    /** Resource ID of the subnet delegated to PostgreSQL flexible servers. */
    public Output<String> databaseSubnetId() {
        return databaseSubnetId;
    }

    /** Where components put their private endpoints: the endpoint subnet and this network (for DNS). */
    public PrivateNetworkAttachment privateEndpoints() {
        return new PrivateNetworkAttachment(privateEndpointSubnetId, resourceId());
    }

    /** The address plan the subnets follow. */
    public AddressPlan addressPlan() {
        return addressPlan;
    }
}
