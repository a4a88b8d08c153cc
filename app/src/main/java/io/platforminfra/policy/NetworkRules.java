package io.platforminfra.policy;

import io.platforminfra.azure.IpRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.platforminfra.azure.AzureResourceType.NETWORK_SECURITY_GROUP;
import static io.platforminfra.azure.AzureResourceType.SECURITY_RULE;
import static io.platforminfra.azure.AzureResourceType.SUBNET;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleSources.MCSB;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT_SOURCE;
import static io.platforminfra.policy.Scope.EVERY_STAGE;
import static io.platforminfra.policy.Severity.HIGH;
import static io.platforminfra.policy.Severity.MEDIUM;

/**
 * The rules of subnets and network security groups.
 */
final class NetworkRules {
    /** The rules, in the order reports and the documentation list them. */
    static final List<Rule> ALL = List.of(
            Rule.builder("PI-NET-001")
                    .checkov("CKV2_AZURE_31")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("Every subnet has a network security group")
                    .rationale("A subnet without an NSG has no place to add a deny rule during an incident.")
                    .source(MCSB + ", NS-1")
                    .remediation("Built in: Network attaches its NSG to every subnet.")
                    .check(each(SUBNET, r -> r.isSet("networkSecurityGroup.id"), "no network security group"))
                    .build(),
            Rule.builder("PI-NET-002")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("No security rule allows inbound traffic from the internet")
                    .rationale("Ingress goes through the cluster's load balancer and private endpoints, never straight to a subnet.")
                    .source(MCSB + ", NS-1; " + OPEN_LIMIT_SOURCE)
                    .remediation("Remove the rule, or limit its source to specific ranges"
                            + " (together at most " + OPEN_LIMIT + ").")
                    .check(resources -> {
                        var findings = new ArrayList<Finding>();
                        for (var nsg : resources.ofType(NETWORK_SECURITY_GROUP)) {
                            nsg.list("securityRules").forEach(rule -> {
                                if (rule instanceof Map<?, ?> m) {
                                    opensInbound(m).ifPresent(why -> findings.add(Finding.of(nsg, "rule " + m.get("name")
                                            + " allows inbound traffic from the internet: " + why)));
                                }
                            });
                        }
                        resources.ofType(SECURITY_RULE).forEach(r -> opensInbound(r.inputs()).ifPresent(why ->
                                findings.add(Finding.of(r, "allows inbound traffic from the internet: " + why))));
                        return findings;
                    })
                    .build());

    private NetworkRules() {
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
