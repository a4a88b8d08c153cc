package io.platforminfra.components.network;

import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.Settings;
import lombok.Builder;
import lombok.Value;


/**
 * Settings of the stage's virtual network. The subnets are derived from the one address space
 * ({@link AddressPlan}: nodes get the first half, private endpoints the fifth eighth, PostgreSQL the sixth eighth,
 * the last quarter is reserved), so stages cannot drift into overlapping or undersized subnets.
 */
@Value
@Builder(toBuilder = true)
public class NetworkSettings implements Settings {

    /**
     * Private IPv4 range of the virtual network, a prefix from /8 to /24 inside RFC 1918 space.
     * Default {@code 10.42.0.0/16}. Give each stage its own range if stages may ever be peered.
     */
    @Builder.Default
    String addressSpace = "10.42.0.0/16";

    /** Settings with every default. */
    public static NetworkSettings defaults() {
        return builder().build();
    }

    @Override
    public void check(Problems problems) {
        AddressPlan.problemsWith(addressSpace).forEach(p -> problems.check(false, "addressSpace", addressSpace, p));
    }
}
