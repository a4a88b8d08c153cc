package io.platforminfra.components.base;

import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Validatable;

import io.platforminfra.azure.AzureResourceType;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * Whether a component creates its main resource or adopts one that already exists in Azure (Pulumi's
 * {@code import}), for teams moving a hand-built stage under this program without recreating it.
 *
 * <p>An adopted resource keeps its Azure name (a new name would mean a new resource); every other setting comes
 * from the stack file as usual and must match what exists, or the import fails in the preview and shows the
 * difference. After the first {@code pulumi up} the resource is managed like any other one.
 */
public final class Adoption implements Validatable {
    private static final Adoption NONE = new Adoption(null, null);

    private final String resourceId;
    private final AzureResourceType type;

    private Adoption(String resourceId, AzureResourceType type) {
        this.resourceId = resourceId;
        this.type = type;
    }

    /** Create the resource: the default. */
    public static Adoption none() {
        return NONE;
    }

    /**
     * Adopt the existing resource {@code resourceId}, which must be a resource of {@code type}, one the platform
     * names; {@code null} means create it.
     */
    public static Adoption of(@Nullable String resourceId, AzureResourceType type) {
        return resourceId == null ? NONE : new Adoption(resourceId, type);
    }

    /** Whether the resource is adopted rather than created. */
    public boolean adopts() {
        return resourceId != null;
    }

    /** The parsed ID of the adopted resource, when there is one and it is well-formed. */
    public Optional<AzureResourceId> id() {
        return adopts() ? AzureResourceId.parse(resourceId) : Optional.empty();
    }

    /** The Azure name to use: the adopted resource's own name, else {@code conventionName}. */
    public String name(String conventionName) {
        return id().map(AzureResourceId::name).orElse(conventionName);
    }

    /**
     * Options of the main resource, to complete and build: a child of {@code parent}, importing the adopted
     * resource if there is one.
     */
    public CustomResourceOptions.Builder options(Resource parent) {
        var options = CustomResourceOptions.builder().parent(parent);
        if (adopts()) {
            options.importId(resourceId);
        }
        return options;
    }

    /** The ID must be an Azure resource ID of the component's kind of resource. */
    @Override
    public List<Problem> problems() {
        if (!adopts() || id().filter(id -> id.isOf(type)).isPresent()) {
            return List.of();
        }
        var armType = NamingConvention.rulesOf(type).armType();
        return List.of(new Problem("adopt", resourceId, "be the ID of an existing " + armType
                + " resource, such as /subscriptions/<subscription id>/resourceGroups/<group>"
                + (type == AzureResourceType.RESOURCE_GROUP ? "" : "/providers/" + armType + "/<name>")));
    }
}
