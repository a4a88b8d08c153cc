package io.platforminfra.drift;

import io.platforminfra.report.PropertyPath;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One reviewed entry of the ignore list: a property of a resource type whose refresh diff is known provider noise.
 *
 * @param number   the entry's position in the file, from 1, for messages
 * @param type     the resource type token, such as {@code azure-native:containerservice:ManagedCluster}
 * @param property the property path as written, such as {@code agentPoolProfiles[*].count}
 * @param segments the path's keys, indexes and {@link PropertyPath#ANY_INDEX}
 * @param issue    the upstream issue that describes the noise
 * @param why      why the noise is harmless, in the reviewer's words
 * @param expires  the day from which the entry no longer hides anything, if any
 */
public record IgnoreEntry(int number, String type, String property, List<Object> segments, URI issue, String why,
                          Optional<LocalDate> expires) {

    public IgnoreEntry {
        segments = List.copyOf(segments);
    }

    /** Whether the entry still hides its property on {@code day}: it has not expired. */
    public boolean activeOn(LocalDate day) {
        return expires.map(day::isBefore).orElse(true);
    }

    /**
     * Whether the entry covers the changed property {@code path} of a resource of {@code type}: same type, and the
     * entry's path is the path or one of its parents ({@code networkRuleSet.ipRules} covers
     * {@code networkRuleSet.ipRules[0].value}); {@code [*]} stands for any index.
     */
    public boolean covers(String type, String path) {
        if (!this.type.equals(type)) {
            return false;
        }
        var changed = PropertyPath.segments(path).orElse(List.of());
        if (changed.size() < segments.size()) {
            return false;
        }
        for (var i = 0; i < segments.size(); i++) {
            var pattern = segments.get(i);
            var actual = changed.get(i);
            var matches = pattern == PropertyPath.ANY_INDEX ? actual instanceof Integer : pattern.equals(actual);
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** {@code entry 2 (azure-native:storage:StorageAccount networkRuleSet.ipRules)}. */
    public String label() {
        return "entry " + number + " (" + type + " " + property + ")";
    }
}
