package io.platforminfra.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags every Azure resource of a stage carries, so cost reports, ownership questions and "was this made by
 * hand?" all have an answer in the portal.
 */
public final class StandardTags {
    /** The stack keys whose values become tags, with the tag each becomes, in the order of the tags. */
    static final Map<String, String> TAG_OF_KEY = tagOfKey();

    private StandardTags() {
    }

    private static Map<String, String> tagOfKey() {
        var tags = new LinkedHashMap<String, String>();
        tags.put(StackKeys.OWNER, "owner");
        tags.put(StackKeys.COST_CENTER, "cost-center");
        tags.put(StackKeys.REPOSITORY, "repository");
        return Collections.unmodifiableMap(tags);
    }

    /** {@code stage}, {@code owner}, {@code cost-center}, {@code managed-by=pulumi} and {@code repository}. */
    public static Map<String, String> of(StageConfig config) {
        var tags = new LinkedHashMap<String, String>();
        tags.put("stage", config.stage());
        tags.put("owner", config.owner());
        tags.put("cost-center", config.costCenter());
        // Tells anyone in the portal that a manual change here will be overwritten by the next deployment.
        tags.put("managed-by", "pulumi");
        tags.put("repository", config.repository());
        return tags;
    }

    /** The stack keys whose values become tags, with their values: what a tag limit is reported against. */
    static Map<String, String> sources(StageConfig config) {
        var sources = new LinkedHashMap<String, String>();
        sources.put(StackKeys.OWNER, config.owner());
        sources.put(StackKeys.COST_CENTER, config.costCenter());
        sources.put(StackKeys.REPOSITORY, config.repository());
        return sources;
    }
}
