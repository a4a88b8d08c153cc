package io.platforminfra.components.secretstore;

import com.pulumi.azurenative.keyvault.Secret;
import com.pulumi.azurenative.keyvault.SecretArgs;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.keyvault.VaultArgs;
import com.pulumi.azurenative.keyvault.inputs.IPRuleArgs;
import com.pulumi.azurenative.keyvault.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.keyvault.inputs.SecretPropertiesArgs;
import com.pulumi.azurenative.keyvault.inputs.SkuArgs;
import com.pulumi.azurenative.keyvault.inputs.VaultPropertiesArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.base.AzureComponent;
import io.platforminfra.components.access.BuiltInRole;
import io.platforminfra.components.base.Components;
import io.platforminfra.components.base.Placement;
import io.platforminfra.components.attach.PrivateDns;
import io.platforminfra.components.access.RoleAssignments;
import io.platforminfra.components.base.StatefulResources;
import io.platforminfra.components.attach.DiagnosticSettings;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Map;

/**
 * A Key Vault for the stage's secrets, secure by default:
 * RBAC authorization (no access policies), purge protection (unless a stage turns it off) and soft delete, network ACL default deny, public
 * network access off unless IP ranges are allowed explicitly, a private endpoint in the stage's network, and
 * audit logs to the workspace. Access is granted to the principals the args name, never by handing out keys.
 */
public class SecretStore extends AzureComponent {
    /** Pulumi type token. */
    public static final String TYPE = Components.TYPE_PREFIX + "SecretStore";

    private final String componentName;
    private final Placement placement;
    private final Vault vault;
    private final Output<String> vaultUri;

    /** Creates the vault; throws before registering anything when the settings are invalid. */
    public SecretStore(String name, SecretStoreArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, AzureResourceType.VAULT, name, args, options);
        this.componentName = name;
        this.placement = args.getPlacement();
        var settings = args.getSettings();

        var properties = VaultPropertiesArgs.builder()
                .tenantId(placement.tenantId())
                .sku(SkuArgs.builder().family("A").name(SecretStoreSettings.SKUS.of(settings.getSku())).build())
                .enableRbacAuthorization(true)
                .enableSoftDelete(true)
                .softDeleteRetentionInDays(settings.getSoftDeleteRetentionDays())
                .enabledForDeployment(false)
                .enabledForDiskEncryption(false)
                .enabledForTemplateDeployment(false)
                .publicNetworkAccess(settings.publicNetworkAccess())
                .networkAcls(NetworkRuleSetArgs.builder()
                        .defaultAction("Deny")
                        // Trusted Azure services (Backup, disk encryption) still reach the vault.
                        .bypass("AzureServices")
                        .ipRules(settings.getAllowedIpRanges().stream()
                                .map(r -> IPRuleArgs.builder().value(r).build()).toList())
                        .build());
        if (settings.isPurgeProtection()) {
            // Only true can be sent: Azure refuses false, and leaving it out keeps it off.
            properties.enablePurgeProtection(true);
        }
        this.vault = new Vault(name + "-kv", VaultArgs.builder()
                .vaultName(mainResourceName())
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .properties(properties.build())
                .tags(placement.tags())
                .build(), StatefulResources.options(adoption(), placement, this).build());
        var underVault = new ArrayList<Resource>();
        underVault.add(PrivateDns.endpoint(name + "-kv", vault.id(), "vault", "privatelink.vaultcore.azure.net",
                args.getPrivateEndpoint(), placement, this));
        underVault.add(DiagnosticSettings.send(name + "-kv-diag", vault.id(), args.getLogAnalyticsWorkspaceId(),
                DiagnosticSettings.Signals.LOGS_AND_METRICS, this));
        underVault.addAll(RoleAssignments.grant(args.getSecretReaders(), BuiltInRole.KEY_VAULT_SECRETS_USER,
                vault.id(), placement, this));
        StatefulResources.lock(name + "-kv-lock", vault, name + "-kv", underVault, placement, this);

        this.vaultUri = vault.properties().applyValue(p -> p.vaultUri().orElseThrow(
                () -> new IllegalStateException("Key Vault returned no vault URI")));
        publish(vault.id(), vault.name(), Map.of("vaultUri", vaultUri));
    }

    /**
     * Stores {@code value} as the secret {@code secretName}. The value must come from a secret source (a
     * {@code secure:} config value); it is kept secret in state and never exported.
     */
    public Secret storeSecret(String secretName, Output<String> value) {
        return new Secret(componentName + "-secret-" + secretName, SecretArgs.builder()
                .secretName(secretName)
                .vaultName(vault.name())
                .resourceGroupName(placement.resourceGroupName())
                .properties(SecretPropertiesArgs.builder().value(value.asSecret()).build())
                .tags(placement.tags())
                .build(), CustomResourceOptions.builder().parent(this)
                .additionalSecretOutputs("properties").build());
    }

    /** URI of the vault, such as {@code https://kv-plat-dev-weu-1a2b.vault.azure.net/}. */
    public Output<String> vaultUri() {
        return vaultUri;
    }
}
