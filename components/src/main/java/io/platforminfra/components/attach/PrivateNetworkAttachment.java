package io.platforminfra.components.attach;

import com.pulumi.core.Output;

/**
 * Where a component puts its private endpoint: the subnet for private endpoints and the virtual network whose
 * resources resolve the service's private DNS name.
 *
 * @param subnetId         resource ID of the subnet the endpoint's network interface joins
 * @param virtualNetworkId resource ID of the virtual network the private DNS zone is linked to
 */
public record PrivateNetworkAttachment(Output<String> subnetId, Output<String> virtualNetworkId) {
}
