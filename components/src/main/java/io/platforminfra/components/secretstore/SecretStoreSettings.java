package io.platforminfra.components.secretstore;

import com.pulumi.azurenative.keyvault.enums.SkuName;
import io.platforminfra.components.validation.Choice;
import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.PublicIpAllowList;
import io.platforminfra.components.validation.Settings;
import lombok.Builder;
import lombok.Singular;
import lombok.Value;

import java.util.List;

/**
 * Settings of a Key Vault. RBAC authorization, purge protection and soft delete are always on; what a stage
 * chooses is the SKU and, if it must, public IP ranges.
 */
@Value
@Builder(toBuilder = true)
public class SecretStoreSettings implements Settings, PublicIpAllowList {
    /** SKUs Key Vault offers. */
    public static final Choice<SkuName> SKUS =
            new Choice<>(List.of(SkuName.Standard, SkuName.Premium), SkuName::getValue);

    /** {@code standard} or {@code premium} (HSM-backed keys). Default {@code standard}. */
    @Builder.Default
    String sku = "standard";

    /**
     * Public IPv4 addresses and ranges let through the vault's default-deny firewall. Default: none, and with none
     * public access is off: the vault is reached through its private endpoint.
     */
    @Singular
    List<String> allowedIpRanges;

    /** Days a deleted secret, or the deleted vault, can be recovered, 7 to 90. Default {@code 90}, the maximum. */
    @Builder.Default
    int softDeleteRetentionDays = 90;

    /**
     * Purge protection: nobody, not even an Owner, can purge the deleted vault or its secrets before the retention
     * ends. Default {@code true}. Azure accepts no {@code false} once it is on ("Enabling this functionality is
     * irreversible", KeyVaultProperties.EnablePurgeProtection), and the deleted vault keeps its name for the whole
     * retention ("You cannot reuse the name of a key vault that has been soft-deleted until the retention period has
     * passed", key-vault/general/soft-delete-overview.md). So a development stage that is torn down and created
     * again sets {@code false} (and a short retention): its teardown then purges the vault and the name is free.
     * Production stages require {@code true} (policy PI-KV-001).
     */
    @Builder.Default
    boolean purgeProtection = true;

    /** Settings with every default. */
    public static SecretStoreSettings defaults() {
        return builder().build();
    }

    @Override
    public void check(Problems problems) {
        problems.oneOf("sku", sku, SKUS);
        checkAllowedIpRanges(problems);
        problems.inRange("softDeleteRetentionDays", softDeleteRetentionDays, 7, 90);
    }
}
