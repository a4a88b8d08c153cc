package io.platforminfra.cli;

import com.google.gson.GsonBuilder;
import io.platforminfra.config.EnvironmentType;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StackFileException;
import io.platforminfra.config.StackKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code stages}: the stages of the project, found by their stack files, for pipelines. This is how a new
 * {@code Pulumi.<stage>.yaml} joins previews, releases and drift checks without a pipeline edit.
 */
@Command(name = "stages",
        mixinStandardHelpOptions = true,
        description = {
                "Lists the stages of the project (one per Pulumi.<stage>.yaml), for pipelines.",
                "A stack file without a valid environmentType is an error (exit 2): no stage is ever skipped silently."})
public final class StagesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectDirectory project;

    @Option(names = "--environment-type", paramLabel = "development|production",
            description = "Only the stages of this environment type (the release rings).")
    private String environmentType;

    @Option(names = "--format", defaultValue = "lines", paramLabel = "lines|matrix",
            description = "lines: one stage per line (default); matrix: an Azure Pipelines job matrix as JSON.")
    private Format format;

    /** Output formats. */
    enum Format {
        /** One stage per line. */
        lines,
        /** {@code {"dev": {"stage": "dev"}, ...}}, for {@code strategy: matrix: $[ ... ]}. */
        matrix
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var wanted = environmentType == null ? null : EnvironmentType.fromConfig(environmentType).orElse(null);
        if (environmentType != null && wanted == null) {
            throw new BadInputException("--environment-type must be one of "
                    + String.join(", ", EnvironmentType.configValues()) + " (value: '" + environmentType + "')");
        }
        var selected = new ArrayList<String>();
        var problems = new ArrayList<String>();
        var directory = project.path();
        for (var stage : StackConfiguration.stagesIn(directory)) {
            try {
                var configuration = StackConfiguration.load(directory, stage);
                var value = configuration.values().get(StackKeys.ENVIRONMENT_TYPE);
                var type = EnvironmentType.fromConfig(value);
                if (type.isEmpty()) {
                    problems.add(configuration.stackFile().getFileName() + ": " + StackKeys.ENVIRONMENT_TYPE
                            + " must be one of " + String.join(", ", EnvironmentType.configValues())
                            + " (value: " + (value == null ? "not set" : "'" + value + "'") + ")");
                } else if (wanted == null || type.get() == wanted) {
                    selected.add(stage);
                }
            } catch (StackFileException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(String.join("\n", problems));
        }
        out.print(format == Format.matrix ? matrix(selected) + "\n" : String.join("\n", selected)
                + (selected.isEmpty() ? "" : "\n"));
        return Main.OK;
    }

    private static String matrix(List<String> stages) {
        var matrix = new LinkedHashMap<String, Map<String, String>>();
        stages.forEach(stage -> matrix.put(stage, Map.of("stage", stage)));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(matrix);
    }
}
