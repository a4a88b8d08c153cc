package io.platforminfra.offline.rules;

import io.platforminfra.azure.AzureTags;
import io.platforminfra.azure.AzureResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Azure Resource Manager's limits on tags, which every resource that takes tags shares. */
final class TagRules {
    private static final String SOURCE = AzureTags.SOURCE;
    private static final int MAX_VALUE_LENGTH = AzureTags.MAX_VALUE_LENGTH;
    private static final int MAX_TAGS = AzureTags.MAX_TAGS;
    private static final int MAX_NAME_LENGTH = AzureTags.MAX_NAME_LENGTH;
    private static final int MAX_STORAGE_NAME_LENGTH = AzureTags.MAX_STORAGE_ACCOUNT_NAME_LENGTH;
    private static final Pattern FORBIDDEN_IN_NAMES = Pattern.compile("[<>%&\\\\?/]");

    private TagRules() {
    }

    static List<AzureRule> all() {
        return List.of(
                new AzureRule("AZ-TAG-001", Set.of(), "a tag value has at most " + MAX_VALUE_LENGTH + " characters",
                        SOURCE, (resource, facts) -> {
                    var breaches = new ArrayList<AzureRule.Breach>();
                    Inputs.map(resource, "tags").forEach((name, value) -> {
                        if (value instanceof String text && text.length() > MAX_VALUE_LENGTH) {
                            var path = "tags." + name;
                            breaches.add(new AzureRule.Breach(path, Inputs.shown(resource, path, abbreviated(text)),
                                    "the value has " + text.length() + " characters"));
                        }
                    });
                    return breaches;
                }),
                new AzureRule("AZ-TAG-002", Set.of(), "a resource carries at most " + MAX_TAGS + " tags", SOURCE,
                        (resource, facts) -> {
                            var tags = Inputs.map(resource, "tags");
                            return tags.size() <= MAX_TAGS ? List.of() : List.of(new AzureRule.Breach("tags",
                                    tags.size() + " tags", "it has " + tags.size()));
                        }),
                new AzureRule("AZ-TAG-003", Set.of(), "a tag name has at most " + MAX_NAME_LENGTH + " characters ("
                        + MAX_STORAGE_NAME_LENGTH + " on storage accounts) and none of < > % & \\ ? /", SOURCE,
                        (resource, facts) -> {
                            var limit = resource.type().equals(AzureResourceType.STORAGE_ACCOUNT.token())
                                    ? MAX_STORAGE_NAME_LENGTH : MAX_NAME_LENGTH;
                            var breaches = new ArrayList<AzureRule.Breach>();
                            for (var name : Inputs.map(resource, "tags").keySet()) {
                                var text = String.valueOf(name);
                                if (text.length() > limit || FORBIDDEN_IN_NAMES.matcher(text).find()) {
                                    breaches.add(new AzureRule.Breach("tags", abbreviated(text), "the tag name '"
                                            + abbreviated(text) + "' has " + text.length() + " characters"
                                            + (FORBIDDEN_IN_NAMES.matcher(text).find() ? " and a forbidden one" : "")));
                                }
                            }
                            return breaches;
                        }));
    }

    /** Long values are shown by their start, so a refusal stays readable. */
    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

}
