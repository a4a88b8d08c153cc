package io.platforminfra.program;

import io.platforminfra.config.EnvironmentType;

import io.platforminfra.azure.Deployer;
import io.platforminfra.pipelines.NamingScheme;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline identities get exactly the roles of the design (issue 11 contract point 5, docs/bootstrap.md "Role
 * assignments"), each on its own ring only: read identities read (Reader, AKS Cluster User, AKS RBAC Reader, Storage
 * Blob Data Reader on the ring's container, Key Vault Crypto User on the ring's key) and never write state; deploy
 * identities deploy; only production's deploy identity writes locks. Checked on what the script plans,
 * {@code --print-roles}, which is what it assigns.
 */
class BootstrapRolesTest {
    // Built-in role definition IDs (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
    private static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    private static final String AKS_CLUSTER_USER = "4abbcc35-e782-43d8-92c5-2d3f1bd2253f";
    private static final String AKS_RBAC_READER = "7f6c6a51-bcf8-42ba-9220-52d62157d7db";
    private static final String BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private static final String BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private static final String KV_CRYPTO_USER = "12338af0-0e69-4776-bea7-57ae8d297424";
    private static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    private static final String RBAC_ADMINISTRATOR = "f58310d9-a9f6-439a-9e8d-f62e7b41a168";
    private static final Map<String, String> NAMES = Map.of(READER, "Reader", AKS_CLUSTER_USER,
            "AKS Cluster User", AKS_RBAC_READER, "AKS RBAC Reader", BLOB_DATA_READER, "Storage Blob Data Reader",
            BLOB_DATA_CONTRIBUTOR, "Storage Blob Data Contributor", KV_CRYPTO_USER, "Key Vault Crypto User",
            CONTRIBUTOR, "Contributor", RBAC_ADMINISTRATOR, "Role Based Access Control Administrator");

    /** The design's "scope role" pairs of one identity. */
    static Set<String> designed(String ring, NamingScheme.Role role) {
        var subscription = "subscription:" + ring;
        var container = "container:" + NamingScheme.stateContainer(ring);
        var key = "key:" + NamingScheme.secretsKey(ring);
        var roles = new TreeSet<String>();
        if (role == NamingScheme.Role.READ) {
            roles.addAll(List.of(subscription + " " + READER, subscription + " " + AKS_CLUSTER_USER,
                    subscription + " " + AKS_RBAC_READER, container + " " + BLOB_DATA_READER,
                    key + " " + KV_CRYPTO_USER));
        } else {
            roles.addAll(List.of(subscription + " " + CONTRIBUTOR, subscription + " " + RBAC_ADMINISTRATOR,
                    subscription + " " + Deployer.POLICY_ASSIGNMENT_OPERATOR.name(),
                    container + " " + BLOB_DATA_CONTRIBUTOR, key + " " + KV_CRYPTO_USER));
            if (ring.equals(EnvironmentType.PRODUCTION.configValue())) {
                roles.add(subscription + " " + Deployer.LOCK_OPERATOR.name());
            }
        }
        return roles;
    }

    /** Where what the script plans differs from the design, one message per role too many or missing. */
    static List<String> problems(BootstrapScript script) {
        var run = script.run("--print-roles");
        if (run.exitCode() != 0) {
            return List.of(BootstrapScript.PATH + " --print-roles failed (exit " + run.exitCode() + "): "
                    + run.output());
        }
        var planned = new LinkedHashMap<String, Set<String>>();
        for (var row : run.rows(3)) {
            planned.computeIfAbsent(row.get(0), identity -> new TreeSet<>()).add(row.get(1) + " " + row.get(2));
        }
        var problems = new ArrayList<String>();
        for (var ring : NamingScheme.rings()) {
            for (var role : NamingScheme.Role.values()) {
                var identity = NamingScheme.identity(ring, role);
                var wanted = designed(ring, role);
                var got = planned.getOrDefault(identity, Set.of());
                got.stream().filter(entry -> !wanted.contains(entry)).forEach(entry -> problems.add(
                        BootstrapScript.PATH + " gives " + identity + " " + named(entry) + ", which the design"
                                + " (docs/bootstrap.md#role-assignments) does not: change planned_roles."));
                wanted.stream().filter(entry -> !got.contains(entry)).forEach(entry -> problems.add(
                        BootstrapScript.PATH + " does not give " + identity + " " + named(entry) + ", which the"
                                + " design (docs/bootstrap.md#role-assignments) does: change planned_roles."));
            }
        }
        planned.keySet().stream().filter(identity -> !NamingScheme.allNames().contains(identity)).forEach(
                identity -> problems.add(BootstrapScript.PATH + " plans roles for " + identity
                        + ", which is no identity of the naming scheme."));
        return problems;
    }

    private static String named(String entry) {
        var scope = entry.substring(0, entry.indexOf(' '));
        var role = entry.substring(entry.indexOf(' ') + 1);
        return NAMES.getOrDefault(role, role) + " on " + scope;
    }

    @Test
    void everyPipelineIdentityGetsExactlyTheDesignedRolesOnItsOwnRing() {
        assertThat(problems(BootstrapScript.inProject())).isEmpty();
    }

    @Test
    void aReadIdentityThatCouldWriteStateIsReported() {
        var broken = broken("container \"$ROLE_BLOB_DATA_READER\"", "container \"$ROLE_BLOB_DATA_CONTRIBUTOR\"");
        assertThat(problems(broken)).hasSize(4)
                .anySatisfy(problem -> assertThat(problem).contains("id-platform-infra-production-read",
                        "gives", "Storage Blob Data Contributor on container:state-production"))
                .anySatisfy(problem -> assertThat(problem).contains("id-platform-infra-development-read",
                        "does not give", "Storage Blob Data Reader"));
    }

    @Test
    void aReadIdentityWithContributorIsReported() {
        var broken = broken("subscription \"$ROLE_READER\"", "subscription \"$ROLE_CONTRIBUTOR\"");
        assertThat(problems(broken)).anySatisfy(problem -> assertThat(problem)
                .contains("id-platform-infra-development-read", "gives", "Contributor on subscription:development"));
    }

    private static BootstrapScript broken(String from, String to) {
        var text = BootstrapScript.inProject().text();
        assertThat(text).as("the deliberate break applies to " + BootstrapScript.PATH).contains(from);
        return new BootstrapScript(text.replace(from, to));
    }
}
