package io.platforminfra.program;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Dependencies point one way: cli -> plan -> program -> config -> components, and the offline engine stands apart; cli ->
 * report, which reads the real CLI's preview JSON and shares only the value markers (vocabulary) and the actions
 * (change) with the plan. The component library
 * is reusable by other teams only if it never depends on this stack program or its tools.
 *
 * <p>Between modules the compiler enforces this already (the components and engine modules cannot see the app,
 * and neither sees the other's main code); these rules keep the arrows inside the app, and stay as a second net.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The other modules' test helpers reach the app's tests as test jars, which the option above misses.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.platforminfra");

    /** Each layer by its packages (separated by ", "), with the packages it must never depend on. */
    static Stream<Arguments> layers() {
        return Stream.of(
                arguments("components never depend on the stack program or the offline tools",
                        "io.platforminfra.components..", List.of("io.platforminfra.program..",
                                "io.platforminfra.offline..", "io.platforminfra.plan..", "io.platforminfra.cli..")),
                arguments("the offline engine knows nothing of this platform", "io.platforminfra.offline..",
                        List.of("io.platforminfra.components..", "io.platforminfra.program..",
                                "io.platforminfra.plan..", "io.platforminfra.cli..")),
                arguments("the shared part of the library never depends on one component",
                        "io.platforminfra.components.validation.., io.platforminfra.components.base.., "
                                + "io.platforminfra.components.access.., io.platforminfra.components.attach..",
                        List.of("io.platforminfra.components.aks..", "io.platforminfra.components.database..",
                                "io.platforminfra.components.monitoring..", "io.platforminfra.components.network..",
                                "io.platforminfra.components.secretstore..", "io.platforminfra.components.storage..")),
                arguments("a stage's configuration is read without the program that deploys it",
                        "io.platforminfra.config..", List.of("io.platforminfra.program..",
                                "io.platforminfra.offline..", "io.platforminfra.plan..", "io.platforminfra.cli..")),
                arguments("the stack program never depends on the offline tools", "io.platforminfra.program..",
                        List.of("io.platforminfra.offline..", "io.platforminfra.plan..", "io.platforminfra.cli..")),
                // Neither the plan: it runs on the offline engine. What the report shares with it, the value
                // markers and the actions, lives in vocabulary's ShownValues and in the change package.
                arguments("the preview report reads only what the real CLI prints", "io.platforminfra.report..",
                        List.of("io.platforminfra.components..", "io.platforminfra.program..",
                                "io.platforminfra.offline..", "io.platforminfra.plan..", "io.platforminfra.cli..",
                                "com.pulumi..")),
                arguments("the drift check reads only what the real CLI prints", "io.platforminfra.drift..",
                        List.of("io.platforminfra.components..", "io.platforminfra.program..",
                                "io.platforminfra.offline..", "io.platforminfra.plan..", "io.platforminfra.cli..",
                                "com.pulumi..")),
                arguments("the policy rules stand alone so both entry points share them", "io.platforminfra.policy..",
                        List.of("io.platforminfra.components..", "io.platforminfra.program..",
                                "io.platforminfra.offline..", "io.platforminfra.plan..", "io.platforminfra.cli..",
                                "com.pulumi..")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void aLayerNeverDependsOnThePackagesItMustNotKnow(String rule, String layer, List<String> forbidden) {
        noClasses().that().resideInAnyPackage(layer.split(", "))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void onlyTheOfflineEngineUsesTheSdksInternalTestApi() {
        noClasses().that().resideOutsideOfPackage("io.platforminfra.offline..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi.test.internal..")
                .check(CLASSES);
    }
}
