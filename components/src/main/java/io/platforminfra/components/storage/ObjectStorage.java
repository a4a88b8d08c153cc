package io.platforminfra.components.storage;

import com.pulumi.azurenative.storage.BlobContainer;
import com.pulumi.azurenative.storage.BlobContainerArgs;
import com.pulumi.azurenative.storage.BlobServiceProperties;
import com.pulumi.azurenative.storage.BlobServicePropertiesArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.enums.DefaultAction;
import com.pulumi.azurenative.storage.enums.PublicAccess;
import com.pulumi.azurenative.storage.inputs.DeleteRetentionPolicyArgs;
import com.pulumi.azurenative.storage.inputs.IPRuleArgs;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.azurenative.storage.outputs.EndpointsResponse;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.base.AzureComponent;
import io.platforminfra.components.access.BuiltInRole;
import io.platforminfra.components.base.Components;
import io.platforminfra.components.attach.PrivateDns;
import io.platforminfra.components.access.RoleAssignments;
import io.platforminfra.components.base.StatefulResources;
import io.platforminfra.components.attach.DiagnosticSettings;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Map;

/**
 * A StorageV2 account for the stage's files and data, secure by default: HTTPS only, TLS 1.2, no public blob
 * access, shared key access off (Entra ID only), OAuth by default in the portal, firewall default deny with
 * public access off unless IP ranges are allowed explicitly, a blob private endpoint, blob versioning and soft
 * delete, private containers. Access is granted to the principals the args name, never with account keys.
 */
public class ObjectStorage extends AzureComponent {
    /** Pulumi type token. */
    public static final String TYPE = Components.TYPE_PREFIX + "ObjectStorage";

    private final Output<String> blobEndpoint;

    /** Creates the account; throws before registering anything when the settings are invalid. */
    public ObjectStorage(String name, ObjectStorageArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, AzureResourceType.STORAGE_ACCOUNT, name, args, options);
        var placement = args.getPlacement();
        var settings = args.getSettings();
        var child = CustomResourceOptions.builder().parent(this).build();

        var account = new StorageAccount(name + "-st", StorageAccountArgs.builder()
                .accountName(mainResourceName())
                .resourceGroupName(placement.resourceGroupName())
                .location(placement.location())
                .kind("StorageV2")
                .sku(SkuArgs.builder().name(ObjectStorageSettings.REPLICATIONS.of(settings.getReplication())).build())
                .enableHttpsTrafficOnly(true)
                .minimumTlsVersion("TLS1_2")
                .allowBlobPublicAccess(false)
                .allowSharedKeyAccess(false)
                .defaultToOAuthAuthentication(true)
                .allowCrossTenantReplication(false)
                .publicNetworkAccess(settings.publicNetworkAccess())
                .networkRuleSet(NetworkRuleSetArgs.builder()
                        .defaultAction(DefaultAction.Deny)
                        .bypass("AzureServices")
                        .ipRules(settings.getAllowedIpRanges().stream()
                                .map(r -> IPRuleArgs.builder().iPAddressOrRange(r).build()).toList())
                        .build())
                .tags(placement.tags())
                .build(), StatefulResources.options(adoption(), placement, this).build());
        var underAccount = new ArrayList<Resource>();

        var retention = DeleteRetentionPolicyArgs.builder().enabled(true).days(settings.getSoftDeleteDays()).build();
        var blobService = new BlobServiceProperties(name + "-blob", BlobServicePropertiesArgs.builder()
                .accountName(account.name())
                .resourceGroupName(placement.resourceGroupName())
                .blobServicesName("default")
                .isVersioningEnabled(true)
                .deleteRetentionPolicy(retention)
                .containerDeleteRetentionPolicy(retention)
                .build(), child);
        underAccount.add(blobService);
        for (var container : settings.getContainers()) {
            underAccount.add(new BlobContainer(name + "-container-" + container, BlobContainerArgs.builder()
                    .containerName(container)
                    .accountName(account.name())
                    .resourceGroupName(placement.resourceGroupName())
                    .publicAccess(PublicAccess.None)
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(blobService).build()));
        }
        underAccount.add(PrivateDns.endpoint(name + "-blob", account.id(), "blob", "privatelink.blob.core.windows.net",
                args.getPrivateEndpoint(), placement, this));
        underAccount.add(DiagnosticSettings.send(name + "-st-diag", account.id(), args.getLogAnalyticsWorkspaceId(),
                DiagnosticSettings.Signals.METRICS_ONLY, this));
        underAccount.add(DiagnosticSettings.send(name + "-blob-diag",
                account.id().applyValue(id -> id + "/blobServices/default"), args.getLogAnalyticsWorkspaceId(),
                DiagnosticSettings.Signals.LOGS_AND_METRICS, this));
        underAccount.addAll(RoleAssignments.grant(args.getBlobDataContributors(),
                BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR, account.id(), placement, this));
        StatefulResources.lock(name + "-st-lock", account, name + "-st", underAccount, placement, this);

        this.blobEndpoint = account.primaryEndpoints().applyValue(EndpointsResponse::blob);
        publish(account.id(), account.name(), Map.of("blobEndpoint", blobEndpoint));
    }

    /** Primary blob endpoint, such as {@code https://stplatdevweu1a2b.blob.core.windows.net/}. */
    public Output<String> blobEndpoint() {
        return blobEndpoint;
    }
}
