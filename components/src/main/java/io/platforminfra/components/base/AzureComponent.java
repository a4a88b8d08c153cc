package io.platforminfra.components.base;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.components.validation.InvalidSettingsException;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every component of this library is: a Pulumi component of type {@code platform:azure:<Name>} around one
 * main Azure resource, whose args are validated before anything is registered, and which publishes that
 * resource's ID and Azure name (plus what else it offers) as its outputs.
 */
public abstract class AzureComponent extends ComponentResource {
    private final Adoption adoption;
    private final String mainResourceName;
    private Output<String> resourceId;
    private Output<String> name;

    /**
     * Validates {@code args} and registers the component.
     *
     * @param type     a type token starting with {@link Components#TYPE_PREFIX}
     * @param mainType type of the main resource: the one the component names, may adopt, and whose ID and name it
     *                 publishes
     * @throws InvalidSettingsException listing every problem of the args
     */
    protected AzureComponent(String type, AzureResourceType mainType, String name, ComponentArgs args,
                             @Nullable ComponentResourceOptions options) {
        super(type, name, Components.validated(type.substring(Components.TYPE_PREFIX.length()), name, options,
                () -> args.problems(mainType)));
        this.adoption = args.adoption(mainType);
        this.mainResourceName = adoption.name(args.getPlacement().naming().name(mainType));
    }

    /** Whether the main resource is created or adopted. */
    protected final Adoption adoption() {
        return adoption;
    }

    /** Azure name of the main resource: the adopted resource's own, else the naming convention's for its type. */
    protected final String mainResourceName() {
        return mainResourceName;
    }

    /**
     * Records the main resource's ID and name and registers them, then {@code more}, as the component's outputs.
     * Called once, at the end of the subclass's constructor, after every child exists.
     */
    protected final void publish(Output<String> resourceId, Output<String> name, Map<String, Output<?>> more) {
        this.resourceId = resourceId;
        this.name = name;
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("resourceId", resourceId);
        outputs.put("name", name);
        outputs.putAll(more);
        registerOutputs(outputs);
    }

    /** Resource ID of the main resource. */
    public Output<String> resourceId() {
        return resourceId;
    }

    /** Azure name of the main resource. */
    public Output<String> name() {
        return name;
    }
}
