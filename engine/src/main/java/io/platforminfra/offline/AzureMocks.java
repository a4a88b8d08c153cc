package io.platforminfra.offline;

import com.pulumi.test.Mocks;
import io.platforminfra.azure.AzureNativeKeys;
import io.platforminfra.azure.AzureResourceType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for Azure: answers resource registrations with their inputs plus the outputs Azure would compute,
 * and answers the invokes the program makes. Everything is derived from names, so runs are deterministic.
 */
public class AzureMocks implements Mocks {
    /** Tenant every mocked client config reports. */
    public static final String TENANT_ID = "72f988bf-0000-4000-8000-000000000001";
    /**
     * Subscription a mocked client config reports when the run's config names none ({@link
     * AzureNativeKeys#SUBSCRIPTION_ID}): the component tests. A stage's run reports the stage's own subscription.
     */
    public static final String SUBSCRIPTION_ID = "2b1c7a5e-0000-4000-8000-000000000002";

    /** Client (application) ID every mocked caller reports unless a run names another. */
    public static final String DEPLOYER_CLIENT_ID = uuid("client");

    /**
     * Who the Azure provider deploys as, as its {@code getClientConfig} invoke reports it.
     *
     * @param clientId the client (application) ID the provider authenticates with
     * @param objectId the object ID of the principal; {@code ""} under managed identity, where azure-native 2.x
     *                 cannot look it up (docs/deploy-fidelity.md, "Managed identity and azure-native 2.10.0")
     */
    public record Caller(String clientId, String objectId) {
        /**
         * A pipeline job on a Managed DevOps Pool, as the provider reports it with {@code ARM_USE_MSI}: the pool
         * identity's client ID and no object ID (provider.go getClientConfig leaves it {@code ""} when
         * {@code GetAuthenticatedObjectID} is nil; go-azure-helpers managedServiceIdentityAuth.populateConfig sets
         * nothing).
         */
        public static Caller managedIdentity(String clientId) {
            return new Caller(clientId, "");
        }

        /** A caller whose object ID the provider can look up: {@code az login}, OIDC, client secret or certificate. */
        public static Caller signedIn(String clientId, String objectId) {
            return new Caller(clientId, objectId);
        }
    }

    /** Who every run deploys as unless it names another: a pipeline pool's managed identity. */
    public static final Caller DEFAULT_CALLER = Caller.managedIdentity(DEPLOYER_CLIENT_ID);

    private final boolean preview;
    private final Caller caller;
    private final String subscriptionId;

    /**
     * Mocks answering as the {@link #DEFAULT_CALLER} in {@link #SUBSCRIPTION_ID}.
     *
     * @param preview whether to answer as in a preview: outputs Azure computes on creation stay unknown
     */
    public AzureMocks(boolean preview) {
        this(preview, DEFAULT_CALLER, SUBSCRIPTION_ID);
    }

    /**
     * @param preview        whether to answer as in a preview: outputs Azure computes on creation stay unknown
     * @param caller         who {@code getClientConfig} reports the provider deploys as
     * @param subscriptionId the subscription {@code getClientConfig} reports and resource IDs lie in: the stage's
     *                       {@link AzureNativeKeys#SUBSCRIPTION_ID}, as the real provider reports it
     */
    public AzureMocks(boolean preview, Caller caller, String subscriptionId) {
        this.preview = preview;
        this.caller = caller;
        this.subscriptionId = subscriptionId;
    }

    /** The subscription a run with stack config {@code config} deploys into: its own, or {@link #SUBSCRIPTION_ID}. */
    public static String subscriptionOf(Map<String, String> config) {
        var configured = config.get(AzureNativeKeys.SUBSCRIPTION_ID);
        return configured == null || configured.isBlank() ? SUBSCRIPTION_ID : configured;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var state = new LinkedHashMap<String, Object>(args.inputs);
        var azureName = azureName(args);
        reshapeToOutputs(args.type, state);
        if (preview) {
            // In a preview of a new stage nothing exists yet: what Azure computes (even `name`, an output distinct
            // from the name input) is unknown, as the real engine reports it.
            state.put("name", UNKNOWN);
            computedOutputs(args.type, azureName).forEach((key, value) -> state.put(key, unknownLeaves(value)));
        } else {
            state.put("name", azureName);
            state.putAll(computedOutputs(args.type, azureName));
        }
        var id = preview ? Optional.<String>empty()
                : Optional.of("/subscriptions/" + subscriptionId + "/mock/" + args.type + "/" + azureName);
        return CompletableFuture.completedFuture(ResourceResult.of(id, state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(switch (args.token) {
            case "azure-native:authorization:getClientConfig" -> Map.of(
                    "clientId", caller.clientId(), "objectId", caller.objectId(),
                    "subscriptionId", subscriptionId, "tenantId", TENANT_ID);
            case "azure-native:containerservice:listManagedClusterUserCredentials" -> Map.of(
                    "kubeconfigs", List.of(Map.of("name", "clusterUser",
                            "value", Base64.getEncoder().encodeToString(
                                    kubeconfig(String.valueOf(args.args.get("resourceName")))
                                            .getBytes(StandardCharsets.UTF_8)))));
            default -> throw new IllegalArgumentException("No mock for invoke " + args.token);
        });
    }

    /** The sentinel the engine uses for values not known before apply. */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private static Object unknownLeaves(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), unknownLeaves(v)));
            return copy;
        }
        return UNKNOWN;
    }

    /** The exec kubeconfig AKS returns for an Entra ID cluster (as {@code az aks get-credentials} shows it). */
    public static String kubeconfig(String cluster) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - cluster:
                    certificate-authority-data: bW9jay1jYQ==
                    server: https://%1$s.hcp.westeurope.azmk8s.io:443
                  name: %1$s
                contexts:
                - context:
                    cluster: %1$s
                    user: clusterUser_%1$s
                  name: %1$s
                current-context: %1$s
                users:
                - name: clusterUser_%1$s
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: kubelogin
                      args:
                      - get-token
                      - --login
                      - devicecode
                      - --server-id
                      - 6dae42f8-4368-4678-94ff-3960e28e3630
                      - --client-id
                      - 80faf920-1908-4b52-b5ef-a8e7bedfc67a
                      - --tenant-id
                      - %2$s
                      - --environment
                      - AzurePublicCloud
                """.formatted(cluster, TENANT_ID);
    }

    /**
     * Azure answers some properties in another shape than it takes them; the SDK deserialises the answer into
     * the output type, so the mock must answer in that shape too.
     */
    @SuppressWarnings("unchecked")
    private static void reshapeToOutputs(String type, Map<String, Object> state) {
        if (AzureResourceType.MANAGED_CLUSTER.isTypeOf(type)
                && state.get("identity") instanceof Map<?, ?> identity
                && identity.get("userAssignedIdentities") instanceof List<?> ids) {
            // Input: a list of identity resource IDs. Output: a map from resource ID to the identity's details.
            var reshaped = new LinkedHashMap<>((Map<String, Object>) identity);
            var byId = new LinkedHashMap<String, Object>();
            ids.forEach(id -> byId.put(String.valueOf(id), Map.of("principalId", uuid("principal/" + id),
                    "clientId", uuid("client/" + id))));
            reshaped.put("userAssignedIdentities", byId);
            state.put("identity", reshaped);
        }
    }

    private static String azureName(ResourceArgs args) {
        return AzureResourceType.azureNameIn(args.type, args.inputs).orElse(args.name);
    }

    private static Map<String, Object> computedOutputs(String type, String name) {
        return AzureResourceType.of(type).map(known -> computedOutputs(known, name)).orElse(Map.of());
    }

    private static Map<String, Object> computedOutputs(AzureResourceType type, String name) {
        return switch (type) {
            case MANAGED_CLUSTER -> Map.of(
                    "oidcIssuerProfile", Map.of("enabled", true, "issuerURL",
                            "https://westeurope.oic.prod-aks.azure.com/" + TENANT_ID + "/" + uuid(name) + "/"),
                    "fqdn", name + ".hcp.westeurope.azmk8s.io");
            case USER_ASSIGNED_IDENTITY -> Map.of(
                    "principalId", uuid("principal/" + name), "clientId", uuid("client/" + name),
                    "tenantId", TENANT_ID);
            case VAULT -> Map.of(
                    "properties", Map.of("vaultUri", "https://" + name + ".vault.azure.net/",
                            "tenantId", TENANT_ID, "sku", Map.of("family", "A", "name", "standard")));
            case STORAGE_ACCOUNT -> Map.of(
                    "primaryEndpoints", Map.of("blob", "https://" + name + ".blob.core.windows.net/"));
            case POSTGRES_SERVER -> Map.of(
                    "fullyQualifiedDomainName", name + ".postgres.database.azure.com");
            default -> Map.of();
        };
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
