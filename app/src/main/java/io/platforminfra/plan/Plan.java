package io.platforminfra.plan;

import io.platforminfra.change.Action;
import io.platforminfra.config.StageConfig;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stage would create: every resource its program registers in a preview, in component-tree order, and
 * the stack's outputs. The same for the same stack file on every run and every machine.
 *
 * @param project         Pulumi project name
 * @param stage           the stage (stack) name
 * @param stackFile       file name of the stage's stack file
 * @param location        the stage's Azure region
 * @param environmentType the stage's environment type
 * @param asOf            the day the plan was judged on: Azure's version support is read for that day
 * @param resourceGroup   Azure name of the stage's resource group
 * @param tags            tags the stage puts on every resource that takes tags
 * @param resources       every resource, depth-first from the stack; siblings by kind and name
 * @param outputs         stack outputs by name (values, or the secret and unknown markers)
 * @param config          the stage's config as the program read and validated it for this plan: what the policy
 *                        gate judges (its waivers) and a real run deploys, without reading the stack file again
 */
public record Plan(String project, String stage, String stackFile, String location, String environmentType,
                   LocalDate asOf, String resourceGroup, Map<String, Object> tags, List<PlannedResource> resources,
                   Map<String, Object> outputs, StageConfig config) {

    /** Copies the collections, maps sorted by key, so a plan cannot change and prints the same every time. */
    public Plan {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        resources = List.copyOf(resources);
        outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
    }

    /** How many resources the plan would treat with {@code operation}. */
    public long count(Action operation) {
        return resources.stream().filter(r -> r.operation() == operation).count();
    }

    /** The closing line: {@code 56 resources to create}, plus the imports when there are any. */
    public String summary() {
        var imports = count(Action.IMPORT);
        return count(Action.CREATE) + " resources to create" + (imports == 0 ? "" : ", " + imports + " to import");
    }
}
