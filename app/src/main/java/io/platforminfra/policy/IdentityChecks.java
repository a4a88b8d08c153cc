package io.platforminfra.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.platforminfra.azure.AzureResourceType.FEDERATED_IDENTITY_CREDENTIAL;
import static io.platforminfra.azure.AzureResourceType.ROLE_ASSIGNMENT;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.textIs;
import static java.util.Map.entry;

/**
 * How the rules of identities and access (role assignments and federated credentials) judge a stage, by rule ID;
 * what each rule says is in {@code rules.yaml}.
 */
final class IdentityChecks {
    /** The check of each identity rule. */
    static final Map<String, Rule.Check> BY_ID = Map.ofEntries(
            entry("PI-ID-001", each(ROLE_ASSIGNMENT, r -> r.text("roleDefinitionId").map(IdentityChecks::privileged)
                            .filter(p -> !p).isPresent()
                            || r.input("roleDefinitionId").filter(PolicyResource.Value.UNKNOWN::equals).isPresent(),
                    "grants a privileged role")),
            entry("PI-ID-002", textIs(ROLE_ASSIGNMENT, "principalType", Set.of("Group", "ServicePrincipal")::contains,
                    "granted to a user or an unnamed principal type")),
            entry("PI-ID-003", each(FEDERATED_IDENTITY_CREDENTIAL, r -> r.text("subject")
                            .filter(s -> s.startsWith("system:serviceaccount:")).isPresent()
                            && r.list("audiences").equals(List.of("api://AzureADTokenExchange")),
                    "trusts a subject or audience other than a service account")));

    private IdentityChecks() {
    }

    /** Owner, Contributor, User Access Administrator, Role Based Access Control Administrator. */
    private static boolean privileged(String roleDefinitionId) {
        return Set.of("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
                        "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "f58310d9-a9f6-439a-9e8d-f62e7b41a168")
                .contains(roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1));
    }
}
