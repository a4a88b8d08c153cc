package io.platforminfra.pipelines;

import io.platforminfra.config.EnvironmentType;

import java.util.ArrayList;
import java.util.List;

/**
 * The one naming scheme of everything the pipelines use outside this repository, per ring (an environment type:
 * every stage of one type shares its ring). It is a rule, not a table, so a ring needs no new names written
 * anywhere: {@code azure-pipelines.yml} and its templates build the names from the environment type they are given,
 * {@code scripts/bootstrap.sh} creates or prints them with the same rule, and {@code docs/pipelines.md} states it.
 * The tests hold all three to this class.
 *
 * <ul>
 *   <li>Azure DevOps environment and variable group: {@code platform-infra-<type>}.</li>
 *   <li>Agent pools (Managed DevOps Pools): {@code platform-infra-<type>-read} for pull requests, and
 *       {@code platform-infra-<type>-deploy} for runs of {@code main} (release, drift check, stage creation).</li>
 *   <li>User-assigned managed identities, one per pool and attached to it alone: {@code id-<pool>}.</li>
 *   <li>State container {@code state-<type>} and secrets key {@code pulumi-secrets-<type>}.</li>
 *   <li>One environment outside the rings: {@code platform-infra-teardown}, for the manual teardown.</li>
 * </ul>
 */
public final class NamingScheme {
    /** What a pool's identity may do: read for pull requests, deploy for {@code main}. */
    public enum Role {
        READ, DEPLOY;

        public String suffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private NamingScheme() {
    }

    /** The environment types, by the value a stack file gives them. */
    public static List<String> rings() {
        var rings = new ArrayList<String>();
        for (var type : EnvironmentType.values()) {
            rings.add(type.configValue());
        }
        return rings;
    }

    /** The Azure DevOps environment that release deployments of the ring target. */
    public static String environment(String ring) {
        return "platform-infra-" + ring;
    }

    /**
     * The Azure DevOps environment of the manual development teardown (pipelines/teardown.yml): not a ring's, since
     * its Approvals check names who may destroy a stage, which the development environment (no approval) does not.
     */
    public static String teardownEnvironment() {
        return "platform-infra-teardown";
    }

    /** The Azure DevOps variable group of the ring (identifiers only, nothing secret). */
    public static String variableGroup(String ring) {
        return "platform-infra-" + ring;
    }

    /** The agent pool of the ring for the role. */
    public static String pool(String ring, Role role) {
        return "platform-infra-" + ring + "-" + role.suffix();
    }

    /** The managed identity attached to that pool, and to no other. */
    public static String identity(String ring, Role role) {
        return "id-" + pool(ring, role);
    }

    /** The blob container holding the ring's Pulumi state. */
    public static String stateContainer(String ring) {
        return "state-" + ring;
    }

    /** The Key Vault key that encrypts the ring's stacks' secrets. */
    public static String secretsKey(String ring) {
        return "pulumi-secrets-" + ring;
    }

    /** Every name the scheme gives, for tests that check a file mentions or creates all of them. */
    public static List<String> allNames() {
        var names = new ArrayList<String>();
        for (var ring : rings()) {
            names.add(environment(ring));
            for (var role : Role.values()) {
                names.add(pool(ring, role));
                names.add(identity(ring, role));
            }
            names.add(stateContainer(ring));
            names.add(secretsKey(ring));
        }
        names.add(teardownEnvironment());
        return names;
    }
}
