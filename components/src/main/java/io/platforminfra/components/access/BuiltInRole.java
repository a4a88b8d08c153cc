package io.platforminfra.components.access;

import com.pulumi.core.Output;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/**
 * Azure built-in roles the platform grants, by their fixed definition IDs.
 *
 * <p>Source: "Azure built-in roles" (Microsoft Learn). Data-plane roles are granted instead of keys or access
 * policies, so access is reviewable in one place and revocable without rotating secrets.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum BuiltInRole {
    /** Read secret contents of a Key Vault that uses RBAC authorization. */
    KEY_VAULT_SECRETS_USER("4633458b-17de-408a-b874-0445c86b69e6"),
    /** Read, write and delete blobs and containers. */
    STORAGE_BLOB_DATA_CONTRIBUTOR("ba92f5b4-2d11-453d-a403-e96b0029c9fe"),
    /** Manage networks; AKS's control plane needs it on the node subnet it joins. */
    NETWORK_CONTRIBUTOR("4d97b98b-1d4f-4787-a291-c67834d212e7"),
    /** View everything in a scope, change nothing. */
    READER("acdd72a7-3385-48ef-bd42-f606fba81ae7"),
    /** Get a cluster's user kubeconfig; what a user may do inside is Kubernetes RBAC's business. */
    AKS_CLUSTER_USER("4abbcc35-e782-43d8-92c5-2d3f1bd2253f");

    /** The role definition's GUID. */
    private final String definitionId;

    /**
     * The role definition's resource ID in {@code subscriptionId}: the form Azure returns on read, so using it
     * avoids a perpetual diff.
     */
    public Output<String> resourceId(Output<String> subscriptionId) {
        return subscriptionId.applyValue(sub ->
                "/subscriptions/" + sub + "/providers/Microsoft.Authorization/roleDefinitions/" + definitionId);
    }
}
