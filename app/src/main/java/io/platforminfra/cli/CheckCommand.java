package io.platforminfra.cli;

import io.platforminfra.azure.VersionDocument;
import io.platforminfra.plan.Planner;
import io.platforminfra.plan.StagePolicy;
import io.platforminfra.policy.JUnitReport;
import io.platforminfra.policy.KeyLocations;
import io.platforminfra.policy.PolicyDocument;
import io.platforminfra.policy.PolicyText;
import io.platforminfra.policy.SarifReport;
import io.platforminfra.policy.StageVerdict;
import io.platforminfra.config.StackFileException;
import io.platforminfra.config.StackKeyLocations;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check}: the security policy gate. Plans each stage offline and evaluates every policy rule against the
 * planned resources, with the stage's waivers.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
                "Evaluates the security policy rules (docs/policies.md) against what stages would create, offline.",
                "Exit codes: 0 no mandatory violation, 1 a mandatory violation (or a bug), 2 a stack file or an option is wrong."})
public final class CheckCommand extends OfflineStageCommand {
    /** Exit code of a mandatory violation. */
    static final int VIOLATED = 1;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Stages stages;

    @Option(names = "--sarif", paramLabel = "<file>", description = "Also write the result as SARIF 2.1.0.")
    private Path sarif;

    @Option(names = "--junit", paramLabel = "<file>", description = "Also write the result as JUnit XML.")
    private Path junit;

    /** Which stages to check, or the rules themselves. */
    static final class Stages extends StageSelection {
        @Option(names = "--rules", description = "Print every rule as Markdown (the source of docs/policies.md).")
        private boolean rules;

        @Option(names = "--versions", description = "Print the dated table of supported Kubernetes and PostgreSQL"
                + " versions as Markdown (the source of docs/versions.md).")
        private boolean versions;
    }

    private static Map<String, Path> orderedMap(String option, Path path, String otherOption, Path otherPath) {
        var map = new LinkedHashMap<String, Path>();
        map.put(option, path);
        map.put(otherOption, otherPath);
        return map;
    }

    /** Where the keys of each stage's stack file are written, by stage; none for a file that cannot be read again. */
    private static Map<String, KeyLocations> keyLocations(Path directory, List<StageVerdict> verdicts) {
        var locations = new LinkedHashMap<String, KeyLocations>();
        for (var verdict : verdicts) {
            try {
                locations.put(verdict.target().stage(),
                        StackKeyLocations.of(directory.resolve(verdict.target().stackFile())));
            } catch (StackFileException e) {
                // Read a moment ago; changed since. The results are still right, only without their lines.
                locations.put(verdict.target().stage(), KeyLocations.NONE);
            }
        }
        return locations;
    }

    @Override
    public Integer call() {
        if (stages.rules) {
            return printDocument(PolicyDocument.render());
        }
        if (stages.versions) {
            return printDocument(VersionDocument.render());
        }
        var today = day.date();
        var directory = project.path();
        var outputs = OutputFiles.of(orderedMap("--sarif", sarif, "--junit", junit))
                .refuseUnusable(List.of(), directory);
        var names = stages.stages(directory);
        var clock = day.clock();
        var timings = new LinkedHashMap<String, JUnitReport.Timing>();
        var verdicts = EachStage.apply(directory, names, configuration -> {
            var started = clock.instant();
            var verdict = StagePolicy.verdict(Planner.plan(configuration, today));
            timings.put(verdict.target().stage(),
                    new JUnitReport.Timing(started, Duration.between(started, clock.instant())));
            return verdict;
        });
        out().print(String.join("\n", verdicts.stream().map(v -> PolicyText.render(v, today)).toList()));
        if (sarif != null) {
            outputs.write("--sarif", SarifReport.render(verdicts, keyLocations(directory, verdicts),
                    VersionProvider.version()));
        }
        if (junit != null) {
            outputs.write("--junit", JUnitReport.render(verdicts, timings));
        }
        return verdicts.stream().allMatch(StageVerdict::passes) ? Main.OK : VIOLATED;
    }
}
