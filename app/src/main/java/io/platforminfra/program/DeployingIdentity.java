package io.platforminfra.program;

import io.platforminfra.config.Deployers;

import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import io.platforminfra.components.validation.ObjectIds;

import java.util.Objects;

/**
 * Who the Azure provider deploys as: what its {@code getClientConfig} invoke reports for the credentials it really
 * uses (a pipeline pool's managed identity, a person's {@code az login}, a service principal through OIDC), not
 * what the shell's variables claim. Asked once per run, by {@link ClientConfig}.
 *
 * <p>Under managed identity ({@code ARM_USE_MSI}, how pipeline jobs on the Managed DevOps Pools authenticate)
 * azure-native 2.x reports no object ID: its getClientConfig starts from {@code objectId := ""} and fills it only
 * {@code if auth.GetAuthenticatedObjectID != nil} (pulumi-azure-native provider/pkg/provider/provider.go, Invoke),
 * and go-azure-helpers' {@code managedServiceIdentityAuth.populateConfig} sets nothing ("nothing to populate back",
 * authentication/auth_method_msi.go). The related empty tenant ID is pulumi/pulumi-azure-native#3594. So the
 * identity is named by its client ID there, and the object ID is only ever a second way to match.
 *
 * @param objectId       Entra object ID of the principal (a user, or a service principal); empty when the provider
 *                       cannot tell, always so under managed identity
 * @param clientId       client (application) ID the provider authenticates with
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
     * Whether the provider reported anything that names one identity: an object ID, or a client ID that is not the
     * Azure CLI's (which every person signed in with az shares). Without either, nobody can be matched or recorded.
     */
    boolean namesSomeone() {
        return hasObjectId() || Deployers.identifiesOne(clientId);
    }

    /** Whether the provider reported an object ID (never under managed identity). */
    boolean hasObjectId() {
        return ObjectIds.isObjectId(objectId) && !ObjectIds.isNil(objectId);
    }

    /** The object ID as a person reads it: the ID, or why there is none. */
    String objectIdText() {
        return hasObjectId() ? objectId : NO_OBJECT_ID;
    }

    /** The IDs as a person reads them: {@code client ID <id> (object ID <id>)}. */
    String description() {
        return "client ID " + (clientId.isEmpty() ? "(none)" : clientId) + " (object ID " + objectIdText() + ")";
    }

    /** What an identity without an object ID shows instead. */
    static final String NO_OBJECT_ID = "(none: managed identity)";
}
