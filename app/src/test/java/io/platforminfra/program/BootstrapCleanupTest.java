package io.platforminfra.program;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person running {@code scripts/bootstrap.sh} holds Key Vault Crypto Officer on the state vault only while the
 * secrets keys are created: on any exit after the grant, also a failure, the script removes it, and then restores
 * the resource group's read-only lock (in that order: the lock would refuse the removal). Runs the script's own exit
 * functions with a stand-in {@code az} that records its calls.
 */
class BootstrapCleanupTest {
    private static final String VAULT =
            "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-plat-state/providers/"
                    + "Microsoft.KeyVault/vaults/kv-plat-state-000000";

    /** The exit functions, a stand-in az, the state after the grant, then a failing step. */
    private static BootstrapScript.Run failAfterGrant(boolean granted) throws Exception {
        var script = BootstrapScript.inProject();
        var functions = Stream.of("note", "warn", "subscription_of_scope", "assignments", "remove_role",
                "restore_lock", "revoke_officer", "on_exit").map(script::function).collect(Collectors.joining("\n"));
        var program = String.join("\n", "set -euo pipefail",
                // The stand-in: logs each call; lists one assignment, the grant, on the vault.
                "az() { printf 'az %s\\n' \"$*\" >&2; if [[ \"$1 $2 $3\" == 'role assignment list' ]]; then"
                        + " printf 'grant-1\\t%s\\tNone\\n' \"$vault_id\"; fi; }",
                functions,
                "ROLE_KV_CRYPTO_OFFICER=" + script.string("ROLE_KV_CRYPTO_OFFICER").orElseThrow(),
                "lock_lifted=true lock=rg-plat-state-readonly rg=rg-plat-state",
                "subscription=00000000-0000-4000-8000-000000000001 runner_id=00000000-0000-4000-8000-0000000000aa",
                "vault_id=" + VAULT + " officer_why='Crypto Officer for you' officer_granted=" + granted,
                "trap on_exit EXIT",
                "echo 'a step after the grant fails' >&2",
                "false");
        var process = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        return new BootstrapScript.Run(process.waitFor(), output);
    }

    @Test
    void aFailureAfterTheGrantRemovesItAndThenRestoresTheLock() throws Exception {
        var run = failAfterGrant(true);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        var output = run.output();
        assertThat(output).contains("az role assignment delete --ids grant-1", "role removed: Crypto Officer for you",
                "az lock create --name rg-plat-state-readonly --lock-type ReadOnly");
        assertThat(output.indexOf("az role assignment delete")).as(output)
                .isGreaterThan(output.indexOf("a step after the grant fails"))
                .isLessThan(output.indexOf("az lock create"));
    }

    @Test
    void aGrantThisRunDidNotMakeIsLeftAlone() throws Exception {
        var run = failAfterGrant(false);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).doesNotContain("az role assignment").contains("az lock create");
    }
}
