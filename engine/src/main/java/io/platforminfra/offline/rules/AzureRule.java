package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.offline.RegisteredResource;

import java.util.List;
import java.util.Set;

/**
 * A rule that Azure or the azure-native provider enforces when a resource is created or updated, as the offline
 * engine models it: the mock engine accepts anything, so without these a mistake would surface only in a release.
 *
 * @param id     our ID, {@code AZ-<AREA>-<NNN>}
 * @param types  the types it applies to, at the exact API version of their token; empty for every type
 * @param rule   Azure's rule in words, completing "Azure requires that ..."
 * @param source where the rule is documented (docs page, upstream issue, provider source)
 * @param check  the check of one resource
 */
public record AzureRule(String id, Set<AzureResourceType> types, String rule, String source, Check check) {

    /** The check of one resource: what breaks the rule in it; empty when it keeps it. */
    @FunctionalInterface
    public interface Check {
        /** The breaches of the rule by {@code resource} in the deployment {@code facts} describe. */
        List<Breach> evaluate(RegisteredResource resource, DeploymentFacts facts);
    }

    /**
     * What breaks the rule.
     *
     * @param property the input path, such as {@code count} or {@code tags.owner}
     * @param value    its value (shown masked when it is a secret)
     * @param detail   the specific fact, such as "count 5 is above maxCount 3"
     */
    public record Breach(String property, Object value, String detail) {
    }

    /** Whether the rule looks at resources of {@code type}. */
    public boolean appliesTo(String type) {
        return types.isEmpty() || types.stream().anyMatch(applied -> applied.token().equals(type));
    }
}
