package io.platforminfra.components.base;

import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Settings;

import io.platforminfra.azure.AzureResourceType;
import lombok.Getter;
import lombok.NonNull;
import lombok.experimental.SuperBuilder;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the inputs of every component have, as every Azure Verified Module has one interface: where it is placed,
 * its settings, and the existing resource it may adopt instead of creating one. The args validate as one: the
 * settings' problems, then the adoption's, then those a component adds by overriding {@link #ownProblems()}. The
 * kind of resource adopted is the component's main resource ({@link AzureComponent}), so the args do not name it.
 */
@Getter
@SuperBuilder
public abstract class ComponentArgs {
    /** Resource group, region, naming, tags and tenant. Required. */
    @NonNull
    private final Placement placement;

    /**
     * Resource ID of an existing resource, of the kind of the component's main resource, to adopt (Pulumi
     * {@code import}) instead of creating one; it keeps its Azure name, every other setting must match it.
     * Default: none (create it).
     */
    @Nullable
    private final String adoptResourceId;

    /** The component's settings; each component narrows the type and says whether they have a default. */
    public abstract Settings getSettings();

    /** Whether a component whose main resource is of {@code type} creates it or adopts an existing one. */
    public Adoption adoption(AzureResourceType type) {
        return Adoption.of(adoptResourceId, type);
    }

    /** Every problem of these args for a component whose main resource is of {@code type}; empty when valid. */
    public List<Problem> problems(AzureResourceType type) {
        var problems = new ArrayList<>(getSettings().problems());
        problems.addAll(adoption(type).problems());
        problems.addAll(ownProblems());
        return problems;
    }

    /** The problems of the inputs a component adds to these; none unless it overrides this. */
    protected List<Problem> ownProblems() {
        return List.of();
    }
}
