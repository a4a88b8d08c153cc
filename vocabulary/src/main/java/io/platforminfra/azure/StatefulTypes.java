package io.platforminfra.azure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one table of what is stateful: the Azure resource types whose deletion loses something the program cannot
 * create again (data, running workloads, or an identity that others trust), and what that is. Pulumi replaces a
 * resource by deleting it and creating a new one, in either order, so for these types a replacement is as serious
 * as a deletion. Two sets are read from the table, and nothing else decides either of them:
 * <ul>
 *   <li>{@link #CORE}: the four core stateful types (cluster, key vault, storage account, PostgreSQL server). The
 *       policy gate requires them to be protected in Pulumi, locked in Azure and to send diagnostics in production
 *       (policy rules PI-GOV-001, PI-GOV-002, PI-MON-001), and the components protect and lock exactly them
 *       ({@code components.common.StatefulResources}).</li>
 *   <li>{@link #DATA_LOSING}: every type in the table. The preview comment ({@code report}) warns when a preview
 *       replaces or deletes one of them.</li>
 * </ul>
 * A resource that merely points at one of them (a private endpoint, a diagnostic setting, a role assignment, a lock)
 * is not in the table: the program creates it again as it was.
 *
 * <p>Types are compared without their API version: {@code azure-native:dbforpostgresql/v20221201:Server} is the
 * same server as {@code azure-native:dbforpostgresql:Server} (azure-native names a resource at an explicit API
 * version as {@code <module>/v<yyyymmdd>[preview]}).
 */
public final class StatefulTypes {
    /** A user-assigned identity's federated credential, which lets a workload outside Azure log in as it. */
    public static final String FEDERATED_IDENTITY_CREDENTIAL =
            "azure-native:managedidentity:FederatedIdentityCredential";

    /**
     * One stateful type.
     *
     * @param token                the azure-native type token without API version
     * @param lostWith             what goes with a resource of the type, worded to follow "the existing …"
     * @param core                 whether it is one of the {@link #CORE} types
     * @param onlyWhenReferencedBy the type of the resources without which nothing is lost (an identity is only
     *                             trusted by others through its federated credentials); empty when something is
     *                             always lost
     */
    public record StatefulType(String token, String lostWith, boolean core, Optional<String> onlyWhenReferencedBy) {
    }

    private static final List<StatefulType> TABLE = List.of(
            always(ResourceTypes.MANAGED_CLUSTER, "AKS cluster with everything running on it", true),
            always(ResourceTypes.AGENT_POOL, "AKS node pool with the pods running on it", false),
            always(ResourceTypes.VAULT, "key vault with its keys, secrets and certificates", true),
            always(ResourceTypes.STORAGE_ACCOUNT, "storage account with all its blobs", true),
            always(ResourceTypes.BLOB_CONTAINER, "blob container with all its blobs", false),
            always(ResourceTypes.POSTGRES_SERVER, "PostgreSQL server with all its databases", true),
            always(ResourceTypes.POSTGRES_DATABASE, "PostgreSQL database with its data", false),
            always(AzureResourceKind.LOG_ANALYTICS_WORKSPACE.pulumiType(),
                    "Log Analytics workspace with its logs (the audit and diagnostic history)", false),
            always(AzureResourceKind.VIRTUAL_NETWORK.pulumiType(),
                    "virtual network with its subnets, and with them the network of the cluster and the private"
                            + " endpoints", false),
            // Azure deletes a resource group with everything in it: the program's whole stage.
            always(AzureResourceKind.RESOURCE_GROUP.pulumiType(),
                    "resource group with every resource in it (the whole stage)", false),
            // A new identity has a new client and principal ID: workloads federated to the old one can no longer
            // log in, and grants made to it outside this program are gone.
            new StatefulType(AzureResourceKind.MANAGED_IDENTITY.pulumiType(),
                    "managed identity with the client ID its federated workloads log in with", false,
                    Optional.of(FEDERATED_IDENTITY_CREDENTIAL)));

    private static final Map<String, StatefulType> BY_TOKEN = TABLE.stream()
            .collect(Collectors.toUnmodifiableMap(StatefulType::token, Function.identity()));

    /** The core stateful types: protected, locked and monitored in production. */
    public static final Set<String> CORE = TABLE.stream().filter(StatefulType::core).map(StatefulType::token)
            .collect(Collectors.toUnmodifiableSet());

    /** Every type whose replacement or deletion loses something (under its condition): the preview warns of it. */
    public static final Set<String> DATA_LOSING = TABLE.stream().map(StatefulType::token)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * {@code /v20221201}, {@code /v20230601preview}: the API version part of an azure-native module. Anything after
     * a slash counts, since module names have none of their own: a version written another way must not hide a
     * stateful type from the warnings.
     */
    private static final Pattern API_VERSION = Pattern.compile("/.*$");

    private StatefulTypes() {
    }

    /** The table, in a stable order (for documentation and tests). */
    public static List<StatefulType> all() {
        return TABLE;
    }

    /** The stateful type of {@code token}, with or without an API version; empty when it is not stateful. */
    public static Optional<StatefulType> of(String token) {
        return Optional.ofNullable(BY_TOKEN.get(withoutApiVersion(token)));
    }

    /** Whether {@code token}, with or without an API version, is one of the {@link #CORE} types. */
    public static boolean isCore(String token) {
        return CORE.contains(withoutApiVersion(token));
    }

    /**
     * {@code token} without the API version azure-native puts after its module: {@code
     * azure-native:dbforpostgresql/v20221201:Server} is {@code azure-native:dbforpostgresql:Server}. Any other
     * token is returned as it is.
     */
    public static String withoutApiVersion(String token) {
        var parts = token.split(":", -1);
        if (parts.length != 3) {
            return token;
        }
        var module = API_VERSION.matcher(parts[1]).replaceFirst("");
        return parts[0] + ":" + module + ":" + parts[2];
    }

    private static StatefulType always(String token, String lostWith, boolean core) {
        return new StatefulType(token, lostWith, core, Optional.empty());
    }
}
