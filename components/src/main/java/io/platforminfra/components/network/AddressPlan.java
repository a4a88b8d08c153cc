package io.platforminfra.components.network;

import inet.ipaddr.IPAddress;
import io.platforminfra.azure.IpRanges;

import java.util.ArrayList;
import java.util.List;

/**
 * The subnets of a stage, derived from its one address space so every stage has the same shape:
 *
 * <pre>
 *   first half          nodes             AKS nodes (Azure CNI overlay: pods take no VNet addresses)
 *   fifth eighth        privateEndpoints  private endpoints of Key Vault and storage
 *   sixth eighth        database          delegated to PostgreSQL flexible servers
 *   last quarter        (reserved)        room to grow without renumbering
 * </pre>
 *
 * For {@code 10.42.0.0/16}: nodes {@code 10.42.0.0/17}, private endpoints {@code 10.42.128.0/19}, database
 * {@code 10.42.160.0/19}.
 *
 * @param addressSpace     the whole range, for example {@code 10.42.0.0/16}
 * @param nodes            subnet of the cluster's nodes
 * @param privateEndpoints subnet of private endpoints
 * @param database         subnet delegated to PostgreSQL flexible servers
 */
public record AddressPlan(String addressSpace, String nodes, String privateEndpoints, String database) {
    /** Longest accepted prefix: a /24 still gives the database subnet a /27 (Azure needs at least a /28). */
    public static final int LONGEST_PREFIX = 24;
    /** Shortest accepted prefix: a /8, all of 10.0.0.0/8. */
    public static final int SHORTEST_PREFIX = 8;

    /**
     * Derives the plan of {@code addressSpace}.
     *
     * @throws IllegalArgumentException when the address space is not acceptable (see {@link #problemsWith})
     */
    public static AddressPlan of(String addressSpace) {
        var problems = problemsWith(addressSpace);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("addressSpace '" + addressSpace + "' must " + String.join(", ", problems));
        }
        var space = IpRanges.parse(addressSpace).toPrefixBlock();
        int prefix = space.getNetworkPrefixLength();
        var nodes = space.setPrefixLength(prefix + 1, false).prefixBlockIterator().next();
        var eighths = new ArrayList<IPAddress>();
        space.setPrefixLength(prefix + 3, false).prefixBlockIterator().forEachRemaining(eighths::add);
        return new AddressPlan(space.toPrefixLengthString(), nodes.toPrefixLengthString(),
                eighths.get(4).toPrefixLengthString(), eighths.get(5).toPrefixLengthString());
    }

    /** What is wrong with {@code addressSpace}, each phrased to complete "must ..."; empty when it is fine. */
    public static List<String> problemsWith(String addressSpace) {
        var address = IpRanges.parse(addressSpace);
        if (address == null || !address.isIPv4() || address.getNetworkPrefixLength() == null) {
            return List.of("be an IPv4 range in CIDR notation, such as 10.42.0.0/16");
        }
        var problems = new ArrayList<String>();
        int prefix = address.getNetworkPrefixLength();
        if (prefix < SHORTEST_PREFIX || prefix > LONGEST_PREFIX) {
            problems.add("have a prefix length between /" + SHORTEST_PREFIX + " and /" + LONGEST_PREFIX);
        }
        if (!address.isSinglePrefixBlock()) {
            problems.add("start at its network address (" + address.toPrefixBlock().toZeroHost() + ")");
        }
        if (!IpRanges.isPrivate(address)) {
            problems.add("lie inside private address space (" + String.join(", ", IpRanges.PRIVATE_SPACE) + ")");
        }
        return problems;
    }
}
