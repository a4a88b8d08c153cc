package io.platforminfra.components.common;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.List;

/**
 * Checks of the IPv4 addresses and ranges users write in settings: one place for CIDR math.
 */
public final class IpRanges {
    /** RFC 1918 private address space. */
    public static final List<String> PRIVATE_SPACE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    private IpRanges() {
    }

    /** Whether {@code value} is an IPv4 address or IPv4 CIDR range, such as {@code 203.0.113.0/24}. */
    public static boolean isIpv4AddressOrRange(String value) {
        var address = parse(value);
        return address != null && address.isIPv4();
    }

    /**
     * Whether {@code cidr} is an IPv4 range written from its network address, with a prefix length in
     * {@code [shortestPrefix, longestPrefix]}, inside {@link #PRIVATE_SPACE}.
     */
    public static boolean isPrivateRange(String cidr, int shortestPrefix, int longestPrefix) {
        var address = parse(cidr);
        if (address == null || !address.isIPv4() || address.getNetworkPrefixLength() == null) {
            return false;
        }
        int prefix = address.getNetworkPrefixLength();
        return prefix >= shortestPrefix && prefix <= longestPrefix && address.isSinglePrefixBlock() && isPrivate(address);
    }

    /** Whether the range lies inside {@link #PRIVATE_SPACE}. */
    public static boolean isPrivate(IPAddress range) {
        return PRIVATE_SPACE.stream().map(IpRanges::parse).anyMatch(r -> r.contains(range.toPrefixBlock()));
    }

    /** Whether two CIDR ranges share any address. Two prefix blocks overlap exactly when one contains the other. */
    public static boolean overlap(String a, String b) {
        var first = parse(a).toPrefixBlock();
        var second = parse(b).toPrefixBlock();
        return first.contains(second) || second.contains(first);
    }

    /** Parses an address or CIDR range; {@code null} when it is neither. */
    public static IPAddress parse(String value) {
        return value == null ? null : new IPAddressString(value).getAddress();
    }
}
