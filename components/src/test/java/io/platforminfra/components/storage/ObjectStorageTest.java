package io.platforminfra.components.storage;

import com.pulumi.core.Output;
import io.platforminfra.components.validation.InvalidSettingsException;
import io.platforminfra.components.access.Grant;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestArgs;
import io.platforminfra.testing.TestPlacements;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static io.platforminfra.testing.Assertions.assertAllParentedTo;
import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

class ObjectStorageTest {
    private static final String ACCOUNT = "azure-native:storage:StorageAccount";

    static RunResult deploy(ObjectStorageSettings settings, UnaryOperator<ObjectStorageArgs.ObjectStorageArgsBuilder> args) {
        return MockedRun.builder().run(ctx -> new ObjectStorage("storage",
                args.apply(TestArgs.privateInDev(ObjectStorageArgs.builder()).settings(settings)).build(), null));
    }

    static RunResult deploy(ObjectStorageSettings settings) {
        return deploy(settings, UnaryOperator.identity());
    }

    @Test
    void accountIsHttpsOnlyTls12KeylessPrivateAndZoneRedundantByDefault() {
        var run = deploy(ObjectStorageSettings.defaults());
        assertSucceeded(run);
        var account = run.single(ACCOUNT);
        assertThat(account.input("accountName")).contains("stplatdevweu" + TestPlacements.dev().naming().uniqueSuffix());
        assertThat(account.input("kind")).contains("StorageV2");
        assertThat(account.input("sku.name")).contains("Standard_ZRS");
        assertThat(account.input("enableHttpsTrafficOnly")).contains(true);
        assertThat(account.input("minimumTlsVersion")).contains("TLS1_2");
        assertThat(account.input("allowBlobPublicAccess")).contains(false);
        assertThat(account.input("allowSharedKeyAccess")).contains(false);
        assertThat(account.input("publicNetworkAccess")).contains("Disabled");
        assertThat(account.input("networkRuleSet.defaultAction")).contains("Deny");
    }

    @Test
    void blobsAreVersionedAndRecoverableForTheConfiguredDays() {
        var blob = deploy(ObjectStorageSettings.builder().softDeleteDays(21).build())
                .single("azure-native:storage:BlobServiceProperties");
        assertThat(blob.input("isVersioningEnabled")).contains(true);
        assertThat(blob.input("deleteRetentionPolicy.enabled")).contains(true);
        assertThat(blob.input("deleteRetentionPolicy.days")).contains(21.0);
        assertThat(blob.input("containerDeleteRetentionPolicy.days")).contains(21.0);
    }

    @Test
    void containersAreCreatedPrivate() {
        var run = deploy(ObjectStorageSettings.builder().container("uploads").container("exports").build());
        var containers = run.ofType("azure-native:storage:BlobContainer");
        assertThat(containers).extracting(c -> c.input("containerName").orElseThrow()).containsExactlyInAnyOrder("uploads", "exports");
        assertThat(containers).allSatisfy(c -> assertThat(c.input("publicAccess")).contains("None"));
    }

    @Test
    void accountIsReachedThroughABlobPrivateEndpointAndLogsBlobAccess() {
        var run = deploy(ObjectStorageSettings.defaults());
        assertThat(run.single("azure-native:network:PrivateEndpoint").input("privateLinkServiceConnections.0.groupIds"))
                .contains(List.of("blob"));
        assertThat(run.single("azure-native:network:PrivateZone").input("privateZoneName"))
                .contains("privatelink.blob.core.windows.net");
        assertThat(run.ofType("azure-native:insights:DiagnosticSetting"))
                .anySatisfy(d -> assertThat((String) d.input("resourceUri").orElseThrow()).endsWith("/blobServices/default"));
    }

    @Test
    void blobDataContributorsGetTheRoleOnThisAccountOnly() {
        var run = deploy(ObjectStorageSettings.defaults(),
                args -> args.blobDataContributor(new Grant("writer", Output.of("principal-2"))));
        var grant = run.named("writer").orElseThrow();
        assertThat(grant.input("principalId")).contains("principal-2");
        assertThat((String) grant.input("roleDefinitionId").orElseThrow()).endsWith("ba92f5b4-2d11-453d-a403-e96b0029c9fe");
        assertThat((String) grant.input("scope").orElseThrow()).contains("StorageAccount/stplatdevweu");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertAllParentedTo(deploy(ObjectStorageSettings.builder().container("uploads").build()), ObjectStorage.TYPE);
    }

    @Test
    void invalidSettingsAreAllReportedBeforeAnythingIsRegistered() {
        var settings = ObjectStorageSettings.builder().replication("Premium_LRS").container("Uploads!")
                .softDeleteDays(0).allowedIpRange("0.0.0.0/99").build();
        assertRejectedBeforeRegistering(deploy(settings), InvalidSettingsException.class,
                "replication must be one of LRS, ZRS, GRS, GZRS, RAGRS, RAGZRS (value: 'Premium_LRS')",
                "containers[0] must be 3-63 lowercase letters",
                "softDeleteDays must be between 1 and 365 (value: 0)",
                "allowedIpRanges[0] must be an IPv4 address such as 203.0.113.7 or a CIDR range written from its first"
                        + " address such as 203.0.113.0/24 (value: '0.0.0.0/99')");
    }

    @Test
    void aContainerListedTwiceIsRejected() {
        var settings = ObjectStorageSettings.builder().container("uploads").container("uploads").build();
        assertThat(settings.problems()).extracting(p -> p.describe(p.field()))
                .containsExactly("containers must not list a container twice (value: [uploads, uploads])");
    }
}
