package io.platforminfra.policy;

import io.platforminfra.azure.BuiltInPolicies;
import io.platforminfra.azure.IpRanges;
import io.platforminfra.azure.VersionSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every policy rule of the gate: what each says, from {@code rules.yaml} beside this class, joined with its check
 * from the class of its area. {@code docs/policies.md} is generated from this list, so the documentation cannot
 * drift from what is enforced.
 *
 * <p>Sources: the Microsoft cloud security benchmark (MCSB) and the Azure security baselines per service, the
 * Checkov rules for Azure (named where they exist), and the platform's own incidents (see the talk in the shared
 * background).
 */
public final class Rules {
    /**
     * The rule that production stateful resources are locked. An active waiver of it for one resource also lifts
     * that resource's lock in the program: the reviewed way to delete something Azure keeps under the lock.
     */
    public static final String LOCK_RULE = "PI-GOV-002";

    /** Every rule, in the order reports and the documentation list them: area by area, as the file writes them. */
    public static final List<Rule> ALL = RuleFile.read(file(), checks(), codeValues());

    private Rules() {
    }

    /** The rule with ID {@code id}. */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** The check of every rule, by ID, from the class of each area. */
    static Map<String, Rule.Check> checks() {
        return Stream.of(AksChecks.BY_ID, LifecycleChecks.BY_ID, KeyVaultChecks.BY_ID, StorageChecks.BY_ID,
                        PostgresChecks.BY_ID, NetworkChecks.BY_ID, IdentityChecks.BY_ID, GovernanceChecks.BY_ID)
                .flatMap(checks -> checks.entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The values of the code that the rules' texts name, so that a text says what the checks enforce: the most public
     * addresses a list may cover before the gate calls it open to the internet (one /8, our judgement, argued at
     * {@link IpRanges#MOST_PUBLIC_ADDRESSES}), the days of warning before a version's support ends, and the pod
     * security initiative AKS clusters are assigned.
     */
    static Map<String, String> codeValues() {
        return Map.of("openLimit", String.format(Locale.ROOT, "%,d public addresses (a /8)",
                        IpRanges.MOST_PUBLIC_ADDRESSES),
                "warningDays", String.valueOf(VersionSupport.WARNING_DAYS),
                "podSecurityBaseline", BuiltInPolicies.POD_SECURITY_BASELINE);
    }

    private static String file() {
        try (var in = Rules.class.getResourceAsStream(RuleFile.NAME)) {
            if (in == null) {
                throw new IllegalStateException(RuleFile.NAME + " is missing beside " + Rules.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
