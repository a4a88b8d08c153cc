package io.platforminfra.policy;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@value #NAME} read into rules: what each rule says, field by field, joined by ID with its check from the Java of
 * its area. Texts may name a shared text of the file or a value of the code as {@code {name}}, so that a source
 * several rules cite, or a limit the checks enforce, is written once.
 *
 * <p>A file that is wrong is refused with every problem in it: a field left out or unknown, a rule without a check
 * or a check without a rule, a name that stands for nothing, a shared text no rule uses. The tests read the file on
 * every build, so such a problem fails the build rather than a user's run.
 */
final class RuleFile {
    /** The file's name, beside this class in the resources. */
    static final String NAME = "rules.yaml";
    private static final List<String> FIELDS = List.of("id", "checkov", "severity", "scope", "title", "rationale",
            "source", "remediation", "waivable");
    private static final Pattern NAMED_TEXT = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    private RuleFile() {
    }

    /**
     * The rules {@code yaml} writes, in its order, each with its check from {@code checks}.
     *
     * @param codeValues values of the code the texts may name, such as the gate's limit for "open to the internet"
     * @throws IllegalStateException listing every problem of the file
     */
    static List<Rule> read(String yaml, Map<String, Rule.Check> checks, Map<String, String> codeValues) {
        var file = new RuleFile();
        var rules = file.rules(yaml, checks, codeValues);
        if (!file.problems.isEmpty()) {
            throw new IllegalStateException(NAME + " is wrong:\n  " + String.join("\n  ", file.problems));
        }
        return rules;
    }

    private List<Rule> rules(String yaml, Map<String, Rule.Check> checks, Map<String, String> codeValues) {
        Map<?, ?> document;
        try {
            document = new Load(LoadSettings.builder().setLabel(NAME).setSchema(new CoreSchema()).build())
                    .loadFromString(yaml) instanceof Map<?, ?> map ? map : Map.of();
        } catch (YamlEngineException e) {
            problems.add(e.getMessage());
            return List.of();
        }
        if (!document.keySet().equals(Set.of("shared", "rules"))) {
            problems.add("the file must hold two keys, shared (texts several rules name) and rules");
        }
        texts.putAll(codeValues);
        var shared = document.get("shared") instanceof Map<?, ?> map ? map : Map.of();
        shared.forEach((name, text) -> {
            if (!(text instanceof String) || texts.putIfAbsent(String.valueOf(name), (String) text) != null) {
                problems.add("shared." + name + " must be text, and a name the code does not give");
            }
        });
        var rules = new ArrayList<Rule>();
        var entries = document.get("rules") instanceof List<?> list ? list : List.of();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i) instanceof Map<?, ?> map ? map : Map.of();
            rule(entry, entry.get("id") instanceof String id ? id : "rules[" + i + "]", checks).ifPresent(rules::add);
        }
        var ids = rules.stream().map(Rule::id).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            problems.add("a rule ID is written twice: " + ids);
        }
        new TreeSet<>(checks.keySet()).stream().filter(id -> !ids.contains(id))
                .forEach(id -> problems.add("the check of " + id + " has no rule in the file"));
        texts.keySet().stream().filter(name -> !used.contains(name))
                .forEach(name -> problems.add("{" + name + "} is named by no rule"));
        return rules;
    }

    private Optional<Rule> rule(Map<?, ?> entry, String id, Map<String, Rule.Check> checks) {
        var before = problems.size();
        entry.keySet().stream().filter(field -> !FIELDS.contains(field)).forEach(field ->
                problems.add(id + ": unknown field " + field + " (the fields: " + String.join(", ", FIELDS) + ")"));
        var severity = choice(entry, id, "severity", Severity.values());
        var scope = choice(entry, id, "scope", Scope.values());
        var title = text(entry, id, "title");
        var rationale = text(entry, id, "rationale");
        var source = text(entry, id, "source");
        var remediation = text(entry, id, "remediation");
        var waivable = entry.containsKey("waivable") ? entry.get("waivable") : Boolean.TRUE;
        if (!(waivable instanceof Boolean)) {
            problems.add(id + ": waivable must be true or false (value: " + waivable + ")");
        }
        var check = checks.get(id);
        if (check == null) {
            problems.add(id + ": no check in the code (the checks of its area, by rule ID)");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        var checkovId = Optional.ofNullable(entry.get("checkov")).map(String::valueOf);
        return Optional.of(new Rule(id, checkovId, severity, scope, title, rationale, source, remediation, check,
                (Boolean) waivable));
    }

    /** The text of {@code field}, its named texts filled in; a problem where it is missing or not text. */
    private String text(Map<?, ?> entry, String id, String field) {
        if (!(entry.get(field) instanceof String text) || text.isBlank()) {
            problems.add(id + ": no " + field);
            return "";
        }
        return NAMED_TEXT.matcher(text).replaceAll(named -> {
            var name = named.group(1);
            used.add(name);
            if (!texts.containsKey(name)) {
                problems.add(id + ": " + field + " names {" + name + "}, which is neither shared nor given by the code"
                        + " (the names: " + String.join(", ", texts.keySet()) + ")");
                return Matcher.quoteReplacement(named.group());
            }
            return Matcher.quoteReplacement(texts.get(name));
        });
    }

    /** The constant {@code field} names; a problem where it is missing or names none of {@code choices}. */
    private <E extends Enum<E>> E choice(Map<?, ?> entry, String id, String field, E[] choices) {
        var value = entry.get(field);
        return Arrays.stream(choices).filter(choice -> choice.name().equals(value)).findFirst().orElseGet(() -> {
            problems.add(id + ": " + field + " must be one of " + Arrays.toString(choices) + " (value: " + value + ")");
            return null;
        });
    }
}
