package io.platforminfra.offline;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import io.platforminfra.structure.SecretText;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's mock monitor, additionally recording every registration request as a {@link RegisteredResource}.
 * The request carries more than {@link Mocks.ResourceArgs} (parent, provider, dependencies, components).
 */
final class RecordingMonitor extends MockMonitor {
    /** Marker key and value the SDK uses to wrap secret values on the wire. */
    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String UNKNOWN = AzureMocks.UNKNOWN;

    private final List<RegisteredResource> registered = Collections.synchronizedList(new ArrayList<>());
    private final SecretText secrets;

    /**
     * @param secrets the values of the run's secret config: an input carrying one is recorded as a secret, as the
     *                real engine shows it as [secret] (a value read from secret config is plain to the SDK)
     */
    RecordingMonitor(Mocks mocks, Log log, SecretText secrets) {
        super(mocks, log);
        this.secrets = secrets;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                             RegisterResourceRequest request) {
        var response = super.registerResourceAsync(resource, request);
        return response.thenApply(r -> {
            registered.add(new RegisteredResource(request.getType(), request.getName(), r.getUrn(),
                    request.getParent(), providerUrn(request.getProvider()),
                    request.getDependenciesList().stream().sorted().distinct().toList(),
                    toMap(request.getObject(), false), request.getCustom(), options(request)));
            return r;
        });
    }

    private static RegisteredResource.Options options(RegisterResourceRequest request) {
        return new RegisteredResource.Options(request.getImportId(), request.getProtect(),
                request.getIgnoreChangesList().stream().sorted().toList(), request.getRetainOnDelete(),
                request.getDeletedWith(), request.getDeleteBeforeReplace());
    }

    /** Every resource registered so far, in registration order. */
    List<RegisteredResource> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    /**
     * The provider's URN without its ID: the ID is unknown in a preview and would make plans differ run to run.
     */
    private static String providerUrn(String reference) {
        var separator = reference.lastIndexOf("::");
        return separator < 0 || !reference.startsWith("urn:") ? reference : reference.substring(0, separator);
    }

    /**
     * Inputs sorted by key, so a plan never depends on the order a map happened to iterate in.
     *
     * @param inSecret whether the struct is inside a secret already (then nothing in it is wrapped again)
     */
    private Map<String, Object> toMap(Struct struct, boolean inSecret) {
        var map = new TreeMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, toJava(value, inSecret)));
        return Collections.unmodifiableMap(map);
    }

    private Object toJava(Value value, boolean inSecret) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> {
                var text = value.getStringValue();
                if (UNKNOWN.equals(text)) {
                    yield RegisteredResource.Unknown.VALUE;
                }
                yield !inSecret && secrets.appearsIn(text) ? new RegisteredResource.Secret(text) : text;
            }
            case BOOL_VALUE -> value.getBoolValue();
            case LIST_VALUE -> value.getListValue().getValuesList().stream().map(v -> toJava(v, inSecret)).toList();
            case STRUCT_VALUE -> {
                var fields = value.getStructValue().getFieldsMap();
                var sig = fields.get(SIG_KEY);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    yield new RegisteredResource.Secret(toJava(fields.get("value"), true));
                }
                yield toMap(value.getStructValue(), inSecret);
            }
        };
    }
}
