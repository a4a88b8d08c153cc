package io.platforminfra.components.common;

import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.NonNull;
import lombok.ToString;
import lombok.experimental.SuperBuilder;

/**
 * Inputs of a component reached through a private endpoint in the stage's network: private by default, so the
 * endpoint is required.
 */
@Getter
@SuperBuilder
@ToString(callSuper = true)
@EqualsAndHashCode(callSuper = true)
public abstract class PrivateComponentArgs extends MonitoredComponentArgs {
    /** Subnet and network of the private endpoint. Required. */
    @NonNull
    private final PrivateNetworkAttachment privateEndpoint;
}
