package io.platforminfra.policy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every policy rule of the gate, gathered from the classes of each area. {@code docs/policies.md} is generated from
 * this list, so the documentation cannot drift from what is enforced.
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

    /** Every rule, in the order reports and the documentation list them: area by area. */
    public static final List<Rule> ALL = Stream.of(AksRules.ALL, LifecycleRules.ALL, KeyVaultRules.ALL,
            StorageRules.ALL, PostgresRules.ALL, NetworkRules.ALL, IdentityRules.ALL, GovernanceRules.ALL)
            .flatMap(List::stream).toList();

    private Rules() {
    }

    /** The rule with ID {@code id}. */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
