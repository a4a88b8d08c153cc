package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureResourceType;

import java.util.List;
import java.util.Set;

/** Azure's rules for resource names, per resource type ({@link AzureResourceType#naming()}). */
final class NameRules {
    private NameRules() {
    }

    static List<AzureRule> all() {
        return List.of(new AzureRule("AZ-NAME-001", Set.of(), "a resource's name follows its type's length and"
                + " character rules", "\"Naming rules and restrictions for Azure resources\" (Microsoft Learn,"
                + " azure-resource-manager/management/resource-name-rules)",
                (resource, facts) -> AzureResourceType.of(resource.type()).flatMap(AzureResourceType::naming)
                        .flatMap(rules -> {
                            var input = AzureResourceType.azureNameInputOf(resource.type());
                            return Inputs.text(resource, input).filter(name -> !rules.accepts(name))
                                    .map(name -> new AzureRule.Breach(input, name, "it must " + rules.rule()));
                        })
                        .map(List::of).orElse(List.of())));
    }
}
