package io.platforminfra.drift;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the JSON that {@code pulumi refresh --preview-only --json} and {@code pulumi preview --json} print, in the
 * shape of the real documents in ../shared/fixtures/pulumi-preview/ (steps with {@code op}, {@code urn},
 * {@code provider}, {@code oldState}/{@code newState} holding {@code urn}, {@code custom}, {@code id}, {@code type},
 * {@code inputs}, {@code outputs}; {@code diffReasons}; {@code detailedDiff} keyed by property path with
 * {@code kind} and {@code inputDiff}, null when the provider gives none; {@code diagnostics}; {@code changeSummary}),
 * and with what pulumi/pulumi v3.257.0 pkg/backend/display/json.go writes for a refresh: {@code op: refresh} for an
 * unchanged resource, {@code update} with a detailed diff for a changed one, {@code delete} for one that is gone.
 */
final class Digest {
    static final String PROJECT = "platform-infra";
    private final String stack;
    private final JsonArray steps = new JsonArray();
    private final JsonArray diagnostics = new JsonArray();
    private final Map<String, Integer> summary = new LinkedHashMap<>();

    private Digest(String stack) {
        this.stack = stack;
        step("refresh", "pulumi:pulumi:Stack", PROJECT + "-" + stack, null, null, null);
    }

    /** A digest of {@code stack} that lists the stack resource itself, as every real one does. */
    static Digest of(String stack) {
        return new Digest(stack);
    }

    String urn(String type, String name) {
        return "urn:pulumi:" + stack + "::" + PROJECT + "::" + type + "::" + name;
    }

    /** A resource refresh found unchanged. */
    Digest unchanged(String type, String name) {
        return step("refresh", type, name, "{}", "{}", null);
    }

    /** A resource preview found unchanged. */
    Digest same(String type, String name) {
        return step("same", type, name, "{}", "{}", null);
    }

    /**
     * A resource whose properties changed: {@code outputsBefore} and {@code outputsAfter} are JSON objects,
     * {@code paths} the keys of {@code detailedDiff}.
     */
    Digest update(String type, String name, String outputsBefore, String outputsAfter, String... paths) {
        return changed("update", type, name, outputsBefore, outputsAfter, paths);
    }

    /** A resource replaced for changes of {@code paths}. */
    Digest replace(String type, String name, String outputsBefore, String outputsAfter, String... paths) {
        return changed("replace", type, name, outputsBefore, outputsAfter, paths);
    }

    private Digest changed(String op, String type, String name, String outputsBefore, String outputsAfter,
                           String... paths) {
        var detailed = new JsonObject();
        for (var path : paths) {
            var diff = new JsonObject();
            diff.addProperty("kind", op.equals("replace") ? "update-replace" : "update");
            diff.addProperty("inputDiff", false);
            detailed.add(path, diff);
        }
        return step(op, type, name, outputsBefore, outputsAfter, detailed);
    }

    /** A resource that is gone (refresh) or that the program no longer declares (preview). */
    Digest delete(String type, String name) {
        return step("delete", type, name, "{}", null, null);
    }

    /** A resource the program declares that the state lacks. */
    Digest create(String type, String name) {
        return step("create", type, name, null, "{}", null);
    }

    /** A diagnostic, as the engine reports it. */
    Digest diagnostic(String severity, String message) {
        var diagnostic = new JsonObject();
        diagnostic.addProperty("urn", urn("pulumi:pulumi:Stack", PROJECT + "-" + stack));
        diagnostic.addProperty("message", message);
        diagnostic.addProperty("severity", severity);
        diagnostics.add(diagnostic);
        return this;
    }

    private Digest step(String op, String type, String name, String outputsBefore, String outputsAfter,
                        JsonObject detailedDiff) {
        var step = new JsonObject();
        step.addProperty("op", op);
        step.addProperty("urn", urn(type, name));
        step.addProperty("provider", "urn:pulumi:" + stack + "::" + PROJECT
                + "::pulumi:providers:azure-native::default_2_10_0::6a1e0f47-4f1c-4b6e-9d0e-2b8a1f3c5d7e");
        if (outputsBefore != null) {
            step.add("oldState", state(type, name, outputsBefore));
        }
        if (outputsAfter != null) {
            step.add("newState", state(type, name, outputsAfter));
        }
        step.add("detailedDiff", detailedDiff);
        if (detailedDiff != null) {
            var reasons = new JsonArray();
            detailedDiff.keySet().stream().map(path -> path.split("[.\\[]")[0]).distinct().forEach(reasons::add);
            step.add("diffReasons", reasons);
        }
        steps.add(step);
        summary.merge(op.equals("refresh") ? "same" : op, 1, Integer::sum);
        return this;
    }

    private JsonObject state(String type, String name, String outputs) {
        var state = new JsonObject();
        state.addProperty("urn", urn(type, name));
        state.addProperty("custom", !type.startsWith("pulumi:"));
        state.addProperty("id", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/" + name);
        state.addProperty("type", type);
        state.add("inputs", new JsonObject());
        state.add("outputs", JsonParser.parseString(outputs));
        return state;
    }

    /** The document as the CLI prints it. */
    String json() {
        var document = new JsonObject();
        document.add("steps", steps);
        if (!diagnostics.isEmpty()) {
            document.add("diagnostics", diagnostics);
        }
        var changeSummary = new JsonObject();
        summary.forEach(changeSummary::addProperty);
        document.add("changeSummary", changeSummary);
        document.addProperty("duration", 4200000000L);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(document);
    }

    /** Writes the document to {@code file}. */
    Path write(Path file) {
        try {
            return Files.writeString(file, json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
