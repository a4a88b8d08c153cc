package io.platforminfra.plan;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stages side by side: per resource, the settings whose values differ between the stages' plans (tier, replication,
 * high availability, pool sizes...), and the resources only some stages have. Parity gaps between development and
 * production become visible in review instead of in an incident.
 *
 * <p>Resources are matched by URN without the stack. A value that differs only by the stage's own name (such as
 * {@code aks-plat-dev-weu} and {@code aks-plat-prod-weu}) is the same setting, so it is not reported.
 */
public final class StageComparison {
    private static final String NOT_SET = "(not set)";

    private final List<String> stages;
    private final Map<String, Map<String, String>> stageSettings;
    private final List<ResourceDifference> differences;
    private final List<PartialResource> partial;
    private final int same;

    /** Settings of one resource that differ, with each stage's value. */
    record ResourceDifference(String type, String name, Map<String, Map<String, String>> settings) {
    }

    /** A resource that only some stages have. */
    record PartialResource(String type, String name, List<String> stages) {
    }

    private StageComparison(List<String> stages, Map<String, Map<String, String>> stageSettings,
                            List<ResourceDifference> differences, List<PartialResource> partial, int same) {
        this.stages = stages;
        this.stageSettings = stageSettings;
        this.differences = differences;
        this.partial = partial;
        this.same = same;
    }

    /** Compares {@code plans} (two or more stages). */
    public static StageComparison of(List<Plan> plans) {
        var stages = plans.stream().map(Plan::stage).toList();
        var stageSettings = differing(plans, StageComparison::stageFacts);

        var byUrn = new LinkedHashMap<String, Map<String, PlannedResource>>();
        for (var plan : plans) {
            for (var planned : plan.resources()) {
                byUrn.computeIfAbsent(planned.stageIndependentUrn(), k -> new LinkedHashMap<>())
                        .put(plan.stage(), planned);
            }
        }
        var differences = new ArrayList<ResourceDifference>();
        var partial = new ArrayList<PartialResource>();
        var same = 0;
        for (var entry : byUrn.values()) {
            var any = entry.values().iterator().next().resource();
            if (entry.size() < plans.size()) {
                partial.add(new PartialResource(any.type(), any.name(), List.copyOf(entry.keySet())));
                continue;
            }
            var settings = differing(plans, plan -> PlanValues.flatten(entry.get(plan.stage()).reviewerInputs(plan)));
            if (settings.isEmpty()) {
                same++;
            } else {
                differences.add(new ResourceDifference(any.type(), any.name(), settings));
            }
        }
        return new StageComparison(stages, stageSettings, differences, partial, same);
    }

    /** The comparison for a person. */
    public String text() {
        var text = new StringBuilder("Differences between stages " + String.join(", ", stages) + "\n"
                + "  (values that differ only by the stage's name are the same setting and not shown)\n\n");
        if (!stageSettings.isEmpty()) {
            appendTable(text, "Stage", stageSettings);
        }
        differences.forEach(d -> appendTable(text, d.type() + " \"" + d.name() + "\"", d.settings()));
        if (!partial.isEmpty()) {
            text.append("Only in some stages:\n");
            partial.forEach(p -> text.append("  ").append(p.type()).append(" \"").append(p.name()).append("\"  in ")
                    .append(String.join(", ", p.stages())).append('\n'));
            text.append('\n');
        }
        text.append(differences.size()).append(" resources differ, ").append(partial.size())
                .append(" exist only in some stages, ").append(same).append(" are the same\n");
        return text.toString();
    }

    /** The comparison for tools, as one JSON document. */
    public String json() {
        var document = new LinkedHashMap<String, Object>();
        document.put("stages", stages);
        document.put("stage", stageSettings);
        document.put("resources", differences.stream()
                .map(d -> resource(d.type(), d.name(), "settings", d.settings())).toList());
        document.put("onlyInSomeStages", partial.stream()
                .map(p -> resource(p.type(), p.name(), "stages", p.stages())).toList());
        document.put("sameResources", same);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document) + "\n";
    }

    private static Map<String, Object> resource(String type, String name, String key, Object value) {
        var resource = new LinkedHashMap<String, Object>();
        resource.put("type", type);
        resource.put("name", name);
        resource.put(key, value);
        return resource;
    }

    private static Map<String, String> stageFacts(Plan plan) {
        var facts = new LinkedHashMap<String, String>();
        facts.put("location", plan.location());
        facts.put("environmentType", plan.environmentType());
        plan.tags().forEach((key, value) -> facts.put("tags." + key, PlanValues.text(value)));
        return facts;
    }

    /** Per setting path, each stage's value, for the paths where the values (stage names aside) differ. */
    private static Map<String, Map<String, String>> differing(List<Plan> plans,
                                                              java.util.function.Function<Plan, Map<String, String>> settingsOf) {
        var settings = new LinkedHashMap<String, Map<String, String>>();
        plans.forEach(plan -> settingsOf.apply(plan).keySet().forEach(path -> settings.putIfAbsent(path, null)));
        var paths = new LinkedHashSet<>(settings.keySet());
        settings.clear();
        var perStage = plans.stream().collect(Collectors.toMap(Plan::stage, settingsOf, (a, b) -> a, LinkedHashMap::new));
        for (var path : paths) {
            var values = new LinkedHashMap<String, String>();
            var normalised = new TreeSet<String>();
            for (var plan : plans) {
                var value = Objects.requireNonNullElse(perStage.get(plan.stage()).get(path), NOT_SET);
                values.put(plan.stage(), value);
                normalised.add(withoutStageName(value, plan.stage()));
            }
            if (new TreeSet<>(values.values()).size() > 1 && normalised.size() > 1) {
                settings.put(path, values);
            }
        }
        return settings;
    }

    /** The value with the stage's name, where it stands as a word of a name, replaced by a placeholder. */
    private static String withoutStageName(String value, String stage) {
        return value.replaceAll("(?<![A-Za-z0-9])" + Pattern.quote(stage) + "(?![A-Za-z])", "<stage>");
    }

    private static void appendTable(StringBuilder text, String title, Map<String, Map<String, String>> settings) {
        text.append(title).append('\n');
        var rows = new ArrayList<List<String>>();
        var header = new ArrayList<String>();
        header.add("setting");
        header.addAll(settings.values().iterator().next().keySet());
        rows.add(header);
        settings.forEach((path, values) -> {
            var row = new ArrayList<String>();
            row.add(path);
            row.addAll(values.values());
            rows.add(row);
        });
        var widths = new int[header.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        rows.forEach(row -> {
            var line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 3));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        });
        text.append('\n');
    }
}
