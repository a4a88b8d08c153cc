package io.platforminfra.program;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;

import java.util.Objects;

/**
 * Who the Azure provider deploys as: what its {@code getClientConfig} invoke reports for the credentials it really
 * uses (a service connection's identity through OIDC, a person's {@code az login}, a managed identity), not what the
 * shell's variables claim.
 *
 * @param objectId       Entra object ID of the principal (a user, or a service principal such as a managed
 *                       identity's); empty when the provider could not tell
 * @param clientId       client (application) ID the provider authenticates with, where it has one
 * @param tenantId       Entra tenant
 * @param subscriptionId subscription the provider works in
 */
public record DeployingIdentity(String objectId, String clientId, String tenantId, String subscriptionId) {

    /** The identity a client configuration reports; missing values become empty text. */
    public DeployingIdentity {
        objectId = Objects.requireNonNullElse(objectId, "");
        clientId = Objects.requireNonNullElse(clientId, "");
        tenantId = Objects.requireNonNullElse(tenantId, "");
        subscriptionId = Objects.requireNonNullElse(subscriptionId, "");
    }

    static DeployingIdentity of(GetClientConfigResult config) {
        return new DeployingIdentity(config.objectId(), config.clientId(), config.tenantId(), config.subscriptionId());
    }

    /**
     * Asks the Azure provider now and waits for the answer. Only inside a running program (the invoke goes to the
     * engine), and before anything is registered: a refusal must leave nothing behind. Waiting is safe there: the
     * SDK runs the program as an async task (a thread of its own when the common pool has one thread, else a
     * common-pool worker, where {@code join} blocks in a managed way and the pool compensates), and the answer
     * comes from the engine's gRPC threads (or the mock engine). Checked under the mock engine with parallelism 1
     * (the tests' JVM on two cores) and 4 (what the jar sets, cli.Main).
     *
     * @throws java.util.concurrent.CompletionException when the provider cannot answer (no credentials, no network)
     */
    static DeployingIdentity resolve() {
        return of(AuthorizationFunctions.getClientConfigPlain().join());
    }
}
