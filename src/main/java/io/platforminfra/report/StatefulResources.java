package io.platforminfra.report;

import java.util.Map;
import java.util.Optional;

/**
 * The resource types whose replacement or deletion loses data or running workloads: the one list the preview
 * comment warns by. Pulumi replaces a resource by deleting it and creating a new one (in either order), so for
 * these types a replacement is as serious as a deletion. A resource that merely points at one of them (a private
 * endpoint, a diagnostic setting, a blob container's settings) is not on the list: it can be created again from
 * the program alone.
 */
public final class StatefulResources {
    /** Type token to what is lost with it, worded to follow "the existing …". */
    private static final Map<String, String> LOST_WITH = Map.of(
            "azure-native:containerservice:ManagedCluster", "AKS cluster with everything running on it",
            "azure-native:containerservice:AgentPool", "AKS node pool with the pods running on it",
            "azure-native:keyvault:Vault", "key vault with its keys, secrets and certificates",
            "azure-native:storage:StorageAccount", "storage account with all its blobs",
            "azure-native:dbforpostgresql:Server", "PostgreSQL server with all its databases",
            "azure-native:dbforpostgresql:Database", "PostgreSQL database with its data");

    private StatefulResources() {
    }

    /** What is lost when a resource of {@code type} goes; empty when the type is not stateful. */
    public static Optional<String> lostWith(String type) {
        return Optional.ofNullable(LOST_WITH.get(type));
    }
}
