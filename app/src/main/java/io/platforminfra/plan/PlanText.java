package io.platforminfra.plan;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plan for a person: the stage's facts, then a tree by component in which each resource shows what happens to
 * it, its type, its Pulumi name, its Azure name and the inputs a reviewer checks; then the stack outputs and the
 * summary line.
 */
public final class PlanText {
    private static final String INDENT = "  ";

    private PlanText() {
    }

    /** The plan as text, ending with the summary line. */
    public static String render(Plan plan) {
        var text = new StringBuilder();
        text.append("Plan of stage ").append(plan.stage()).append(" (").append(plan.stackFile())
                .append(", project ").append(plan.project()).append(")\n");
        text.append("  region ").append(plan.location()).append(", environment type ").append(plan.environmentType())
                .append(", resource group ").append(plan.resourceGroup()).append(", as of ").append(plan.asOf())
                .append('\n');
        text.append("  tags on every resource that takes tags: ").append(plan.tags().entrySet().stream()
                .map(e -> e.getKey() + "=" + PlanValues.text(e.getValue())).collect(Collectors.joining(", ")))
                .append("\n\n");
        for (var planned : plan.resources()) {
            appendResource(text, plan, planned);
        }
        if (!plan.outputs().isEmpty()) {
            text.append("Outputs:\n");
            var width = plan.outputs().keySet().stream().mapToInt(String::length).max().orElse(0);
            plan.outputs().forEach((name, value) -> text.append(INDENT).append(pad(name, width)).append("  ")
                    .append(PlanValues.text(value)).append('\n'));
            text.append('\n');
        }
        text.append(plan.summary()).append('\n');
        return text.toString();
    }

    private static void appendResource(StringBuilder text, Plan plan, PlannedResource planned) {
        var resource = planned.resource();
        var indent = INDENT.repeat(planned.depth());
        text.append(indent).append(planned.operation().sign()).append(' ').append(resource.type())
                .append(" \"").append(resource.name()).append('"');
        planned.azureName().ifPresent(name -> text.append("  →  ").append(name));
        if (resource.imported()) {
            text.append("  (import ").append(resource.importId()).append(')');
        }
        if (resource.protect()) {
            text.append("  [protected]");
        }
        var options = resource.options();
        if (!options.ignoreChanges().isEmpty()) {
            text.append("  [ignores later changes of ").append(String.join(", ", options.ignoreChanges())).append(']');
        }
        if (options.retainOnDelete()) {
            text.append("  [kept in Azure when deleted]");
        }
        text.append('\n');
        appendInputs(text, indent + INDENT + INDENT, PlanValues.flatten(planned.reviewerInputs(plan)));
    }

    private static void appendInputs(StringBuilder text, String indent, Map<String, String> inputs) {
        var width = inputs.keySet().stream().mapToInt(String::length).max().orElse(0);
        inputs.forEach((path, value) -> text.append(indent).append(pad(path, width)).append(" = ").append(value)
                .append('\n'));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
