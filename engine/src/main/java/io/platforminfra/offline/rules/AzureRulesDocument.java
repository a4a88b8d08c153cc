package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureResourceType;

import java.util.stream.Collectors;

/**
 * {@code docs/azure-rules.md}, generated from {@link AzureRules#ALL} ({@code plan --azure-rules}), so the list of
 * what the offline engine refuses cannot drift from the engine; a test fails when the file is out of date.
 */
public final class AzureRulesDocument {
    private AzureRulesDocument() {
    }

    /** The document. */
    public static String render() {
        return """
                # Azure's rules in the offline engine

                <!-- Generated from engine/src/main/java/io/platforminfra/offline/rules: do not edit by hand.
                     Regenerate with: java -jar target/platform-infra.jar plan --azure-rules > docs/azure-rules.md -->

                Pulumi's mock engine accepts any input, so `plan` and `check` would happily show a stage that Azure
                refuses on the first `pulumi up`. After the program has run, the engine therefore applies the rules
                below, each as Azure (or the azure-native provider) documents it, to every resource the stage
                registers. A stage that breaks one is refused (exit 2) with the resource, the property, the value,
                the rule and its source; nothing is planned. They are Azure's rules, not our policy: they cannot be
                waived (the policy gate and its waivers are in docs/policies.md). Why each exists is told in
                docs/deploy-fidelity.md; where a source could not be checked the rule says so.

                | Rule | Azure requires that … | Resource types | Source |
                | --- | --- | --- | --- |
                %s
                """.formatted(AzureRules.ALL.stream().map(rule -> "| " + rule.id() + " | " + rule.rule() + " | "
                        + (rule.types().isEmpty() ? "every type" : rule.types().stream().map(AzureResourceType::token)
                        .sorted().map(type -> "`" + type + "`").collect(Collectors.joining(", "))) + " | "
                        + rule.source().replace("|", "\\|") + " |")
                .collect(Collectors.joining("\n")));
    }
}
