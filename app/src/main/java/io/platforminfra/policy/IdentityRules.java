package io.platforminfra.policy;

import java.util.List;
import java.util.Set;

import static io.platforminfra.azure.AzureResourceType.FEDERATED_IDENTITY_CREDENTIAL;
import static io.platforminfra.azure.AzureResourceType.ROLE_ASSIGNMENT;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleSources.MCSB;
import static io.platforminfra.policy.Scope.EVERY_STAGE;
import static io.platforminfra.policy.Severity.HIGH;
import static io.platforminfra.policy.Severity.MEDIUM;

/**
 * The rules of identities and access: role assignments and federated credentials.
 */
final class IdentityRules {
    /** The rules, in the order reports and the documentation list them. */
    static final List<Rule> ALL = List.of(
            Rule.builder("PI-ID-001")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("The program grants no privileged role")
                    .rationale("Owner, Contributor and access administration roles let a principal change anything, including"
                            + " who else may; the program grants only data-plane and reader roles.")
                    .source(MCSB + ", PA-7")
                    .remediation("Grant a narrower built-in role through a component method.")
                    .check(each(ROLE_ASSIGNMENT, r -> r.text("roleDefinitionId").map(IdentityRules::privileged).filter(p -> !p).isPresent()
                            || r.input("roleDefinitionId").filter(PolicyResource.Value.UNKNOWN::equals).isPresent(),
                            "grants a privileged role"))
                    .build(),
            Rule.builder("PI-ID-002")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("Access is granted to groups and workload identities, never to people")
                    .rationale("Access given to a person outlives their role; groups are reviewed and emptied in one place.")
                    .source(MCSB + ", PA-1")
                    .remediation("Grant to an Entra ID group (platform-infra:access) or a managed identity.")
                    .check(each(ROLE_ASSIGNMENT, r -> r.text("principalType").filter(t -> t.equals("Group")
                            || t.equals("ServicePrincipal")).isPresent(), "granted to a user or an unnamed principal type"))
                    .build(),
            Rule.builder("PI-ID-003")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("Federated credentials trust only a Kubernetes service account")
                    .rationale("A federated credential with another subject lets an outside token act as the identity.")
                    .source(MCSB + ", IM-3")
                    .remediation("Built in: AksCluster federates system:serviceaccount:<namespace>:workload only.")
                    .check(each(FEDERATED_IDENTITY_CREDENTIAL, r -> r.text("subject").filter(s -> s.startsWith("system:serviceaccount:"))
                            .isPresent() && r.list("audiences").equals(List.of("api://AzureADTokenExchange")),
                            "trusts a subject or audience other than a service account"))
                    .build());

    private IdentityRules() {
    }

    /** Owner, Contributor, User Access Administrator, Role Based Access Control Administrator. */
    private static boolean privileged(String roleDefinitionId) {
        return Set.of("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
                        "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "f58310d9-a9f6-439a-9e8d-f62e7b41a168")
                .contains(roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1));
    }
}
