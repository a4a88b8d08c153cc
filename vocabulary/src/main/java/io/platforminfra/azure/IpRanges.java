package io.platforminfra.azure;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * IPv4 addresses and ranges as Azure's network rules take them, read in one place: what a stack file may write
 * (the stack file's ranges are checked with it) and what a list of ranges opens (the policy gate judges with it).
 *
 * <p>Why here, in {@code io.platforminfra.azure}: what an IP rule accepts and what it opens are facts about Azure's
 * network rules, like the tag limits and regions beside it, and both the component library and the policy gate may
 * depend on this package (the gate may not depend on the components).
 *
 * <p>Parsing is strict on purpose. The IP library accepts far more than Azure's rules do ({@code ""} as loopback,
 * {@code *.*.*.*}, masks such as {@code 0.0.0.0/0.0.0.0}, {@code inet_aton} forms such as {@code 10.1}, octal with
 * leading zeros), and a range with host bits set such as {@code 1.2.3.4/0} reads to a person as one address while it
 * covers the whole internet. Key Vault: "An IPv4 address range in CIDR notation, such as '124.56.78.91' (simple IP
 * address) or '124.56.78.0/24'" (Microsoft.KeyVault IPRule.value); storage: "the IP or IP range in CIDR format. Only
 * IPV4 address is allowed" (Microsoft.Storage IPRule.value); AKS: "IP ranges are specified in CIDR format"
 * (ManagedClusterAPIServerAccessProfile.authorizedIPRanges).
 */
public final class IpRanges {
    /** RFC 1918 private address space. */
    public static final List<String> PRIVATE_SPACE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    /** What a range must be, phrased to complete "must ...". */
    public static final String ACCEPTED = "be an IPv4 address such as 203.0.113.7 or a CIDR range written from its"
            + " first address such as 203.0.113.0/24";

    /**
     * The most public addresses a list of ranges may cover and still name someone's egress: 2^24, one /8. Our
     * judgement, not a rule of Azure's: a /8 is the largest block ever allocated to a single organisation (the legacy
     * allocations in the IANA IPv4 Address Space Registry, https://www.iana.org/assignments/ipv4-address-space, such as
     * 17.0.0.0/8), and the egress of an office or a pipeline agent pool is a handful of addresses. A list that
     * covers more (0.0.0.0/0, 0.0.0.0/1 with 128.0.0.0/1, any prefix shorter than /8, or many smaller ranges that add
     * up) admits a large part of the internet and is judged open to it. Private (RFC 1918) addresses do not count:
     * they are not on the internet.
     */
    public static final BigInteger MOST_PUBLIC_ADDRESSES = BigInteger.TWO.pow(24);

    /** Words that mean "every address" in Azure's rules (NSG service tags and wildcards). */
    private static final Set<String> EVERY_ADDRESS = Set.of("*", "internet", "any");

    /**
     * Service tags of network security rules that name no internet address: the virtual network and Azure's load
     * balancer probe (the sources of an NSG's own default rules, virtual-network/network-security-groups-overview.md).
     */
    private static final Set<String> INSIDE_AZURE_TAGS = Set.of("virtualnetwork", "azureloadbalancer");

    /** IPv4 dotted quads with an optional prefix length, and nothing else the IP library would also take. */
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false).allowPrefixOnly(false)
            .allowIPv6(false).allow_inet_aton(false).allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder()
            .allowLeadingZeros(false).allowPrefixesBeyondAddressSize(false)
            .allowBinary(false)
            .getParentBuilder()
            .toParams();

    /**
     * The shape the library then checks: four decimal parts and an optional prefix length without a leading zero,
     * nothing around them. (The library's own switch against leading zeros in the prefix also refuses {@code /0}.)
     */
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}(/(0|[1-9]\\d?))?");

    private static final List<IPAddress> PRIVATE_BLOCKS = PRIVATE_SPACE.stream().map(IpRanges::parse).toList();

    private IpRanges() {
    }

    /**
     * The address or range, strictly IPv4 dotted-quad notation with an optional prefix length; empty for anything
     * else. Host bits after the prefix are kept ({@code 1.2.3.4/24} parses): {@link #problem} refuses them.
     */
    public static Optional<IPAddress> read(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return Optional.empty();
        }
        var address = new IPAddressString(value, STRICT).getAddress();
        return address != null && address.isIPv4() ? Optional.of(address) : Optional.empty();
    }

    /** The address or range (as {@link #read}), or {@code null}: for callers that checked it with {@link #problem}. */
    public static IPAddress parse(String value) {
        return read(value).orElse(null);
    }

    /**
     * What is wrong with {@code value} as an IPv4 address or CIDR range, phrased to complete "must ..." (the
     * {@link #ACCEPTED} forms, and why this one is not one of them); empty when it is one.
     */
    public static Optional<String> problem(String value) {
        var address = read(value);
        if (address.isPresent()) {
            var range = address.get();
            if (range.getNetworkPrefixLength() != null && !range.isSinglePrefixBlock()) {
                var block = range.toPrefixBlock();
                return Optional.of(ACCEPTED + ": " + value + " has host bits set after the /"
                        + range.getNetworkPrefixLength() + ", so it is the range " + block.toPrefixLengthString() + " ("
                        + block.getCount() + " addresses); write that, or the address without a prefix");
            }
            return Optional.empty();
        }
        return Optional.of(ACCEPTED + why(value));
    }

    /** Whether {@code value} is an IPv4 address or CIDR range written from its first address. */
    public static boolean isIpv4AddressOrRange(String value) {
        return problem(value).isEmpty();
    }

    private static String why(String value) {
        if (value == null || value.isBlank()) {
            return " (it is blank)";
        }
        if (!value.equals(value.strip())) {
            return " (without spaces)";
        }
        var slash = value.indexOf('/');
        if (slash >= 0 && value.indexOf('.', slash) >= 0) {
            return " (a prefix length such as /16, not a mask such as 255.255.0.0)";
        }
        if (value.contains("*") || (slash < 0 && value.contains("-"))) {
            return " (no wildcards or dashed ranges: list each range)";
        }
        if (value.contains(":")) {
            return " (IPv4: these rules take no IPv6)";
        }
        return "";
    }

    /**
     * Whether {@code cidr} is an IPv4 range written from its network address, with a prefix length in
     * {@code [shortestPrefix, longestPrefix]}, inside {@link #PRIVATE_SPACE}.
     */
    public static boolean isPrivateRange(String cidr, int shortestPrefix, int longestPrefix) {
        var address = parse(cidr);
        if (address == null || address.getNetworkPrefixLength() == null) {
            return false;
        }
        int prefix = address.getNetworkPrefixLength();
        return prefix >= shortestPrefix && prefix <= longestPrefix && address.isSinglePrefixBlock() && isPrivate(address);
    }

    /** Whether the range lies inside {@link #PRIVATE_SPACE}. */
    public static boolean isPrivate(IPAddress range) {
        return PRIVATE_BLOCKS.stream().anyMatch(r -> r.contains(range.toPrefixBlock()));
    }

    /** Whether two CIDR ranges share any address. Two prefix blocks overlap exactly when one contains the other. */
    public static boolean overlap(String a, String b) {
        var first = parse(a).toPrefixBlock();
        var second = parse(b).toPrefixBlock();
        return first.contains(second) || second.contains(first);
    }

    /**
     * Why the ranges of one rule list together open a service to the internet, or empty when they do not: judged on
     * what the list covers, never on how an entry is spelled. A list is open when an entry means every address
     * ({@code *}, {@code Internet}, {@code Any}, the unspecified address {@code 0.0.0.0} that many tools read as
     * "any"), when an entry cannot be read as an IPv4 address or range (what it opens cannot be judged, so it counts
     * as open), or when the union of the ranges covers more than {@link #MOST_PUBLIC_ADDRESSES} public addresses.
     * A range with host bits set counts as the whole block it names.
     *
     * @param entries rule entries as registered (text; anything else cannot be judged)
     */
    public static Optional<String> openToTheInternet(Collection<?> entries) {
        return judge(entries, Set.of());
    }

    /**
     * As {@link #openToTheInternet}, for the sources of a network security rule: they may also be service tags,
     * of which {@code VirtualNetwork} and {@code AzureLoadBalancer} name no internet address.
     */
    public static Optional<String> sourcesOpenToTheInternet(Collection<?> entries) {
        return judge(entries, INSIDE_AZURE_TAGS);
    }

    /**
     * As {@link #openToTheInternet}, for a firewall rule from {@code start} to {@code end}. A rule from 0.0.0.0 to
     * 0.0.0.0 admits every Azure service "including connections from the subscriptions of other customers" (Azure
     * Database for PostgreSQL flexible server, how-to-networking, "Allow public access from any Azure service"), so
     * it is open too.
     */
    public static Optional<String> firewallRuleOpenToTheInternet(Object start, Object end) {
        var first = start instanceof String s ? read(s).filter(a -> a.getNetworkPrefixLength() == null) : Optional.<IPAddress>empty();
        var last = end instanceof String e ? read(e).filter(a -> a.getNetworkPrefixLength() == null) : Optional.<IPAddress>empty();
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.of("the rule from " + start + " to " + end + " is not a range of two IPv4 addresses, so"
                    + " what it opens cannot be judged");
        }
        if (first.get().isZero() && last.get().isZero()) {
            return Optional.of("the rule from 0.0.0.0 to 0.0.0.0 admits every Azure service, including other"
                    + " customers' subscriptions");
        }
        IPAddressSeqRange range = first.get().spanWithRange(last.get());
        return tooMany(List.of(range.spanWithPrefixBlocks()), "the rule from " + start + " to " + end + " admits");
    }

    private static Optional<String> judge(Collection<?> entries, Set<String> harmlessWords) {
        var blocks = new ArrayList<IPAddress>();
        for (var entry : entries) {
            if (!(entry instanceof String text)) {
                return Optional.of("the entry " + entry + " is not an IPv4 address or range, so what it opens cannot"
                        + " be judged");
            }
            var word = text.strip().toLowerCase(Locale.ROOT);
            if (EVERY_ADDRESS.contains(word)) {
                return Optional.of("'" + text + "' means every address");
            }
            if (harmlessWords.contains(word)) {
                continue;
            }
            var address = read(text.strip());
            if (address.isEmpty()) {
                return Optional.of("'" + text + "' is not an IPv4 address or CIDR range, so what it opens cannot be"
                        + " judged");
            }
            if (address.get().isZero() && address.get().getNetworkPrefixLength() == null) {
                return Optional.of("'" + text + "' (the unspecified address) is read as every address by many tools");
            }
            blocks.add(address.get().toPrefixBlock());
        }
        return tooMany(blocks, (entries.size() == 1 ? "the range " : "the ranges ")
                + entries.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (entries.size() == 1 ? " admits" : " together admit"));
    }

    /**
     * Why the union of {@code blocks}, private space left out, covers more than the limit; empty when it does not.
     *
     * @param subject what the blocks are, with its verb ("the ranges ... together admit")
     */
    private static Optional<String> tooMany(List<IPAddress> blocks, String subject) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        var merged = blocks.get(0).mergeToPrefixBlocks(blocks.toArray(IPAddress[]::new));
        var count = BigInteger.ZERO;
        for (var block : merged) {
            var rest = List.of(block);
            for (var privateBlock : PRIVATE_BLOCKS) {
                rest = rest.stream().flatMap(b -> {
                    var left = b.subtract(privateBlock);
                    return left == null ? Stream.<IPAddress>empty() : Arrays.stream(left);
                }).toList();
            }
            for (var left : rest) {
                count = count.add(left.getCount());
            }
        }
        if (count.compareTo(MOST_PUBLIC_ADDRESSES) <= 0) {
            return Optional.empty();
        }
        return Optional.of(subject + " " + count + " public addresses, more than the " + MOST_PUBLIC_ADDRESSES
                + " of a /8, the largest block one organisation holds");
    }
}
