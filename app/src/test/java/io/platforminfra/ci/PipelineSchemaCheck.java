package io.platforminfra.ci;

import com.google.gson.Gson;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CI check: validates the pipeline files against the official Azure Pipelines YAML schema, as Azure DevOps would
 * read them. No Azure DevOps runs here, so without this a pipeline it would refuse is found only after merge. The
 * schema is not part of the repository; CI passes its path (see {@code .ci/run}).
 *
 * <p>Every YAML scalar is read as text (the failsafe schema) and types are compared loosely, because the schema
 * types some job fields as strings that YAML would read as numbers or booleans.
 */
public final class PipelineSchemaCheck {
    /** Errors shown per file: one wrong key can produce thousands through the schema's anyOf branches. */
    private static final int SHOWN = 15;

    private PipelineSchemaCheck() {
    }

    /**
     * @param args the schema file, then the pipeline files
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PipelineSchemaCheck <service-schema.json> <pipeline.yml>...");
            System.exit(2);
        }
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().typeLoose(true).build()))
                .getSchema(Files.readString(Path.of(args[0])), InputFormat.JSON);
        var failed = false;
        for (var file : List.of(args).subList(1, args.length)) {
            var errors = schema.validate(asJson(Path.of(file)), InputFormat.JSON);
            if (errors.isEmpty()) {
                System.out.println(file + " conforms to the Azure Pipelines schema");
            } else {
                failed = true;
                errors.stream().limit(SHOWN).map(Error::toString).forEach(e -> System.err.println(file + ": " + e));
                if (errors.size() > SHOWN) {
                    System.err.println(file + ": ... " + (errors.size() - SHOWN) + " more");
                }
            }
        }
        if (failed) {
            System.exit(1);
        }
    }

    /**
     * The file as JSON. A variables template (only {@code variables}, maybe {@code parameters}) is not a pipeline by
     * itself; it is checked as the variables section of a minimal pipeline, which is how Azure DevOps uses it.
     */
    @SuppressWarnings("unchecked")
    private static String asJson(Path file) throws IOException {
        var yaml = new Load(LoadSettings.builder().setSchema(new FailsafeSchema()).build())
                .loadFromString(Files.readString(file));
        if (yaml instanceof Map<?, ?> map && map.containsKey("variables")
                && Set.of("variables", "parameters").containsAll(map.keySet())) {
            var pipeline = new LinkedHashMap<>((Map<String, Object>) map);
            pipeline.put("steps", List.of(Map.of("script", "true")));
            yaml = pipeline;
        }
        return new Gson().toJson(yaml);
    }
}
