package io.platforminfra.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.platforminfra.change.Action;
import io.platforminfra.structure.ShownValues;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads what {@code pulumi preview --json} prints (pulumi/pulumi pkg/backend/display/json.go, {@code
 * ShowPreviewDigest}): {@code steps}, each with {@code op}, {@code urn}, the {@code oldState} and {@code newState}
 * (inputs, outputs, {@code protect}), {@code diffReasons}, {@code replaceReasons} and {@code detailedDiff} (null when
 * the provider gives none), and {@code diagnostics}. {@code changeSummary} is not used: the CLI leaves it out of some
 * documents, and the counts of changes follow from the steps, which the comment lists anyway.
 *
 * <p>A failed preview is still a preview: the digest has its errors under {@code diagnostics}, and when the program
 * failed before registering anything it has no {@code steps} at all (the field is {@code omitempty}). Such a stage,
 * a stage the pipeline expects but has no file for, and a file that is missing or not preview JSON all become failed
 * stages in the comment, never "no changes".
 */
public final class PreviewReader {
    /** What the CLI prints for a value known only after apply (the engine's {@code UnknownStringValue}). */
    static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /**
     * Deeper JSON is refused: a preview's deepest values (nested Azure properties) are a dozen levels down, and the
     * reader must not run out of stack on a hostile file.
     */
    static final int MAX_DEPTH = 64;

    /** Larger files are refused rather than read into memory: a preview of a large stage is a few megabytes. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** The top-level fields of Pulumi's preview digest: a document with none of them is not a preview. */
    private static final List<String> DIGEST_FIELDS = List.of("steps", "diagnostics", "changeSummary", "config",
            "duration");

    /** {@code preview-<stage>.json}, as the pipeline names them, or {@code <stage>.json}. */
    private static final Pattern FILE_NAME = Pattern.compile("(?:preview-)?([A-Za-z0-9_.-]+?)\\.json");

    /** The secrets of every preview read together: each is masked in all of them. */
    private final Secrets secrets;

    private PreviewReader(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * Reads one preview file per stage, in the order given, and makes sure every stage in {@code expectedStages} is
     * there: the stages in the order expected, then those not expected in the order of their files.
     * Never throws for bad input: a file that is missing or not preview JSON is a failed stage (named after the
     * file) and a problem; an expected stage without a preview is a failed stage and a problem; a second preview of
     * a stage is a problem.
     */
    public static Previews readAll(List<Path> files, List<String> expectedStages) {
        var problems = new ArrayList<String>();
        var documents = new LinkedHashMap<Path, Optional<JsonObject>>();
        var unusable = new LinkedHashMap<Path, String>();
        for (var file : files) {
            try {
                documents.put(file, Optional.of(parse(file)));
            } catch (PreviewFileException e) {
                documents.put(file, Optional.empty());
                unusable.put(file, e.problem());
                problems.add(e.getMessage());
            }
        }
        var reader = new PreviewReader(Secrets.in(documents.values().stream().flatMap(Optional::stream).toList()));
        var byStage = new LinkedHashMap<String, Preview>();
        documents.forEach((file, document) -> {
            Preview preview;
            try {
                preview = document.isPresent() ? reader.preview(file, document.get())
                        : Preview.failed(Optional.of(file), stageOfFileName(file), "the preview file " + file
                                + " cannot be used: " + unusable.get(file));
            } catch (PreviewFileException e) {
                problems.add(e.getMessage());
                preview = Preview.failed(Optional.of(file), stageOfFileName(file), "the preview file " + file
                        + " cannot be used: " + e.problem());
            }
            var earlier = byStage.putIfAbsent(preview.stage(), preview);
            if (earlier != null) {
                problems.add(file + ": a second preview of stage " + preview.stage() + " (the first is "
                        + earlier.file().map(Path::toString).orElse("?") + "); give one file per stage");
            }
        });
        var ordered = new ArrayList<Preview>();
        for (var stage : expectedStages) {
            var preview = byStage.remove(stage);
            if (preview == null && ordered.stream().noneMatch(p -> p.stage().equals(stage))) {
                problems.add("stage " + stage + ": no preview file (expected by --stage)");
                preview = Preview.failed(Optional.empty(), stage, "there is no preview of this stage: pulumi preview"
                        + " did not write one (see the stage's preview job in the pipeline run)");
            }
            if (preview != null) {
                ordered.add(preview);
            }
        }
        ordered.addAll(byStage.values());
        return new Previews(ordered, problems);
    }

    /**
     * Reads the preview files, in the order given, all of which must be usable.
     *
     * @throws PreviewFileException naming every problem: a file that is missing, unreadable or not a preview, and
     *                              every stage given twice
     */
    public static List<Preview> readAll(List<Path> files) {
        var previews = readAll(files, List.of());
        if (!previews.problems().isEmpty()) {
            throw new PreviewFileException(String.join("\n", previews.problems()));
        }
        return previews.stages();
    }

    /**
     * Reads one preview file.
     *
     * @throws PreviewFileException when the file is missing, unreadable or not a preview of exactly one stage
     */
    public static Preview read(Path file) {
        return readAll(List.of(file)).get(0);
    }

    private Preview preview(Path file, JsonObject document) {
        var steps = document.get("steps");
        if (steps != null && !steps.isJsonArray()) {
            throw new PreviewFileException(file, "\"steps\" is not a list: is it the output of pulumi preview --json?");
        }
        if (DIGEST_FIELDS.stream().noneMatch(document::has)) {
            throw new PreviewFileException(file, "no \"steps\" list: is it the output of pulumi preview --json?");
        }
        var read = new ArrayList<PreviewStep>();
        var stacks = new TreeSet<String>();
        var index = 0;
        for (var element : steps == null ? new JsonArray() : steps.getAsJsonArray()) {
            var step = step(file, index++, element);
            stacks.add(step.urn().stack());
            read.add(step);
        }
        if (stacks.size() > 1) {
            throw new PreviewFileException(file, "steps of several stages (" + String.join(", ", stacks)
                    + "); give one file per stage");
        }
        var diagnostics = diagnostics(document);
        if (stacks.isEmpty()) {
            // A real preview always lists the stack itself; none means it failed before the program registered it.
            var stage = diagnostics.stream().map(Diagnostic::urn).flatMap(Optional::stream).map(Urn::stack)
                    .findFirst().orElseGet(() -> stageOfFileName(file));
            return new Preview(Optional.of(file), stage, List.of(), diagnostics, Optional.of("the preview lists no"
                    + " resources, not even the stack: pulumi preview failed before the program ran to the end"));
        }
        return new Preview(Optional.of(file), stacks.first(), oneStepPerReplacement(read), diagnostics,
                Optional.empty());
    }

    /** The errors and warnings; a diagnostic that is not an object or has no text is skipped. */
    private List<Diagnostic> diagnostics(JsonObject document) {
        var diagnostics = new ArrayList<Diagnostic>();
        var list = document.get("diagnostics");
        if (list == null || !list.isJsonArray()) {
            return diagnostics;
        }
        for (var element : list.getAsJsonArray()) {
            if (!element.isJsonObject()) {
                continue;
            }
            var diagnostic = element.getAsJsonObject();
            var severity = string(diagnostic, "severity").flatMap(Diagnostic.Severity::of);
            var message = string(diagnostic, "message").orElse("");
            var prefix = string(diagnostic, "prefix").orElse("");
            if (!message.startsWith(prefix)) {
                message = prefix + message;
            }
            if (severity.isEmpty() || message.isBlank()) {
                continue;
            }
            var urn = string(diagnostic, "urn").map(secrets::mask).flatMap(Urn::parse);
            diagnostics.add(new Diagnostic(severity.get(), urn, secrets.mask(withoutControlCharacters(message))));
        }
        return diagnostics;
    }

    /** {@code text} without ANSI colour sequences and control characters other than line breaks and tabs. */
    private static String withoutControlCharacters(String text) {
        return text.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "").replace("\r\n", "\n")
                .replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
    }

    /** The stage a file is named after: {@code preview-dev.json} and {@code dev.json} are stage {@code dev}. */
    static String stageOfFileName(Path file) {
        var name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        var matcher = FILE_NAME.matcher(name);
        return matcher.matches() ? matcher.group(1) : name;
    }

    private static JsonObject parse(Path file) {
        if (!Files.exists(file)) {
            throw new PreviewFileException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new PreviewFileException(file, "not a file");
        }
        JsonElement root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new PreviewFileException(file, "larger than " + MAX_BYTES / 1024 / 1024 + " MB: not a preview");
            }
            try (var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
                // A byte order mark, as Windows tools write UTF-8, is not part of the JSON.
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
                root = JsonParser.parseReader(reader);
            }
        } catch (CharacterCodingException e) {
            throw new PreviewFileException(file, "not UTF-8 text (pulumi preview --json writes UTF-8 JSON)");
        } catch (IOException e) {
            throw new PreviewFileException(file, "cannot be read (" + e.getMessage() + ")");
        } catch (JsonParseException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new PreviewFileException(file, "not UTF-8 text (pulumi preview --json writes UTF-8 JSON)");
            }
            var cause = e.getCause() == null ? e : e.getCause();
            throw new PreviewFileException(file, "not valid JSON (" + cause.getMessage() + ")");
        }
        if (!root.isJsonObject()) {
            throw new PreviewFileException(file, "not a JSON object: is it the output of pulumi preview --json?");
        }
        if (depth(root) > MAX_DEPTH) {
            throw new PreviewFileException(file, "nested deeper than " + MAX_DEPTH + " levels: not what pulumi"
                    + " preview --json prints");
        }
        return root.getAsJsonObject();
    }

    /** How deeply {@code root} nests, counted without recursion. */
    private static int depth(JsonElement root) {
        var deepest = 0;
        var pending = new ArrayDeque<Map.Entry<JsonElement, Integer>>();
        pending.push(Map.entry(root, 1));
        while (!pending.isEmpty()) {
            var next = pending.pop();
            var level = next.getValue();
            deepest = Math.max(deepest, level);
            if (level > MAX_DEPTH) {
                return level;
            }
            var element = next.getKey();
            if (element.isJsonObject()) {
                element.getAsJsonObject().entrySet().forEach(e -> pending.push(Map.entry(e.getValue(), level + 1)));
            } else if (element.isJsonArray()) {
                element.getAsJsonArray().forEach(item -> pending.push(Map.entry(item, level + 1)));
            }
        }
        return deepest;
    }

    private PreviewStep step(Path file, int index, JsonElement element) {
        var where = "step " + (index + 1);
        if (!element.isJsonObject()) {
            throw new PreviewFileException(file, where + " is not an object");
        }
        var step = element.getAsJsonObject();
        var operation = string(step, "op").map(secrets::mask)
                .orElseThrow(() -> new PreviewFileException(file, where + " has no \"op\""));
        var urnText = string(step, "urn").map(secrets::mask)
                .orElseThrow(() -> new PreviewFileException(file, where + " has no \"urn\""));
        var urn = Urn.parse(urnText)
                .orElseThrow(() -> new PreviewFileException(file, where + " has a URN that is not a Pulumi URN: "
                        + urnText));
        var oldState = object(step, "oldState");
        var newState = object(step, "newState");
        // A creation has no old state and a deletion no new one: neither switches protection on or off.
        var protectedBefore = oldState.map(state -> flag(state, "protect"))
                .orElseGet(() -> newState.map(state -> flag(state, "protect")).orElse(false));
        var protectedAfter = newState.map(state -> flag(state, "protect")).orElse(protectedBefore);
        var before = oldState.map(this::values).orElse(StateValues.NONE);
        var after = newState.map(this::values).orElse(StateValues.NONE);
        var dependencies = new java.util.LinkedHashSet<String>();
        // Masked as the URNs are, so a dependency still names the step it points to.
        oldState.ifPresent(state -> strings(state, "dependencies").forEach(dependency -> dependencies.add(secrets.mask(dependency))));
        newState.ifPresent(state -> strings(state, "dependencies").forEach(dependency -> dependencies.add(secrets.mask(dependency))));
        return new PreviewStep(operation, Action.of(operation), urn, properties(step, before, after),
                protectedBefore, protectedAfter, before, after, dependencies);
    }

    /**
     * The changed properties: from {@code detailedDiff} when the provider gave one (it knows added, updated, deleted
     * and which changes force a replacement), otherwise from {@code diffReasons} and {@code replaceReasons}.
     */
    private List<PropertyChange> properties(JsonObject step, StateValues before, StateValues after) {
        var changes = new ArrayList<PropertyChange>();
        // Some providers send an empty detailedDiff with their reasons: that is no detail at all.
        var detailed = object(step, "detailedDiff").filter(diff -> diff.size() > 0);
        if (detailed.isPresent()) {
            detailed.get().entrySet().forEach(entry -> {
                var kind = entry.getValue().isJsonObject()
                        ? string(entry.getValue().getAsJsonObject(), "kind").orElse("update") : "update";
                // Masked like the keys of the values it is looked up in.
                var path = secrets.mask(entry.getKey());
                var change = kind.startsWith("add") ? PropertyChange.Kind.ADD
                        : kind.startsWith("delete") ? PropertyChange.Kind.DELETE : PropertyChange.Kind.UPDATE;
                changes.addAll(PropertyDiff.leaves(new PropertyChange(path, change, kind.endsWith("-replace"),
                        change == PropertyChange.Kind.ADD ? null : valueAt(before, path),
                        change == PropertyChange.Kind.DELETE ? null : valueAt(after, path))));
            });
            return changes;
        }
        var replaceReasons = strings(step, "replaceReasons").stream().map(secrets::mask).toList();
        var reasons = new LinkedHashSet<>(strings(step, "diffReasons").stream().map(secrets::mask).toList());
        reasons.addAll(replaceReasons);
        for (var path : reasons) {
            var old = valueAt(before, path);
            var current = valueAt(after, path);
            var kind = old == null && current != null ? PropertyChange.Kind.ADD
                    : old != null && current == null && after.present() ? PropertyChange.Kind.DELETE
                    : PropertyChange.Kind.UPDATE;
            changes.addAll(PropertyDiff.leaves(new PropertyChange(path, kind, replaceReasons.contains(path), old,
                    current)));
        }
        return changes;
    }

    /** A state's values: its inputs, then its outputs. */
    private StateValues values(JsonObject state) {
        if (Secrets.isSecret(state)) {
            return new StateValues(List.of(ShownValues.SECRET));
        }
        var values = new ArrayList<>();
        object(state, "inputs").map(this::plain).ifPresent(values::add);
        object(state, "outputs").map(this::plain).ifPresent(values::add);
        return new StateValues(values);
    }

    private static Object valueAt(StateValues state, String path) {
        return state.find(path).orElse(null);
    }

    /**
     * The JSON as maps, lists, strings, doubles and booleans, with every secret envelope as {@code [secret]}, every
     * secret's text masked wherever else it appears, and the unknown sentinel as {@code (known after apply)}, so that
     * no caller can ever print a secret or the sentinel.
     */
    private Object plain(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return null;
        }
        if (json.isJsonObject()) {
            var object = json.getAsJsonObject();
            if (Secrets.isSecret(object)) {
                return ShownValues.SECRET;
            }
            if (Secrets.isOutputValue(object)) {
                // An output value that is not secret is its value; one without a value is not known yet.
                return object.has("value") ? plain(object.get("value")) : ShownValues.UNKNOWN;
            }
            var map = new LinkedHashMap<String, Object>();
            json.getAsJsonObject().entrySet().forEach(entry -> map.put(secrets.mask(entry.getKey()),
                    plain(entry.getValue())));
            return map;
        }
        if (json.isJsonArray()) {
            var list = new ArrayList<>();
            json.getAsJsonArray().forEach(item -> list.add(plain(item)));
            return list;
        }
        var primitive = json.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            return primitive.getAsDouble();
        }
        var text = primitive.getAsString();
        return UNKNOWN_SENTINEL.equals(text) ? ShownValues.UNKNOWN : secrets.mask(text);
    }

    /**
     * With {@code --show-replacement-steps} the CLI lists one replacement as up to three steps
     * ({@code create-replacement}, {@code replace}, {@code delete-replaced}); a reviewer counts and reads it once,
     * as the {@code replace} step that carries the diff (or the first of them when there is none).
     */
    private static List<PreviewStep> oneStepPerReplacement(List<PreviewStep> steps) {
        var chosen = new LinkedHashMap<String, PreviewStep>();
        for (var step : steps) {
            if (step.action() == Action.REPLACE) {
                chosen.merge(step.urn().text(), step, (first, next) ->
                        !first.operation().equals("replace") && next.operation().equals("replace") ? next : first);
            }
        }
        return steps.stream().filter(step -> step.action() != Action.REPLACE || chosen.get(step.urn().text()) == step)
                .toList();
    }

    private static Optional<JsonObject> object(JsonObject json, String key) {
        var value = json.get(key);
        return value != null && value.isJsonObject() ? Optional.of(value.getAsJsonObject()) : Optional.empty();
    }

    private static Optional<String> string(JsonObject json, String key) {
        var value = json.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? Optional.of(value.getAsString()) : Optional.empty();
    }

    private static boolean flag(JsonObject json, String key) {
        var value = json.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                && value.getAsBoolean();
    }

    private static List<String> strings(JsonObject json, String key) {
        var value = json.get(key);
        var strings = new ArrayList<String>();
        if (value instanceof JsonArray array) {
            array.forEach(item -> {
                if (item.isJsonPrimitive()) {
                    strings.add(item.getAsString());
                }
            });
        }
        return strings;
    }
}
