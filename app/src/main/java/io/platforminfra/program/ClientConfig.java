package io.platforminfra.program;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.core.Output;

import java.util.concurrent.CompletableFuture;

/**
 * The Azure provider's {@code getClientConfig}, asked at most once per run: on an update the deployment guard's
 * {@link #identity()} and the placement's {@link #tenantId()} are one answer, so the vault trusts the tenant of the
 * very credentials the guard admitted. A preview asks only for the tenant, and asks when the program first needs it.
 */
final class ClientConfig {
    private CompletableFuture<GetClientConfigResult> answer;

    /** The one invoke of this run, sent on first use. */
    private synchronized CompletableFuture<GetClientConfigResult> answer() {
        if (answer == null) {
            answer = AuthorizationFunctions.getClientConfigPlain();
        }
        return answer;
    }

    /**
     * Who the provider deploys as, waiting for the answer. Only inside a running program (the invoke goes to the
     * engine), and before anything is registered: a refusal must leave nothing behind. Waiting is safe there: the
     * SDK runs the program as an async task (a thread of its own when the common pool has one thread, else a
     * common-pool worker, where {@code join} blocks in a managed way and the pool compensates), and the answer
     * comes from the engine's gRPC threads (or the mock engine). Checked under the mock engine with parallelism 1
     * (the tests' JVM on two cores) and 4 (what the jar sets, cli.Main).
     *
     * @throws java.util.concurrent.CompletionException when the provider cannot answer (no credentials, no network)
     */
    DeployingIdentity identity() {
        return DeployingIdentity.of(answer().join());
    }

    /** The Entra tenant of the provider's credentials, from the same answer. */
    Output<String> tenantId() {
        return Output.of(answer()).applyValue(GetClientConfigResult::tenantId);
    }
}
