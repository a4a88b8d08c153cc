package io.platforminfra.ci;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CI check: validates {@code Pulumi.yaml} against the JSON schema the Pulumi CLI enforces. No CLI runs here, so
 * without this a project file the CLI would refuse is found only in the pipeline. The schema is not part of the
 * repository; CI passes its path (see {@code .ci/run}).
 */
public final class ProjectFileSchemaCheck {
    private ProjectFileSchemaCheck() {
    }

    /**
     * @param args the schema file, then the project file
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ProjectFileSchemaCheck <project.json schema> <Pulumi.yaml>");
            System.exit(2);
        }
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of(args[0])), InputFormat.JSON);
        var errors = schema.validate(Files.readString(Path.of(args[1])), InputFormat.YAML);
        if (!errors.isEmpty()) {
            errors.forEach(e -> System.err.println(args[1] + ": " + e));
            System.exit(1);
        }
        System.out.println(args[1] + " conforms to the Pulumi project schema");
    }
}
