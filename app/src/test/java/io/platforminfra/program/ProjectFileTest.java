package io.platforminfra.program;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Pulumi.yaml} starts the jar the build produces, so previews and updates never run Maven again.
 */
class ProjectFileTest {

    @Test
    void theJavaRuntimeStartsTheJarThatTheBuildProduces() throws Exception {
        @SuppressWarnings("unchecked")
        var project = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(StageRuns.PROJECT.resolve("Pulumi.yaml")));
        @SuppressWarnings("unchecked")
        var runtime = (Map<String, Object>) project.get("runtime");
        assertThat(runtime).containsEntry("name", "java");
        @SuppressWarnings("unchecked")
        var options = (Map<String, Object>) runtime.get("options");

        // The app module builds the jar into the repository root's target/, where the binary option points.
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(StageRuns.PROJECT.resolve("app/pom.xml").toFile());
        var build = (Element) pom.getDocumentElement().getElementsByTagName("build").item(0);
        var directory = build.getElementsByTagName("directory").item(0).getTextContent();
        var finalName = build.getElementsByTagName("finalName").item(0).getTextContent();
        assertThat(directory).isEqualTo("${project.basedir}/../target");
        assertThat(options).containsEntry("binary", "target/" + finalName + ".jar");
    }
}
