package io.platforminfra.policy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schemas of the gate's reports, which CI has beside the checkout in {@code ../shared/schemas} (never
 * copied into the repository): SARIF 2.1.0 (OASIS, JSON schema draft-04) and JUnit XML (the Jenkins xUnit plugin's
 * junit-10.xsd, what Azure DevOps' PublishTestResults reads). Reports are parsed with real parsers, then validated.
 */
public final class ReportSchemas {
    private static final Path SCHEMAS = Path.of("").toAbsolutePath().resolve("../shared/schemas").normalize();
    private static Schema sarif;

    private ReportSchemas() {
    }

    /** Parses {@code json} with Gson and validates it against the SARIF 2.1.0 schema; returns the document. */
    public static synchronized JsonObject assertValidSarif(String json) {
        var document = JsonParser.parseString(json).getAsJsonObject();
        if (sarif == null) {
            sarif = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(read(SCHEMAS.resolve("sarif/sarif-schema-2.1.0.json")), InputFormat.JSON);
        }
        assertThat(sarif.validate(json, InputFormat.JSON)).as("SARIF schema errors").isEmpty();
        return document;
    }

    /** Parses {@code xml} as XML 1.0 and validates it against junit-10.xsd; returns the document. */
    public static Document assertValidJUnit(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(SCHEMAS.resolve("junit/junit-10.xsd").toFile())
                    .newValidator().validate(new StreamSource(new StringReader(xml)));
            return document;
        } catch (Exception e) {
            throw new AssertionError("not valid JUnit XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("The schemas are expected in ../shared/schemas beside the checkout", e);
        }
    }
}
