package io.platforminfra.components.aks;

import com.pulumi.core.Output;

/**
 * The Azure identity of one application namespace: pods that use the namespace's service account receive tokens
 * for this managed identity through workload identity federation, with no secret anywhere.
 *
 * @param namespace      the Kubernetes namespace
 * @param serviceAccount name of the service account bound to the identity
 * @param principalId    object ID of the managed identity, to grant roles to
 * @param clientId       client ID of the managed identity (the service account's annotation)
 */
public record WorkloadIdentity(String namespace, String serviceAccount, Output<String> principalId,
                               Output<String> clientId) {
}
