package io.platforminfra.offline.rules;

import io.platforminfra.offline.RegisteredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every rule of Azure's that the offline engine models, by area. {@code plan} (and the gate before every real run)
 * refuses a stage whose resources break one, naming the resource, the property, the rule and its source, before
 * anything is created.
 */
public final class AzureRules {
    /** Every rule, in the order refusals list them. */
    public static final List<AzureRule> ALL = Stream.of(NameRules.all(), TagRules.all(),
                    KubernetesServiceRules.all(), PostgresRules.all(), StorageRules.all(), AuthorizationRules.all())
            .flatMap(List::stream).toList();

    private AzureRules() {
    }

    /** Every breach of every rule by the cloud resources among {@code resources}. */
    public static List<AzureRuleBreach> evaluate(List<RegisteredResource> resources, DeploymentFacts facts) {
        var breaches = new ArrayList<AzureRuleBreach>();
        for (var resource : resources) {
            if (!resource.custom() || !resource.type().startsWith("azure-native:")) {
                continue;
            }
            for (var rule : ALL) {
                if (rule.appliesTo(resource.type())) {
                    rule.check().evaluate(resource, facts)
                            .forEach(breach -> breaches.add(new AzureRuleBreach(rule, resource, breach)));
                }
            }
        }
        return breaches;
    }
}
