package io.platforminfra.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tags every Azure resource of a stage carries, so cost reports, ownership questions and "was this made by
 * hand?" all have an answer in the portal.
 */
public final class StandardTags {
    /**
     * A stack key whose value becomes a tag: which key, which tag, and where the validated configuration holds it.
     *
     * @param key   the stack config key, such as {@code platform-infra:owner}
     * @param tag   the tag it becomes, such as {@code owner}
     * @param value its value in a stage's configuration
     */
    record TaggedKey(String key, String tag, Function<StageConfig, String> value) {
    }

    /** The stack keys whose values become tags, in the order of the tags. */
    static final List<TaggedKey> TAGGED_KEYS = List.of(
            new TaggedKey(StackKeys.OWNER, "owner", StageConfig::owner),
            new TaggedKey(StackKeys.COST_CENTER, "cost-center", StageConfig::costCenter),
            new TaggedKey(StackKeys.REPOSITORY, "repository", StageConfig::repository));

    private StandardTags() {
    }

    /** {@code stage}, {@code owner}, {@code cost-center}, {@code managed-by=pulumi} and {@code repository}. */
    public static Map<String, String> of(StageConfig config) {
        var tags = new LinkedHashMap<String, String>();
        tags.put("stage", config.stage());
        TAGGED_KEYS.forEach(tagged -> tags.put(tagged.tag(), tagged.value().apply(config)));
        // Tells anyone in the portal that a manual change here will be overwritten by the next deployment.
        tags.put("managed-by", "pulumi");
        return tags;
    }
}
