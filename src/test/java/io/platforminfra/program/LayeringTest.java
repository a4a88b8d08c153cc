package io.platforminfra.program;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The component library is reusable by other teams only if it never depends on this stack program.
 */
class LayeringTest {
    @Test
    void componentsNeverDependOnTheStackProgram() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.platforminfra");
        noClasses().that().resideInAPackage("io.platforminfra.components..")
                .should().dependOnClassesThat().resideInAPackage("io.platforminfra.program..")
                .check(classes);
    }
}
