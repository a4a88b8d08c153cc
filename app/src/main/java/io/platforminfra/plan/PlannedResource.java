package io.platforminfra.plan;

import io.platforminfra.change.Action;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.offline.RegisteredResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource of a plan: what the stage's program registered, with what a preview would do to it.
 *
 * @param operation {@link Action#CREATE}, or {@link Action#IMPORT} for an adopted resource
 * @param resource  the registration: type, name, URN, parent, provider, dependencies, inputs
 * @param depth     depth in the component tree (the stack is 0)
 */
public record PlannedResource(Action operation, RegisteredResource resource, int depth) {

    /** A planned resource is created or adopted: a first {@code pulumi up} does nothing else. */
    public PlannedResource {
        if (operation != Action.CREATE && operation != Action.IMPORT) {
            throw new IllegalArgumentException("a plan creates or imports, not " + operation);
        }
    }

    /** The Azure name the resource gets, when it has one and it is known before apply. */
    public Optional<String> azureName() {
        return resource.custom() ? AzureResourceType.azureNameIn(resource.type(), resource.inputs()) : Optional.empty();
    }

    /** The URN without the stack, the same for a resource in every stage: what stages are compared by. */
    public String stageIndependentUrn() {
        if (resource.type().equals("pulumi:pulumi:Stack")) {
            return resource.type(); // its name is <project>-<stage>
        }
        var urn = resource.urn();
        var stackEnd = urn.indexOf("::");
        return stackEnd < 0 ? urn : urn.substring(stackEnd + 2);
    }

    /**
     * The inputs a reviewer looks at: every input except the Azure name (shown beside the resource) and the
     * resource group, region and tags where they are the stage's own (shown once for the stage).
     */
    public Map<String, Object> reviewerInputs(Plan plan) {
        var inputs = new LinkedHashMap<>(resource.inputs());
        inputs.remove(AzureResourceType.azureNameInputOf(resource.type()));
        inputs.remove("__defaults");
        removeIfEqual(inputs, "resourceGroupName", plan.resourceGroup());
        removeIfEqual(inputs, "location", plan.location());
        return withoutStageTags(inputs, plan.tags());
    }

    /** Removes tags equal to the stage's tags at any depth (AKS node pools carry their own). */
    private static Map<String, Object> withoutStageTags(Map<?, ?> inputs, Map<String, Object> stageTags) {
        var copy = new LinkedHashMap<String, Object>();
        inputs.forEach((key, value) -> {
            if (!(key.equals("tags") && stageTags.equals(value))) {
                copy.put(String.valueOf(key), withoutStageTags(value, stageTags));
            }
        });
        return copy;
    }

    private static Object withoutStageTags(Object value, Map<String, Object> stageTags) {
        if (value instanceof Map<?, ?> map) {
            return withoutStageTags(map, stageTags);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> withoutStageTags(item, stageTags)).toList();
        }
        return value;
    }

    private static void removeIfEqual(Map<String, Object> inputs, String key, Object stageValue) {
        var value = inputs.get(key);
        if (value instanceof RegisteredResource.Unknown || (value != null && value.equals(stageValue))) {
            inputs.remove(key);
        }
    }
}
