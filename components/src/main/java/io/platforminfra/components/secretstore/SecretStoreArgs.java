package io.platforminfra.components.secretstore;

import io.platforminfra.components.access.Grant;
import io.platforminfra.components.base.PrivateComponentArgs;
import lombok.Builder;
import lombok.Getter;
import lombok.Singular;
import lombok.experimental.SuperBuilder;

import java.util.List;

/**
 * Inputs of a {@link SecretStore} component: placement, workspace, private endpoint and adoption as every private
 * component has them ({@link PrivateComponentArgs}), plus who may read secrets.
 */
@Getter
@SuperBuilder
public final class SecretStoreArgs extends PrivateComponentArgs {
    /**
     * Principals that may read secret values: role "Key Vault Secrets User" on this vault only. Default: none.
     */
    @Singular
    private final List<Grant> secretReaders;

    /** Vault settings. Default: {@link SecretStoreSettings#defaults()}. */
    @Builder.Default
    private final SecretStoreSettings settings = SecretStoreSettings.defaults();
}
