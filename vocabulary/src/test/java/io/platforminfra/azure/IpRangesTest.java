package io.platforminfra.azure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reading of IPv4 ranges: what a stack file may write, and what a list of ranges opens. Both are checked against
 * independent oracles written with plain integer arithmetic, over thousands of seeded random inputs.
 */
class IpRangesTest {
    private static final long SEED = 20261202L;

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "203.0.113.0/24", "0.0.0.0/0", "255.255.255.255", "1.2.3.4/32",
            "10.0.0.0/8", "198.51.100.16/28"})
    void anIpv4AddressOrACidrRangeFromItsFirstAddressIsAccepted(String value) {
        assertThat(IpRanges.problem(value)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"|it is blank",
            "\" \"|it is blank",
            "*.*.*.*|no wildcards",
            "*|no wildcards",
            "0.0.0.0/0.0.0.0|not a mask",
            "10.0.0.0/255.0.0.0|not a mask",
            "1.2.3.4/0|host bits set after the /0, so it is the range 0.0.0.0/0",
            "203.0.113.7/24|host bits set after the /24, so it is the range 203.0.113.0/24",
            "::/0|IPv4",
            "2001:db8::/32|IPv4",
            "\" 203.0.113.7\"|without spaces",
            "203.0.113.1-203.0.113.9|no wildcards or dashed ranges",
            "10.1|such as 203.0.113.0/24",
            "010.1.2.3|such as 203.0.113.0/24",
            "0x0a.1.2.3|such as 203.0.113.0/24",
            "1.2.3.4/33|such as 203.0.113.0/24",
            "1.2.3.4/024|such as 203.0.113.0/24",
            "256.1.2.3|such as 203.0.113.0/24",
            "everyone|such as 203.0.113.0/24",
            "Internet|such as 203.0.113.0/24"})
    void anythingElseIsRefusedSayingWhatIsAcceptedAndWhy(String value, String why) {
        assertThat(IpRanges.problem(value)).get().asString()
                .startsWith(IpRanges.ACCEPTED)
                .contains(why);
    }

    @Test
    void aGeneratedValueIsAcceptedExactlyWhenItIsACanonicalIpv4AddressOrPrefixBlock() {
        var random = new Random(SEED);
        var accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            var value = randomRange(random);
            var expected = Oracle.isCanonicalRange(value);
            assertThat(IpRanges.problem(value).isEmpty()).as("[%s]", value).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("the generator also produces valid ranges").isGreaterThan(1_000);
    }

    @Test
    void theUnionOfAListIsJudgedNotItsSpelling() {
        assertThat(IpRanges.openToTheInternet(List.of("0.0.0.0/1", "128.0.0.0/1"))).get().asString()
                .contains("together admit", "more than the 16777216 of a /8");
        assertThat(IpRanges.openToTheInternet(List.of("0.0.0.0/0"))).isPresent();
        assertThat(IpRanges.openToTheInternet(List.of("16.0.0.0/7"))).as("shorter than /8").isPresent();
        assertThat(IpRanges.openToTheInternet(List.of("17.0.0.0/8"))).as("one /8: the limit").isEmpty();
        var sixteens = new ArrayList<Object>();
        for (int i = 0; i <= 256; i++) {
            sixteens.add((17 + i / 256) + "." + (i % 256) + ".0.0/16");
        }
        assertThat(IpRanges.openToTheInternet(sixteens)).as("257 /16s add up to more than a /8").isPresent();
        assertThat(IpRanges.openToTheInternet(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")))
                .as("private space is not the internet").isEmpty();
        assertThat(IpRanges.openToTheInternet(List.of("203.0.113.0/24", "198.51.100.16/28"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "Internet", "any", "0.0.0.0", "1.2.3.4/0", "*.*.*.*", "", "0.0.0.0/0.0.0.0", "::/0"})
    void anEntryThatMeansEveryAddressOrCannotBeReadIsOpen(String entry) {
        assertThat(IpRanges.openToTheInternet(List.of("203.0.113.0/24", entry))).as("[%s]", entry).isPresent();
    }

    @Test
    void anEntryThatIsNotTextCannotBeJudgedAndIsOpen() {
        assertThat(IpRanges.openToTheInternet(java.util.Arrays.asList("203.0.113.0/24", null))).isPresent();
        assertThat(IpRanges.openToTheInternet(List.of(Map.of("value", "203.0.113.0/24")))).isPresent();
    }

    @Test
    void securityRuleSourcesMayNameTheVirtualNetworkAndTheLoadBalancer() {
        assertThat(IpRanges.sourcesOpenToTheInternet(List.of("VirtualNetwork", "AzureLoadBalancer"))).isEmpty();
        assertThat(IpRanges.openToTheInternet(List.of("VirtualNetwork"))).as("not a range of a firewall").isPresent();
        assertThat(IpRanges.sourcesOpenToTheInternet(List.of("VirtualNetwork", "Internet"))).isPresent();
        assertThat(IpRanges.sourcesOpenToTheInternet(List.of("AzureCloud"))).as("cannot be judged").isPresent();
    }

    @Test
    void aGeneratedListIsOpenExactlyWhenItsPublicUnionExceedsOneSlashEight() {
        var random = new Random(SEED);
        int open = 0;
        for (int i = 0; i < 3_000; i++) {
            var ranges = new ArrayList<String>();
            int size = 1 + random.nextInt(6);
            for (int j = 0; j < size; j++) {
                int prefix = 5 + random.nextInt(28);
                long address = random.nextLong() & 0xFFFFFFFFL;
                ranges.add(Oracle.text(address & Oracle.mask(prefix)) + "/" + prefix);
            }
            var expected = Oracle.publicAddresses(ranges) > (1L << 24);
            assertThat(IpRanges.openToTheInternet(ranges).isPresent()).as("%s", ranges).isEqualTo(expected);
            open += expected ? 1 : 0;
        }
        assertThat(open).as("both outcomes are generated").isBetween(300, 2_700);
    }

    @Test
    void aFirewallRuleIsJudgedOnTheAddressesBetweenItsEnds() {
        assertThat(IpRanges.firewallRuleOpenToTheInternet("0.0.0.0", "255.255.255.255")).isPresent();
        assertThat(IpRanges.firewallRuleOpenToTheInternet("0.0.0.1", "255.255.255.254")).as("spelled otherwise")
                .isPresent();
        assertThat(IpRanges.firewallRuleOpenToTheInternet("0.0.0.0", "0.0.0.0")).get().asString()
                .contains("every Azure service");
        assertThat(IpRanges.firewallRuleOpenToTheInternet("203.0.113.1", "203.0.113.9")).isEmpty();
        assertThat(IpRanges.firewallRuleOpenToTheInternet("10.0.0.0", "10.255.255.255")).isEmpty();
        assertThat(IpRanges.firewallRuleOpenToTheInternet("16.0.0.0", "17.255.255.255")).isPresent();
        assertThat(IpRanges.firewallRuleOpenToTheInternet("any", "203.0.113.9")).isPresent();
        assertThat(IpRanges.firewallRuleOpenToTheInternet("203.0.113.0/24", "203.0.113.9")).isPresent();
    }

    /** A mutation of an IPv4 range: the shapes users write, and the ways they go wrong. */
    private static String randomRange(Random random) {
        var parts = new StringBuilder();
        int octets = random.nextInt(10) == 0 ? 1 + random.nextInt(5) : 4;
        for (int i = 0; i < octets; i++) {
            if (i > 0) {
                parts.append(random.nextInt(40) == 0 ? ":" : ".");
            }
            parts.append(switch (random.nextInt(12)) {
                case 0 -> "0" + random.nextInt(10);
                case 1 -> String.valueOf(256 + random.nextInt(800));
                case 2 -> "*";
                case 3 -> "0x" + Integer.toHexString(random.nextInt(256));
                default -> String.valueOf(random.nextInt(256));
            });
        }
        switch (random.nextInt(6)) {
            case 0, 1 -> { }
            case 2 -> parts.append("/").append(random.nextInt(36));
            case 3 -> parts.append("/").append(random.nextInt(4) == 0 ? "0" : "").append(random.nextInt(33));
            case 4 -> parts.append("/").append(random.nextInt(256)).append(".0.0.0");
            default -> {
                // a prefix that fits the address: the valid ranges
                var address = Oracle.parseQuad(parts.toString());
                int prefix = random.nextInt(33);
                if (address >= 0) {
                    return Oracle.text(address & Oracle.mask(prefix)) + "/" + prefix;
                }
                parts.append("/").append(prefix);
            }
        }
        return switch (random.nextInt(25)) {
            case 0 -> " " + parts;
            case 1 -> parts + "\n";
            case 2 -> "";
            default -> parts.toString();
        };
    }

    /** An independent reading of IPv4 text with integer arithmetic. */
    private static final class Oracle {
        private static final Pattern QUAD = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
        private static final long[][] PRIVATE = {{0x0A000000L, 0x0AFFFFFFL}, {0xAC100000L, 0xAC1FFFFFL},
                {0xC0A80000L, 0xC0A8FFFFL}};

        static long parseQuad(String text) {
            if (!QUAD.matcher(text).matches()) {
                return -1;
            }
            long address = 0;
            for (var part : text.split("\\.")) {
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    return -1;
                }
                address = address << 8 | octet;
            }
            return address;
        }

        static long mask(int prefix) {
            return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        }

        static String text(long address) {
            return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
        }

        static boolean isCanonicalRange(String value) {
            var slash = value.indexOf('/');
            var address = parseQuad(slash < 0 ? value : value.substring(0, slash));
            if (address < 0) {
                return false;
            }
            if (slash < 0) {
                return true;
            }
            var prefixText = value.substring(slash + 1);
            if (!prefixText.matches("0|[1-9]\\d?") || Integer.parseInt(prefixText) > 32) {
                return false;
            }
            return (address & ~mask(Integer.parseInt(prefixText)) & 0xFFFFFFFFL) == 0;
        }

        /** Addresses of the union of the ranges outside RFC 1918, by merging intervals. */
        static long publicAddresses(List<String> ranges) {
            var intervals = new ArrayList<long[]>();
            for (var range : ranges) {
                var slash = range.indexOf('/');
                long start = parseQuad(range.substring(0, slash));
                int prefix = Integer.parseInt(range.substring(slash + 1));
                intervals.add(new long[]{start, start + (1L << (32 - prefix)) - 1});
            }
            intervals.sort(Comparator.comparingLong(a -> a[0]));
            var merged = new ArrayList<long[]>();
            for (var interval : intervals) {
                if (!merged.isEmpty() && interval[0] <= merged.get(merged.size() - 1)[1] + 1) {
                    var last = merged.get(merged.size() - 1);
                    last[1] = Math.max(last[1], interval[1]);
                } else {
                    merged.add(interval.clone());
                }
            }
            long count = 0;
            for (var interval : merged) {
                count += interval[1] - interval[0] + 1;
                for (var excluded : PRIVATE) {
                    long from = Math.max(interval[0], excluded[0]);
                    long to = Math.min(interval[1], excluded[1]);
                    if (from <= to) {
                        count -= to - from + 1;
                    }
                }
            }
            return count;
        }
    }
}
