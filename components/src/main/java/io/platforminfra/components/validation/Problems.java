package io.platforminfra.components.validation;

import io.platforminfra.azure.IpRanges;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Collects every {@link Problem} found while validating settings, so that all of them are reported at once; and
 * every rule the checks applied, so that the documentation lists what is enforced ({@link #rules()}).
 */
public final class Problems {
    /** A list index in a field's path, such as {@code [2]} in {@code userPools[2].name}. */
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private final List<Problem> found = new ArrayList<>();
    /** Every rule a check applied, by field (list indices as {@code []}), whatever the value. */
    private final Map<String, Set<String>> rules = new LinkedHashMap<>();

    /** Records a problem with {@code field} unless {@code ok} holds. Returns {@code ok} for chaining checks. */
    public boolean check(boolean ok, String field, Object value, String expectation) {
        rule(field, "must " + expectation);
        return record(ok, field, value, expectation);
    }

    /** Checks that a whole number lies in {@code [min, max]}. */
    public boolean inRange(String field, int value, int min, int max) {
        rule(field, min + " to " + max);
        return record(value >= min && value <= max, field, value, "be between " + min + " and " + max);
    }

    /** Checks that a value is one of {@code allowed} (compared exactly, as Azure does). */
    public boolean oneOf(String field, String value, Collection<String> allowed) {
        rule(field, "one of " + allowed.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
        return record(value != null && allowed.contains(value), field, value,
                "be one of " + String.join(", ", allowed));
    }

    /** Checks that a whole number is one of {@code allowed}. */
    public boolean oneOf(String field, int value, List<Integer> allowed) {
        rule(field, "one of " + allowed.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        return record(allowed.contains(value), field, value, "be one of " + allowed);
    }

    /** Checks that a value is the spelling of one of a closed {@code choice}'s constants. */
    public boolean oneOf(String field, String value, Choice<?> choice) {
        return oneOf(field, value, choice.spellings());
    }

    /** Checks each element of a list with {@code test}; problems name the element's index. */
    public <T> void each(String field, List<T> values, Predicate<T> test, String expectation) {
        rule(field, "each must " + expectation);
        for (int i = 0; i < values.size(); i++) {
            record(test.test(values.get(i)), field + "[" + i + "]", values.get(i), expectation);
        }
    }

    /**
     * Checks each element of a list of IPv4 addresses or CIDR ranges with {@link IpRanges#problem}, the one reading
     * of a range; problems name the element's index and say why the value is not one.
     */
    public void ipRanges(String field, List<String> values) {
        rule(field, "IPv4 addresses and CIDR ranges ([IP ranges](#ip-ranges))");
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            var index = i;
            IpRanges.problem(value).ifPresent(why -> found.add(new Problem(field + "[" + index + "]", value, why)));
        }
    }

    /**
     * Every rule the checks so far applied, by field, whatever the values were: ranges, closed choices and the
     * expectation of every other check, in Markdown. The generated reference (docs/configuration.md) lists them,
     * taken from the checks themselves so the documentation cannot promise other rules than the enforced ones. A
     * rule that applies only under a condition (another field's value) is here only when the values met it.
     */
    public Map<String, List<String>> rules() {
        var copy = new LinkedHashMap<String, List<String>>();
        rules.forEach((field, texts) -> copy.put(field, List.copyOf(texts)));
        return copy;
    }

    /** The problems found so far, in the order they were found. */
    public List<Problem> list() {
        return List.copyOf(found);
    }

    private void rule(String field, String text) {
        rules.computeIfAbsent(INDEX.matcher(field).replaceAll("[]"), f -> new LinkedHashSet<>()).add(text);
    }

    private boolean record(boolean ok, String field, Object value, String expectation) {
        if (!ok) {
            found.add(new Problem(field, value, expectation));
        }
        return ok;
    }
}
