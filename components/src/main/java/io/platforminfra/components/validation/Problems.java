package io.platforminfra.components.validation;

import io.platforminfra.azure.IpRanges;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects every {@link Problem} found while validating settings, so that all of them are reported at once.
 */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();
    private final Map<String, String> accepted = new LinkedHashMap<>();

    /** Records a problem with {@code field} unless {@code ok} holds. Returns {@code ok} for chaining checks. */
    public boolean check(boolean ok, String field, Object value, String expectation) {
        if (!ok) {
            found.add(new Problem(field, value, expectation));
        }
        return ok;
    }

    /** Checks that a whole number lies in {@code [min, max]}. */
    public boolean inRange(String field, int value, int min, int max) {
        accepted.put(field, "whole number, " + min + " to " + max);
        return check(value >= min && value <= max, field, value, "be between " + min + " and " + max);
    }

    /** Checks that a value is one of {@code allowed} (compared exactly, as Azure does). */
    public boolean oneOf(String field, String value, Collection<String> allowed) {
        accepted.put(field, "one of " + allowed.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
        return check(value != null && allowed.contains(value), field, value, "be one of " + String.join(", ", allowed));
    }

    /** Checks that a whole number is one of {@code allowed}. */
    public boolean oneOf(String field, int value, List<Integer> allowed) {
        accepted.put(field, "whole number, one of " + allowed.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")));
        return check(allowed.contains(value), field, value, "be one of " + allowed);
    }

    /** Checks that a value is the spelling of one of a closed {@code choice}'s constants. */
    public boolean oneOf(String field, String value, Choice<?> choice) {
        return oneOf(field, value, choice.spellings());
    }

    /** Checks each element of a list with {@code test}; problems name the element's index. */
    public <T> void each(String field, List<T> values, Predicate<T> test, String expectation) {
        accepted.merge(field, "list; each must " + expectation, (first, next) -> first + "; and " + expectation);
        for (int i = 0; i < values.size(); i++) {
            check(test.test(values.get(i)), field + "[" + i + "]", values.get(i), expectation);
        }
    }

    /**
     * Checks each element of a list of IPv4 addresses or CIDR ranges with {@link IpRanges#problem}, the one reading
     * of a range; problems name the element's index and say why the value is not one.
     */
    public void ipRanges(String field, List<String> values) {
        accepted.put(field, "list of IPv4 addresses and CIDR ranges ([IP ranges](#ip-ranges))");
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            var index = i;
            IpRanges.problem(value).ifPresent(why -> found.add(new Problem(field + "[" + index + "]", value, why)));
        }
    }

    /**
     * What each field checked with {@link #inRange}, {@link #oneOf}, {@link #each} or {@link #ipRanges} accepts,
     * whatever its value, in Markdown: the closed choices and ranges the generated reference (docs/configuration.md)
     * lists, taken from the checks themselves so the documentation cannot promise another range than the one
     * enforced.
     */
    public Map<String, String> accepted() {
        return Collections.unmodifiableMap(accepted);
    }

    /** The problems found so far, in the order they were found. */
    public List<Problem> list() {
        return List.copyOf(found);
    }
}
