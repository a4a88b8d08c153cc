package io.platforminfra.plan;

import io.platforminfra.change.Action;
import com.pulumi.core.internal.OutputData;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.Deployer;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.offline.RunResult;
import io.platforminfra.offline.rules.AzureRules;
import io.platforminfra.offline.rules.DeploymentFacts;
import io.platforminfra.config.EnvironmentType;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StageConfig;
import io.platforminfra.program.StackProgram;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the plan of a stage: runs the real stack program as a preview under the in-process mock engine, with the
 * stage's config loaded as Pulumi would load it, and orders what it registered into a tree by component.
 */
public final class Planner {
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    /** Siblings: cloud resources before components, then by name and type, so every run prints the same. */
    private static final Comparator<RegisteredResource> SIBLINGS = Comparator
            .comparing((RegisteredResource r) -> !r.custom())
            .thenComparing(RegisteredResource::name)
            .thenComparing(RegisteredResource::type);

    private Planner() {
    }

    /**
     * The plan of the stage {@code configuration} describes, run on {@code asOf}: versions are judged against
     * Azure's support on that day.
     *
     * @throws PlanRefusedException      when the stack file is refused, with every problem
     * @throws AzureRulesRefusedException when Azure would refuse a resource the stage registers
     */
    public static Plan plan(StackConfiguration configuration, LocalDate asOf) {
        // The program reads the stage's config once; the plan keeps what it read, for the gate and the real run.
        var read = new AtomicReference<StageConfig>();
        var run = MockedRun.builder()
                .stack(configuration.stage())
                .preview(true)
                .config(configuration.values(), configuration.secretKeys())
                // A plan is a preview, which the deployment guard allows anywhere: no process environment needed.
                .run(StackProgram.reading(configuration.values().keySet(), asOf, read::set));
        if (!run.result().exceptions().isEmpty()) {
            var failure = run.result().exceptions().get(0);
            throw new IllegalStateException("The program failed for stage " + configuration.stage() + ": " + failure,
                    failure);
        }
        if (!run.result().errors().isEmpty()) {
            throw new PlanRefusedException(String.join("\n", run.result().errors()));
        }
        var config = read.get();
        var breaches = AzureRules.evaluate(run.resources(), facts(config, asOf));
        if (!breaches.isEmpty()) {
            throw AzureRulesRefusedException.of(configuration.stackFile().getFileName().toString(), breaches);
        }
        return toPlan(configuration, config, run, asOf);
    }

    /** What Azure's rules depend on: the day, the stage's region, and the identity that would deploy it. */
    private static DeploymentFacts facts(StageConfig config, LocalDate asOf) {
        return new DeploymentFacts(asOf, config.location(),
                Deployer.of(config.environmentType() == EnvironmentType.PRODUCTION));
    }

    private static Plan toPlan(StackConfiguration configuration, StageConfig config, RunResult run, LocalDate asOf) {
        var resourceGroup = run.ofType(AzureResourceType.RESOURCE_GROUP.token()).stream().findFirst();
        @SuppressWarnings("unchecked")
        var tags = resourceGroup.flatMap(r -> r.input("tags")).map(t -> (Map<String, Object>) t).orElse(Map.of());
        return new Plan(run.resources().stream().filter(r -> r.type().equals(STACK_TYPE)).findFirst()
                .map(r -> r.urn().split("::")[1]).orElse(""),
                configuration.stage(),
                configuration.stackFile().getFileName().toString(),
                config.location(),
                config.environmentType().configValue(),
                asOf,
                resourceGroup.flatMap(r -> r.input("resourceGroupName")).map(String::valueOf).orElse(""),
                tags, inTreeOrder(run.resources()), outputs(run), config);
    }

    /** Depth-first from the stack, so each component is followed by what it contains. */
    private static List<PlannedResource> inTreeOrder(List<RegisteredResource> resources) {
        var children = new LinkedHashMap<String, List<RegisteredResource>>();
        resources.forEach(r -> children.computeIfAbsent(r.parentUrn(), k -> new ArrayList<>()).add(r));
        children.values().forEach(list -> list.sort(SIBLINGS));
        var ordered = new ArrayList<PlannedResource>();
        var visited = new HashSet<String>();
        children.getOrDefault("", List.of()).forEach(root -> visit(root, 0, children, ordered, visited));
        // A resource whose parent was never registered cannot happen in a healthy run; list it rather than lose it.
        resources.stream().filter(r -> !visited.contains(r.urn())).sorted(SIBLINGS)
                .forEach(r -> visit(r, 0, children, ordered, visited));
        return ordered;
    }

    private static void visit(RegisteredResource resource, int depth, Map<String, List<RegisteredResource>> children,
                              List<PlannedResource> ordered, java.util.Set<String> visited) {
        if (!visited.add(resource.urn())) {
            return;
        }
        ordered.add(new PlannedResource(resource.imported() ? Action.IMPORT : Action.CREATE, resource, depth));
        children.getOrDefault(resource.urn(), List.of()).forEach(child -> visit(child, depth + 1, children, ordered,
                visited));
    }

    private static Map<String, Object> outputs(RunResult run) {
        var outputs = new TreeMap<String, Object>();
        run.result().outputs().keySet().forEach(name -> {
            OutputData<Object> data = run.output(name);
            outputs.put(name, data.isSecret() ? new RegisteredResource.Secret(null)
                    : !data.isKnown() ? RegisteredResource.Unknown.VALUE
                    : data.getValueNullable() == null ? "" : data.getValueNullable());
        });
        return outputs;
    }
}
