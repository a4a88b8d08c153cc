package io.platforminfra.program;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Pulumi.yaml} starts the jar the build produces, so previews and updates never run Maven again.
 */
class ProjectFileTest {

    @Test
    void theJavaRuntimeStartsTheJarThatTheBuildProduces() throws Exception {
        Map<String, Object> runtime = ProjectFile.at("runtime");
        assertThat(runtime).containsEntry("name", "java");
        Map<String, Object> options = ProjectFile.at("runtime", "options");

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
