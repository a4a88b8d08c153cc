package io.platforminfra.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.platforminfra.plan.PlanValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads what {@code pulumi preview --json} prints: {@code steps}, each with {@code op}, {@code urn}, the
 * {@code oldState} and {@code newState} (inputs, outputs, {@code protect}), {@code diffReasons},
 * {@code replaceReasons} and {@code detailedDiff} (null when the provider gives none). {@code changeSummary} is not
 * used: the CLI leaves it out of some documents, and the counts of changes follow from the steps, which the comment
 * lists anyway.
 */
public final class PreviewReader {
    /** What the CLI prints for a value known only after apply (the engine's {@code UnknownStringValue}). */
    static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** The secrets of every preview read together: each is masked in all of them. */
    private final Secrets secrets;

    private PreviewReader(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * Reads one preview file per stage, in the order given.
     *
     * @throws PreviewFileException naming every file that is missing, unreadable or not a preview, and every stage
     *                              given twice
     */
    public static List<Preview> readAll(List<Path> files) {
        var documents = new LinkedHashMap<Path, JsonObject>();
        var problems = new ArrayList<PreviewFileException>();
        for (var file : files) {
            try {
                documents.put(file, parse(file));
            } catch (PreviewFileException e) {
                problems.add(e);
            }
        }
        var reader = new PreviewReader(Secrets.in(List.copyOf(documents.values())));
        var previews = new ArrayList<Preview>();
        documents.forEach((file, document) -> {
            try {
                var preview = reader.preview(file, document);
                previews.stream().filter(earlier -> earlier.stage().equals(preview.stage())).findFirst()
                        .ifPresent(earlier -> problems.add(new PreviewFileException(file, "a second preview of"
                                + " stage " + preview.stage() + " (the first is " + earlier.file() + ");"
                                + " give one file per stage")));
                previews.add(preview);
            } catch (PreviewFileException e) {
                problems.add(e);
            }
        });
        if (!problems.isEmpty()) {
            throw PreviewFileException.of(problems);
        }
        return previews;
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
        if (steps == null || !steps.isJsonArray()) {
            throw new PreviewFileException(file, "no \"steps\" list: is it the output of pulumi preview --json?");
        }
        var read = new ArrayList<PreviewStep>();
        var stacks = new TreeSet<String>();
        var index = 0;
        for (var element : steps.getAsJsonArray()) {
            var step = step(file, index++, element);
            stacks.add(step.urn().stack());
            read.add(step);
        }
        if (stacks.isEmpty()) {
            // A real preview always lists the stack itself; an empty one comes from a preview that failed early.
            throw new PreviewFileException(file, "no steps, so the stage cannot be told from the URNs: "
                    + "did pulumi preview fail?");
        }
        if (stacks.size() > 1) {
            throw new PreviewFileException(file, "steps of several stages (" + String.join(", ", stacks)
                    + "); give one file per stage");
        }
        return new Preview(file, stacks.first(), oneStepPerReplacement(read));
    }

    private static JsonObject parse(Path file) {
        JsonElement root;
        try (var reader = Files.newBufferedReader(file)) {
            root = JsonParser.parseReader(reader);
        } catch (NoSuchFileException e) {
            throw new PreviewFileException(file, "no such file");
        } catch (IOException e) {
            throw new PreviewFileException(file, "cannot be read (" + e.getMessage() + ")");
        } catch (JsonParseException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            throw new PreviewFileException(file, "not valid JSON (" + cause.getMessage() + ")");
        }
        if (!root.isJsonObject()) {
            throw new PreviewFileException(file, "not a JSON object: is it the output of pulumi preview --json?");
        }
        return root.getAsJsonObject();
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
        return new PreviewStep(operation, Action.of(operation), urn, properties(step, before, after),
                protectedBefore, protectedAfter, before, after);
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
            return new StateValues(List.of(PlanValues.SECRET));
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
                return PlanValues.SECRET;
            }
            if (Secrets.isOutputValue(object)) {
                // An output value that is not secret is its value; one without a value is not known yet.
                return object.has("value") ? plain(object.get("value")) : PlanValues.UNKNOWN;
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
        return UNKNOWN_SENTINEL.equals(text) ? PlanValues.UNKNOWN : secrets.mask(text);
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
