package io.platforminfra.plan;

import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.policy.PolicyResource;
import io.platforminfra.policy.PolicyTarget;
import io.platforminfra.config.EnvironmentType;
import io.platforminfra.structure.StructuredValues;

import java.util.Map;

/**
 * A plan as the policy rules see it: the same resources, with secrets and unknown values as the rule engine's
 * own markers.
 */
public final class PolicyTargets {
    private PolicyTargets() {
    }

    /** The policy target of {@code plan}. */
    public static PolicyTarget of(Plan plan) {
        var production = EnvironmentType.fromConfig(plan.environmentType()).orElse(null) == EnvironmentType.PRODUCTION;
        return new PolicyTarget(plan.stage(), plan.stackFile(), production, plan.asOf(), plan.resources().stream()
                .map(PlannedResource::resource).map(PolicyTargets::resource).toList());
    }

    private static PolicyResource resource(RegisteredResource resource) {
        @SuppressWarnings("unchecked")
        var inputs = (Map<String, Object>) value(resource.inputs());
        return new PolicyResource(resource.type(), resource.name(), resource.urn(), inputs, resource.protect(),
                resource.provider(), resource.dependencies());
    }

    private static Object value(Object value) {
        return StructuredValues.mapLeaves(value, leaf -> leaf instanceof RegisteredResource.Secret
                ? PolicyResource.Value.SECRET
                : leaf instanceof RegisteredResource.Unknown ? PolicyResource.Value.UNKNOWN : leaf);
    }
}
