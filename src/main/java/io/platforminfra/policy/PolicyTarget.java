package io.platforminfra.policy;

import java.util.List;

/**
 * What the rules are evaluated against: one stage's resources.
 *
 * @param stage      the stage name
 * @param stackFile  the stage's stack file, where waivers are written
 * @param production whether the stage is a production stage (production-only rules are then mandatory)
 * @param resources  every resource the stage's program registers
 */
public record PolicyTarget(String stage, String stackFile, boolean production, List<PolicyResource> resources) {

    /** Copies the list. */
    public PolicyTarget {
        resources = List.copyOf(resources);
    }

    /** The resources of type {@code type}. */
    public List<PolicyResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
