package io.platforminfra.components.base;

import io.platforminfra.components.attach.PrivateNetworkAttachment;

import lombok.Getter;
import lombok.NonNull;
import lombok.experimental.SuperBuilder;

/**
 * Inputs of a component reached through a private endpoint in the stage's network: private by default, so the
 * endpoint is required.
 */
@Getter
@SuperBuilder
public abstract class PrivateComponentArgs extends MonitoredComponentArgs {
    /** Subnet and network of the private endpoint. Required. */
    @NonNull
    private final PrivateNetworkAttachment privateEndpoint;
}
