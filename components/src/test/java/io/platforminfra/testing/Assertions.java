package io.platforminfra.testing;

import io.platforminfra.components.validation.InvalidSettingsException;
import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Validatable;
import io.platforminfra.offline.RegisteredResource;
import io.platforminfra.offline.RunResult;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions shared by component and program tests.
 */
public final class Assertions {
    private Assertions() {
    }

    /** The run finished without exceptions or error diagnostics. */
    public static void assertSucceeded(RunResult run) {
        assertThat(run.succeeded()).as(run.failures()).isTrue();
    }

    /**
     * The run failed with an {@code exceptionType} whose message contains every line of {@code expectedLines},
     * and registered no cloud resource.
     */
    public static void assertRejectedBeforeRegistering(RunResult run, Class<? extends Exception> exceptionType,
                                                       String... expectedLines) {
        assertThat(run.succeeded()).as("the run should fail").isFalse();
        assertThat(run.customResources()).as("no cloud resource may be registered").isEmpty();
        var messages = run.result().exceptions().stream()
                .map(e -> e.getCause() != null && exceptionType.isInstance(e.getCause()) ? e.getCause() : e)
                .filter(exceptionType::isInstance)
                .map(Throwable::getMessage)
                .collect(Collectors.joining("\n"));
        assertThat(messages).as("message of the " + exceptionType.getSimpleName()).contains(expectedLines);
    }

    /**
     * {@code settings} report a problem at {@code field}, and {@code run}, which deploys them in {@code component}
     * (such as {@code Database 'database'}), fails with the component's invalid settings naming that field, having
     * registered no cloud resource.
     */
    public static void assertInvalidSettingRefused(Validatable settings, String field, RunResult run,
                                                   String component) {
        assertThat(settings.problems()).extracting(Problem::field).contains(field);
        assertRejectedBeforeRegistering(run, InvalidSettingsException.class, component + " has invalid settings",
                field + " must");
    }

    /** Every resource registered inside the component {@code componentUrn} has it as parent. */
    public static void assertAllParentedTo(RunResult run, String componentType) {
        var component = run.single(componentType);
        var children = run.where(r -> !r.urn().equals(component.urn()) && !r.type().equals("pulumi:pulumi:Stack"));
        assertThat(children).isNotEmpty();
        assertThat(children).allSatisfy(child ->
                assertThat(child.parentUrn()).as(child.name() + "'s parent").isEqualTo(component.urn()));
    }

    /** The distinct type tokens of the run's cloud resources. */
    public static Set<String> typesOf(RunResult run) {
        return run.customResources().stream().map(RegisteredResource::type).collect(Collectors.toSet());
    }
}
