package io.platforminfra.policy;

import io.platforminfra.azure.IpRanges;

import java.util.Locale;

/** Where the requirements of rules in several areas come from, as the rules' sources name them. */
final class RuleSources {
    static final String MCSB = "Microsoft cloud security benchmark";
    static final String RELIABILITY = "Azure Well-Architected Framework, reliability pillar";

    /**
     * The most public addresses a rule list may cover before the gate calls it open to the internet (one /8, our
     * judgement, argued at {@link IpRanges#MOST_PUBLIC_ADDRESSES}).
     */
    static final String OPEN_LIMIT = String.format(Locale.ROOT, "%,d public addresses (a /8)",
            IpRanges.MOST_PUBLIC_ADDRESSES);
    static final String OPEN_LIMIT_SOURCE = "platform judgement: a /8 is the largest block held by one"
            + " organisation (IANA IPv4 Address Space Registry)";

    private RuleSources() {
    }
}
