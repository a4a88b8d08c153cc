package io.platforminfra.offline.rules;

import io.platforminfra.structure.SecretText;
import io.platforminfra.offline.RegisteredResource;

/**
 * A resource that Azure would refuse, with the rule it breaks.
 *
 * @param rule     the rule
 * @param resource the resource as the program registered it
 * @param breach   the property, its value and the specific fact
 */
public record AzureRuleBreach(AzureRule rule, RegisteredResource resource, AzureRule.Breach breach) {

    /** One line for a person: the resource, the property and value, Azure's rule and its source. */
    public String describe() {
        var value = breach.value() instanceof RegisteredResource.Secret ? SecretText.MARK : String.valueOf(breach.value());
        return "resource '" + resource.name() + "' (" + resource.type() + "): " + breach.property() + " = " + value
                + " would be refused by Azure: " + breach.detail() + ". Rule " + rule.id() + ": " + rule.rule()
                + " (source: " + rule.source() + ")";
    }
}
