package io.platforminfra.policy;

import io.platforminfra.plan.Planner;
import io.platforminfra.plan.PolicyTargets;
import io.platforminfra.config.StackConfiguration;

import io.platforminfra.testing.TestDates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Policy targets of the repository's stages, planned once per test run, and ways to change them for a test.
 */
final class PolicyTargetsOfStages {
    private static final Map<String, PolicyTarget> PLANNED = new ConcurrentHashMap<>();

    private PolicyTargetsOfStages() {
    }

    /** The policy target of the repository's stage {@code stage}. */
    static PolicyTarget of(String stage) {
        return PLANNED.computeIfAbsent(stage, s -> PolicyTargets.of(
                Planner.plan(StackConfiguration.load(Path.of("").toAbsolutePath(), s), TestDates.AS_OF)));
    }

    /** {@code target} with the input at {@code path} of the first resource of {@code type} set to {@code value}. */
    static PolicyTarget withInput(PolicyTarget target, String type, String path, Object value) {
        return changeFirst(target, r -> r.type().equals(type), r -> new PolicyResource(r.type(), r.name(), r.urn(),
                set(r.inputs(), path.split("\\."), 0, value), r.protect(), r.provider(), r.dependencies()));
    }

    /** {@code target} without the resources matching {@code unwanted}. */
    static PolicyTarget without(PolicyTarget target, Predicate<PolicyResource> unwanted) {
        return new PolicyTarget(target.stage(), target.stackFile(), target.production(), target.asOf(),
                target.resources().stream().filter(unwanted.negate()).toList());
    }

    /** {@code target} with {@code resource} added. */
    static PolicyTarget with(PolicyTarget target, PolicyResource resource) {
        var resources = new ArrayList<>(target.resources());
        resources.add(resource);
        return new PolicyTarget(target.stage(), target.stackFile(), target.production(), target.asOf(), resources);
    }

    /** {@code target} with the first resource matching {@code which} replaced by {@code change} of it. */
    static PolicyTarget changeFirst(PolicyTarget target, Predicate<PolicyResource> which,
                                    java.util.function.UnaryOperator<PolicyResource> change) {
        var resources = new ArrayList<>(target.resources());
        for (int i = 0; i < resources.size(); i++) {
            if (which.test(resources.get(i))) {
                resources.set(i, change.apply(resources.get(i)));
                return new PolicyTarget(target.stage(), target.stackFile(), target.production(), target.asOf(), resources);
            }
        }
        throw new AssertionError("no resource to change in stage " + target.stage());
    }

    /** A copy of {@code map} with {@code value} at the path (a null value removes the entry). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> set(Map<String, Object> map, String[] path, int index, Object value) {
        var copy = new LinkedHashMap<>(map);
        var key = path[index];
        if (index == path.length - 1) {
            if (value == null) {
                copy.remove(key);
            } else {
                copy.put(key, value);
            }
        } else if (copy.get(key) instanceof List<?> list) {
            var items = new ArrayList<Object>(list);
            var item = Integer.parseInt(path[index + 1]);
            items.set(item, index + 1 == path.length - 1 ? value
                    : set((Map<String, Object>) items.get(item), path, index + 2, value));
            copy.put(key, items);
        } else {
            var inner = copy.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
            copy.put(key, set(inner, path, index + 1, value));
        }
        return copy;
    }
}
