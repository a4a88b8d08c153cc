package io.platforminfra.cli;

import io.platforminfra.offline.rules.AzureRulesDocument;
import io.platforminfra.plan.PlanJson;
import io.platforminfra.plan.PlanText;
import io.platforminfra.plan.Planner;
import io.platforminfra.plan.StageComparison;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code plan}: what stages would create, without the Pulumi CLI or Azure credentials. Runs the real stack program
 * as a preview under the in-process mock engine, with each stage's config loaded as Pulumi loads it.
 */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        description = {
                "Shows what a stage would create, offline: the real program in preview mode under Pulumi's mock engine.",
                "Values Azure computes show as (known after apply), secrets as [secret].",
                "Exit codes: 0 planned, 2 a stack file or an option is wrong (every problem listed), 1 a bug."})
public final class PlanCommand extends OfflineStageCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    private Stages stages;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text for people (default), json for tools: one document with every resource's type, name, "
                    + "URN, parent, provider, dependencies and inputs.")
    private Format format;

    /** Which stages to plan: named, all, or some to compare. */
    static final class Stages extends StageSelection {
        @Option(names = "--compare", split = ",", paramLabel = "<stage>,<stage>[,<stage>...]", hideParamSyntax = true,
                description = "Show, per resource, the settings that differ between these stages (for example dev,prod).")
        private List<String> compared = new ArrayList<>();

        @Option(names = "--azure-rules", description = "Print the Azure rules the offline engine applies as Markdown"
                + " (the source of docs/azure-rules.md).")
        private boolean azureRules;
    }

    /** Output formats. */
    enum Format {
        /** For people. */
        text,
        /** For tools. */
        json
    }

    @Override
    public Integer call() {
        if (stages.azureRules) {
            return printDocument(AzureRulesDocument.render());
        }
        var directory = project.path();
        var names = !stages.compared.isEmpty() ? StageSelection.distinct("--compare", stages.compared)
                : stages.stages(directory);
        if (!stages.compared.isEmpty() && stages.compared.size() < 2) {
            throw new BadInputException("--compare needs at least two stages, such as --compare dev,prod");
        }
        var plans = EachStage.apply(directory, names, configuration -> Planner.plan(configuration, day.date()));
        if (!stages.compared.isEmpty()) {
            out().print(format == Format.json ? StageComparison.of(plans).json() : StageComparison.of(plans).text());
        } else if (format == Format.json) {
            out().println(plans.size() == 1 ? PlanJson.render(plans.get(0)) : PlanJson.render(plans));
        } else {
            out().print(String.join("\n", plans.stream().map(PlanText::render).toList()));
        }
        return Main.OK;
    }
}
