package io.platforminfra.components.secretstore;

import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import io.platforminfra.components.common.PrivateNetworkAttachment;
import io.platforminfra.components.common.Adoption;
import io.platforminfra.azure.AzureResourceKind;
import javax.annotation.Nullable;
import lombok.Builder;
import lombok.Singular;
import io.platforminfra.components.common.Grant;
import java.util.List;
import lombok.NonNull;
import lombok.Value;

/**
 * Inputs of a {@link SecretStore} component.
 */
@Value
@Builder
public class SecretStoreArgs {
    /** Resource group, region, naming, tags and tenant. Required. */
    @NonNull
    Placement placement;

    /** Subnet and network of the vault's private endpoint. Required: the vault is private by default. */
    @NonNull
    PrivateNetworkAttachment privateEndpoint;

    /** Resource ID of the Log Analytics workspace that receives the vault's audit logs. Required. */
    @NonNull
    Output<String> logAnalyticsWorkspaceId;

    /**
     * Principals that may read secret values: role "Key Vault Secrets User" on this vault only. Default: none.
     */
    @Singular
    List<Grant> secretReaders;

    /** Vault settings. Default: {@link SecretStoreSettings#defaults()}. */
    @Builder.Default
    SecretStoreSettings settings = SecretStoreSettings.defaults();

    /**
     * Resource ID of an existing Key Vault to adopt (Pulumi {@code import}) instead of creating one; it keeps its
     * Azure name, every other setting must match it. Default: none (create it).
     */
    @Nullable
    String adoptResourceId;

    /** Whether the component creates its Key Vault or adopts an existing one. */
    public Adoption adoption() {
        return Adoption.of(adoptResourceId, AzureResourceKind.KEY_VAULT);
    }
}
