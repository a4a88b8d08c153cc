package io.platforminfra.plan;

import io.platforminfra.change.Action;
import com.google.gson.GsonBuilder;
import io.platforminfra.offline.RegisteredResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan for tools: one JSON document with the stage's facts and, per resource, the operation, type, name, Azure
 * name, URN, parent, provider, dependencies and inputs (secrets as {@code [secret]}, values known only after
 * apply as {@code (known after apply)}). Keys keep a fixed order, so the same plan is the same text.
 */
public final class PlanJson {
    private PlanJson() {
    }

    /** The plan of one stage as a JSON document. */
    public static String render(Plan plan) {
        return gson().toJson(document(plan));
    }

    /** The plans of several stages as one JSON document: {@code {"stages": [...]}}. */
    public static String render(List<Plan> plans) {
        return gson().toJson(Map.of("stages", plans.stream().map(PlanJson::document).toList()));
    }

    private static Map<String, Object> document(Plan plan) {
        var document = new LinkedHashMap<String, Object>();
        document.put("project", plan.project());
        document.put("stage", plan.stage());
        document.put("stackFile", plan.stackFile());
        document.put("location", plan.location());
        document.put("environmentType", plan.environmentType());
        document.put("asOf", plan.asOf().toString());
        document.put("resourceGroup", plan.resourceGroup());
        var summary = new LinkedHashMap<String, Object>();
        summary.put(Action.CREATE.word(), plan.count(Action.CREATE));
        summary.put(Action.IMPORT.word(), plan.count(Action.IMPORT));
        document.put("summary", summary);
        document.put("resources", plan.resources().stream().map(PlanJson::resource).toList());
        document.put("outputs", PlanValues.masked(plan.outputs()));
        return document;
    }

    private static Map<String, Object> resource(PlannedResource planned) {
        var resource = planned.resource();
        var json = new LinkedHashMap<String, Object>();
        json.put("op", planned.operation().word());
        json.put("type", resource.type());
        json.put("name", resource.name());
        planned.azureName().ifPresent(name -> json.put("azureName", name));
        json.put("urn", resource.urn());
        json.put("parent", resource.parentUrn());
        json.put("provider", resource.provider());
        if (resource.imported()) {
            json.put("importId", resource.importId());
        }
        json.put("protect", resource.protect());
        json.put("dependencies", resource.dependencies());
        json.put("options", options(resource.options()));
        json.put("inputs", PlanValues.masked(resource.inputs()));
        return json;
    }

    /**
     * What later updates and a teardown do to the resource: the options a reviewer checks besides {@code protect}.
     * {@code deletedWith} is always null: the Java SDK 1.36.1 cannot set it (docs/deploy-fidelity.md).
     */
    private static Map<String, Object> options(RegisteredResource.Options options) {
        var json = new LinkedHashMap<String, Object>();
        json.put("ignoreChanges", options.ignoreChanges());
        json.put("retainOnDelete", options.retainOnDelete());
        json.put("deletedWith", options.deletedWith().isEmpty() ? null : options.deletedWith());
        json.put("deleteBeforeReplace", options.deleteBeforeReplace());
        return json;
    }

    private static com.google.gson.Gson gson() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
    }
}
