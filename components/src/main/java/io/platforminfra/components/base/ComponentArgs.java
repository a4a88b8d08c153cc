package io.platforminfra.components.base;

import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Settings;
import io.platforminfra.components.validation.Validatable;

import io.platforminfra.azure.AzureResourceKind;
import lombok.Getter;
import lombok.NonNull;
import lombok.experimental.SuperBuilder;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the inputs of every component have, as every Azure Verified Module has one interface: where it is placed,
 * its settings, and the existing resource it may adopt instead of creating one. The args validate as one: the
 * settings' problems, then the adoption's, then those a component adds by overriding {@link #problems()}.
 */
@Getter
@SuperBuilder
public abstract class ComponentArgs implements Validatable {
    /** Resource group, region, naming, tags and tenant. Required. */
    @NonNull
    private final Placement placement;

    /**
     * Resource ID of an existing resource of {@link #adoptedKind()} to adopt (Pulumi {@code import}) instead of
     * creating one; it keeps its Azure name, every other setting must match it. Default: none (create it).
     */
    @Nullable
    private final String adoptResourceId;

    /** The component's settings; each component narrows the type and says whether they have a default. */
    public abstract Settings getSettings();

    /** Kind of the component's main resource: the one it adopts, and whose ID and name it publishes. */
    protected abstract AzureResourceKind adoptedKind();

    /** Whether the component creates its main resource or adopts an existing one. */
    public Adoption adoption() {
        return Adoption.of(adoptResourceId, adoptedKind());
    }

    @Override
    public List<Problem> problems() {
        var problems = new ArrayList<>(getSettings().problems());
        problems.addAll(adoption().problems());
        return problems;
    }
}
