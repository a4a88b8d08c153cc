package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;

import java.time.LocalDate;
import java.util.List;

/**
 * What the rules are evaluated against: one stage's resources.
 *
 * @param stage      the stage name
 * @param stackFile  the stage's stack file, where waivers are written
 * @param production whether the stage is a production stage (production-only rules are then mandatory)
 * @param asOf       the day the stage is judged on (waiver expiry, versions nearing the end of Azure's support)
 * @param resources  every resource the stage's program registers
 * @param waivers    the stage's waivers, which the rule on expired waivers judges
 */
public record PolicyTarget(String stage, String stackFile, boolean production, LocalDate asOf,
                           List<PolicyResource> resources, List<Waiver> waivers) {

    /** Copies the lists. */
    public PolicyTarget {
        resources = List.copyOf(resources);
        waivers = List.copyOf(waivers);
    }

    /** A stage without waivers. */
    public PolicyTarget(String stage, String stackFile, boolean production, LocalDate asOf,
                        List<PolicyResource> resources) {
        this(stage, stackFile, production, asOf, resources, List.of());
    }

    /** The same stage judged on {@code day}. */
    public PolicyTarget on(LocalDate day) {
        return new PolicyTarget(stage, stackFile, production, day, resources, waivers);
    }

    /** The same stage with {@code stageWaivers} written in its stack file. */
    public PolicyTarget waivedBy(List<Waiver> stageWaivers) {
        return new PolicyTarget(stage, stackFile, production, asOf, resources, stageWaivers);
    }

    /** The resources of type {@code type}, registered with or without an explicit API version. */
    public List<PolicyResource> ofType(AzureResourceType type) {
        return resources.stream().filter(r -> r.azureType().filter(type::equals).isPresent()).toList();
    }
}
