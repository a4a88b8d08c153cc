package io.platforminfra.program;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point one way: cli -> plan -> program -> components, and the offline engine stands apart; cli ->
 * report, which reads the real CLI's preview JSON and shares only the plan's value markers. The component library
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

    @Test
    void componentsNeverDependOnTheStackProgramOrTheOfflineTools() {
        noClasses().that().resideInAPackage("io.platforminfra.components..")
                .should().dependOnClassesThat().resideInAnyPackage("io.platforminfra.program..",
                        "io.platforminfra.offline..", "io.platforminfra.plan..", "io.platforminfra.cli..")
                .check(CLASSES);
    }

    @Test
    void theOfflineEngineKnowsNothingOfThisPlatform() {
        noClasses().that().resideInAPackage("io.platforminfra.offline..")
                .should().dependOnClassesThat().resideInAnyPackage("io.platforminfra.components..",
                        "io.platforminfra.program..", "io.platforminfra.plan..", "io.platforminfra.cli..")
                .check(CLASSES);
    }

    @Test
    void theStackProgramNeverDependsOnTheOfflineTools() {
        noClasses().that().resideInAPackage("io.platforminfra.program..")
                .should().dependOnClassesThat().resideInAnyPackage("io.platforminfra.offline..",
                        "io.platforminfra.plan..", "io.platforminfra.cli..")
                .check(CLASSES);
    }

    @Test
    void thePreviewReportReadsOnlyWhatTheRealCliPrints() {
        noClasses().that().resideInAPackage("io.platforminfra.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.platforminfra.components..",
                        "io.platforminfra.program..", "io.platforminfra.offline..", "io.platforminfra.cli..",
                        "com.pulumi..")
                .check(CLASSES);
    }

    @Test
    void thePolicyRulesStandAloneSoBothEntryPointsShareThem() {
        noClasses().that().resideInAPackage("io.platforminfra.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.platforminfra.components..",
                        "io.platforminfra.program..", "io.platforminfra.offline..", "io.platforminfra.plan..",
                        "io.platforminfra.cli..", "com.pulumi..")
                .check(CLASSES);
    }

    @Test
    void onlyTheOfflineEngineUsesTheSdksInternalTestApi() {
        noClasses().that().resideOutsideOfPackage("io.platforminfra.offline..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi.test.internal..")
                .check(CLASSES);
    }
}
