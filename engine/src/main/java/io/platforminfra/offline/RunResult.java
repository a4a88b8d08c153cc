package io.platforminfra.offline;

import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a mocked run registered and raised, with lookups that let tests read like specifications.
 *
 * @param result    the SDK's result (exit code, exceptions, errors, stack outputs)
 * @param resources every registered resource, components and providers included, in registration order
 */
public record RunResult(TestResult result, List<RegisteredResource> resources) {

    /** Whether the program finished without exception and without error diagnostics. */
    public boolean succeeded() {
        return result.exitCode() == 0 && result.exceptions().isEmpty() && result.errors().isEmpty();
    }

    /** A readable account of what went wrong, for assertion messages. */
    public String failures() {
        return "exit " + result.exitCode() + ", exceptions " + result.exceptions() + ", errors " + result.errors();
    }

    /** Resources of type {@code token}. */
    public List<RegisteredResource> ofType(String token) {
        return where(r -> r.type().equals(token));
    }

    /** Resources matching {@code filter}. */
    public List<RegisteredResource> where(Predicate<RegisteredResource> filter) {
        return resources.stream().filter(filter).toList();
    }

    /** The one resource of type {@code token}; fails when there is not exactly one. */
    public RegisteredResource single(String token) {
        var matches = ofType(token);
        if (matches.size() != 1) {
            throw new IllegalStateException("Expected one " + token + " but found " + matches.size() + ": "
                    + matches.stream().map(RegisteredResource::name).toList());
        }
        return matches.get(0);
    }

    /** The resource with Pulumi name {@code name}. */
    public Optional<RegisteredResource> named(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Cloud resources (not components, not the stack). */
    public List<RegisteredResource> customResources() {
        return where(RegisteredResource::custom);
    }

    /** Data of stack output {@code name}: its value, whether it is known and whether it is secret. */
    public OutputData<Object> output(String name) {
        Output<Object> output = result.output(name);
        return PulumiTestInternal.extractOutputData(output);
    }
}
