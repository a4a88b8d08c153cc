package io.platforminfra.components.secretstore;

import io.platforminfra.azure.AzureResourceKind;
import io.platforminfra.components.common.Grant;
import io.platforminfra.components.common.PrivateComponentArgs;
import lombok.Builder;
import lombok.EqualsAndHashCode;
import lombok.Singular;
import lombok.ToString;
import lombok.Value;
import lombok.experimental.SuperBuilder;

import java.util.List;

/**
 * Inputs of a {@link SecretStore} component: placement, workspace, private endpoint and adoption as every private
 * component has them ({@link PrivateComponentArgs}), plus who may read secrets.
 */
@Value
@SuperBuilder
@ToString(callSuper = true)
@EqualsAndHashCode(callSuper = true)
public class SecretStoreArgs extends PrivateComponentArgs {
    /**
     * Principals that may read secret values: role "Key Vault Secrets User" on this vault only. Default: none.
     */
    @Singular
    List<Grant> secretReaders;

    /** Vault settings. Default: {@link SecretStoreSettings#defaults()}. */
    @Builder.Default
    SecretStoreSettings settings = SecretStoreSettings.defaults();

    @Override
    protected AzureResourceKind adoptedKind() {
        return AzureResourceKind.KEY_VAULT;
    }
}
