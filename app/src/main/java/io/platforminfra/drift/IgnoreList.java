package io.platforminfra.drift;

import io.platforminfra.report.PropertyPath;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reviewed list of refresh noise (pipelines/drift-ignore.yaml): type/property pairs whose refresh diff a
 * provider reports although nobody changed anything, each with the upstream issue that shows it. It is read
 * strictly, because an entry that hides more than meant hides real drift: every key is known, every entry names a
 * type token, a property path, an upstream issue on GitHub and a reason, and an optional expiry day after which the
 * entry stops hiding and the diff shows again (time to check whether the issue is fixed).
 *
 * <pre>
 * ignore:
 *   - type: azure-native:storage:StorageAccount
 *     property: networkRuleSet.ipRules
 *     issue: https://github.com/pulumi/pulumi-azure-native/issues/NNNN
 *     why: Azure returns the rules in another order than they were sent
 *     expires: 2027-06-30
 * </pre>
 */
public final class IgnoreList {
    /** The only top-level key. */
    static final String ROOT_KEY = "ignore";
    /** The keys of an entry, in the order messages list them. */
    static final List<String> KEYS = List.of("type", "property", "issue", "why", "expires");
    private static final Set<String> REQUIRED = Set.of("type", "property", "issue", "why");

    /** {@code <package>:<module>:<Type>}, as in a URN; a module may carry an API version ({@code storage/v20230101}). */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*:[a-z][A-Za-z0-9]*(/[A-Za-z0-9]+)?:[A-Z][A-Za-z0-9]*");
    /** An issue or pull request on GitHub: where providers track their bugs. */
    private static final Pattern ISSUE = Pattern.compile("https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/"
            + "(issues|pull)/[1-9][0-9]*");

    /** An empty list: nothing is ignored. */
    public static final IgnoreList NONE = new IgnoreList(List.of());

    private final List<IgnoreEntry> entries;

    private IgnoreList(List<IgnoreEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entries, in file order. */
    public List<IgnoreEntry> entries() {
        return entries;
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws IgnoreListException naming the file and every problem: unreadable or not YAML, an unknown key, a
     *                             missing or malformed value, an entry given twice
     */
    public static IgnoreList read(Path file) {
        Object root;
        try {
            var settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false)
                    .setLabel(file.toString()).build();
            root = new Load(settings).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new IgnoreListException(file, List.of("cannot be read (" + e.getMessage() + ")"));
        } catch (YamlEngineException e) {
            throw new IgnoreListException(file, List.of("not valid YAML (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")"));
        }
        var problems = new ArrayList<String>();
        if (root == null) {
            // An empty file is an empty list: the reviewed state when no noise is known.
            return NONE;
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new IgnoreListException(file, List.of("must be a mapping with the key '" + ROOT_KEY + "' (a list"
                    + " of entries)"));
        }
        top.keySet().stream().filter(key -> !ROOT_KEY.equals(key)).forEach(key -> problems.add("unknown key '" + key
                + "' at the top level; the only key is '" + ROOT_KEY + "'"));
        var list = top.get(ROOT_KEY);
        var entries = new ArrayList<IgnoreEntry>();
        if (list != null && !(list instanceof List<?>)) {
            problems.add("'" + ROOT_KEY + "' must be a list of entries (value: " + list + ")");
        } else if (list != null) {
            var seen = new HashSet<String>();
            var number = 0;
            for (var item : (List<?>) list) {
                number++;
                entry(number, item, problems).ifPresent(entry -> {
                    if (!seen.add(entry.type() + " " + entry.property())) {
                        problems.add(entry.label() + ": given twice; keep one entry per type and property");
                    }
                    entries.add(entry);
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new IgnoreListException(file, problems);
        }
        return new IgnoreList(entries);
    }

    private static Optional<IgnoreEntry> entry(int number, Object item, List<String> problems) {
        var where = "entry " + number;
        if (!(item instanceof Map<?, ?> map)) {
            problems.add(where + ": must be a mapping with the keys " + String.join(", ", KEYS) + " (value: " + item
                    + ")");
            return Optional.empty();
        }
        var before = problems.size();
        map.keySet().stream().filter(key -> !KEYS.contains(String.valueOf(key))).forEach(key -> problems.add(where
                + ": unknown key '" + key + "'; accepted: " + String.join(", ", KEYS)));
        KEYS.stream().filter(REQUIRED::contains).filter(key -> text(map, key).isEmpty()).forEach(key ->
                problems.add(where + ": '" + key + "' is missing, empty or not text" + (key.equals("issue")
                        ? "; every entry needs the upstream issue that shows the noise" : "")));
        var type = text(map, "type").orElse("");
        if (!type.isEmpty() && !TYPE.matcher(type).matches()) {
            problems.add(where + ": 'type' must be a resource type token such as"
                    + " azure-native:storage:StorageAccount (value: '" + type + "')");
        }
        var property = text(map, "property").orElse("");
        var segments = PropertyPath.segments(property).orElse(List.of());
        if (!property.isEmpty() && (segments.isEmpty() || !(segments.get(0) instanceof String))) {
            problems.add(where + ": 'property' must be a property path such as networkRuleSet.ipRules or"
                    + " agentPoolProfiles[*].count, starting with a property name (value: '" + property + "')");
        }
        var issue = text(map, "issue").orElse("");
        if (!issue.isEmpty() && !ISSUE.matcher(issue).matches()) {
            problems.add(where + ": 'issue' must be the upstream issue's address,"
                    + " https://github.com/<owner>/<repository>/issues/<number> (or /pull/<number>) (value: '"
                    + issue + "')");
        }
        Optional<LocalDate> expires = Optional.empty();
        var expiry = map.get("expires");
        if (expiry != null) {
            try {
                expires = Optional.of(LocalDate.parse(String.valueOf(expiry)));
            } catch (DateTimeParseException e) {
                problems.add(where + ": 'expires' must be a day, YYYY-MM-DD (value: '" + expiry + "')");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new IgnoreEntry(number, type, property, segments, URI.create(issue),
                text(map, "why").orElseThrow(), expires));
    }

    /** The text under {@code key}, trimmed; empty when absent, blank or not text. */
    private static Optional<String> text(Map<?, ?> map, String key) {
        return map.get(key) instanceof String text && !text.isBlank() ? Optional.of(text.strip()) : Optional.empty();
    }
}
