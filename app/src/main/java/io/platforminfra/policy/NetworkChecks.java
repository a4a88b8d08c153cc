package io.platforminfra.policy;

import io.platforminfra.azure.IpRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.platforminfra.azure.AzureResourceType.NETWORK_SECURITY_GROUP;
import static io.platforminfra.azure.AzureResourceType.SECURITY_RULE;
import static io.platforminfra.azure.AzureResourceType.SUBNET;
import static io.platforminfra.policy.RuleChecks.allOf;
import static io.platforminfra.policy.RuleChecks.closed;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.problems;
import static java.util.Map.entry;

/**
 * How the rules of subnets and network security groups judge a stage, by rule ID; what each rule says is in
 * {@code rules.yaml}.
 */
final class NetworkChecks {
    private static final String INBOUND = "allows inbound traffic from the internet";

    /** The check of each network rule: a security rule may stand inside its group or as a resource of its own. */
    static final Map<String, Rule.Check> BY_ID = Map.ofEntries(
            entry("PI-NET-001", each(SUBNET, r -> r.isSet("networkSecurityGroup.id"), "no network security group")),
            entry("PI-NET-002", allOf(
                    problems(NETWORK_SECURITY_GROUP, group -> group.list("securityRules").stream().flatMap(rule ->
                            rule instanceof Map<?, ?> m ? opensInbound(m).map(why -> "rule " + m.get("name") + " "
                                    + INBOUND + ": " + why).stream() : Stream.empty())),
                    closed(SECURITY_RULE, r -> opensInbound(r.inputs()), INBOUND))));

    private NetworkChecks() {
    }

    /**
     * Why an inbound allow rule admits the internet, judged on the union of its sources: {@code sourceAddressPrefix}
     * and every entry of {@code sourceAddressPrefixes} (a rule may use either, or both); empty when it does not.
     */
    private static Optional<String> opensInbound(Map<?, ?> rule) {
        Function<String, String> field = key -> String.valueOf(rule.get(key));
        if (!"Inbound".equalsIgnoreCase(field.apply("direction")) || !"Allow".equalsIgnoreCase(field.apply("access"))) {
            return Optional.empty();
        }
        var sources = new ArrayList<Object>();
        if (rule.get("sourceAddressPrefix") != null) {
            sources.add(rule.get("sourceAddressPrefix"));
        }
        if (rule.get("sourceAddressPrefixes") instanceof List<?> prefixes) {
            sources.addAll(prefixes);
        }
        // No source at all is how an incomplete rule reads; Azure requires one, so there is nothing to judge.
        return sources.isEmpty() ? Optional.empty() : IpRanges.sourcesOpenToTheInternet(sources);
    }
}
