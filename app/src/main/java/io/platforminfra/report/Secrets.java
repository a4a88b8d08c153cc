package io.platforminfra.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.platforminfra.structure.ShownValues;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pulumi's secrets in a preview, and the masking of them everywhere the comment prints text from it.
 *
 * <p>A secret is a JSON object with the signature key and the secret signature, its value under {@code value} (the
 * engine's form), {@code plaintext} (the state's form: the value as JSON text, or in newer versions as JSON) or
 * {@code ciphertext} (encrypted); an output value is one with the output signature and {@code "secret": true}
 * (pulumi/pulumi sdk/go/common/resource/sig/sig.go; the three equivalent forms are listed in
 * sdk/go/property/README.md). {@code pulumi preview --json} prints secrets as {@code [secret]} itself
 * (pkg/backend/display/json.go, {@code MassageSecrets}), but a document made another way (a newer CLI, a state
 * export, {@code --show-secrets}) may carry the envelope: the reader masks every envelope, at any depth, as
 * {@code [secret]}. The plain values found inside the envelopes are kept so that the same text is masked wherever
 * else it appears (a diagnostic that quotes a password, an output that repeats it unmarked).
 */
final class Secrets {
    /** The key of every special value: its value says which kind. */
    static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    /** The signature of a secret. */
    static final String SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
    /** The signature of an output value, secret when its {@code secret} is true. */
    static final String OUTPUT_SIGNATURE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /**
     * Shorter secrets are masked where they are a whole value, not inside other text: looking for one to three
     * characters inside every message would mask half of each while hiding nothing anyone could not guess.
     */
    private static final int MIN_LENGTH_INSIDE_TEXT = 4;

    /** Longest first, so that a secret containing another is masked whole. */
    private final List<String> values;

    private Secrets(Set<String> values) {
        this.values = values.stream().sorted(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /** No secrets. */
    static final Secrets NONE = new Secrets(Set.of());

    /** The secrets of {@code documents}: every plain value inside a secret envelope, at any depth. */
    static Secrets in(List<? extends JsonElement> documents) {
        var found = new TreeSet<String>();
        var pending = new ArrayDeque<JsonElement>(documents);
        while (!pending.isEmpty()) {
            var element = pending.pop();
            if (element.isJsonObject()) {
                var object = element.getAsJsonObject();
                if (isSecret(object)) {
                    object.entrySet().stream().filter(entry -> !entry.getKey().equals(SIGNATURE_KEY)
                                    && !entry.getKey().equals("ciphertext"))
                            .forEach(entry -> collect(entry.getValue(), found));
                }
                object.entrySet().forEach(entry -> pending.push(entry.getValue()));
            } else if (element.isJsonArray()) {
                element.getAsJsonArray().forEach(pending::push);
            }
        }
        return new Secrets(found);
    }

    /** Whether {@code object} is a secret, or an output value marked secret. */
    static boolean isSecret(JsonObject object) {
        var signature = object.get(SIGNATURE_KEY);
        if (signature == null || !signature.isJsonPrimitive()) {
            return false;
        }
        var kind = signature.getAsString();
        if (kind.equals(SECRET_SIGNATURE)) {
            return true;
        }
        var secret = object.get("secret");
        return kind.equals(OUTPUT_SIGNATURE) && secret != null && secret.isJsonPrimitive()
                && secret.getAsJsonPrimitive().isBoolean() && secret.getAsBoolean();
    }

    /** Whether {@code object} is an output value (secret or not). */
    static boolean isOutputValue(JsonObject object) {
        var signature = object.get(SIGNATURE_KEY);
        return signature != null && signature.isJsonPrimitive() && signature.getAsString().equals(OUTPUT_SIGNATURE);
    }

    /** {@code text} with every secret in it replaced by {@code [secret]}. */
    String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        var masked = text;
        for (var secret : values) {
            if (masked.equals(secret)) {
                return ShownValues.SECRET;
            }
            if (secret.length() >= MIN_LENGTH_INSIDE_TEXT) {
                masked = masked.replace(secret, ShownValues.SECRET);
            }
        }
        return masked;
    }

    /** Whether there are any. */
    boolean isEmpty() {
        return values.isEmpty();
    }

    /** Every text and number inside {@code value}; a {@code plaintext} string is JSON text, read as such too. */
    private static void collect(JsonElement value, Set<String> found) {
        var pending = new ArrayDeque<JsonElement>();
        pending.push(value);
        while (!pending.isEmpty()) {
            var element = pending.pop();
            if (element.isJsonObject()) {
                element.getAsJsonObject().entrySet().stream().filter(entry -> !entry.getKey().equals(SIGNATURE_KEY))
                        .forEach(entry -> pending.push(entry.getValue()));
            } else if (element.isJsonArray()) {
                element.getAsJsonArray().forEach(pending::push);
            } else if (element.isJsonPrimitive() && !element.getAsJsonPrimitive().isBoolean()) {
                var text = element.getAsString();
                add(text, found);
                if (element.getAsJsonPrimitive().isString()) {
                    parsed(text).ifPresent(pending::push);
                }
            }
        }
    }

    /** A secret, and each line of a secret of several lines (a key in PEM form may be quoted line by line). */
    private static void add(String text, Set<String> found) {
        if (text.isEmpty() || text.equals(ShownValues.SECRET)) {
            return;
        }
        found.add(text);
        if (text.contains("\n")) {
            text.lines().map(String::strip).filter(line -> line.length() >= MIN_LENGTH_INSIDE_TEXT)
                    .forEach(found::add);
        }
    }

    /** {@code text} as JSON when it is a JSON object, list or string (the {@code plaintext} form). */
    private static Optional<JsonElement> parsed(String text) {
        var trimmed = text.strip();
        if (trimmed.isEmpty() || "{[\"".indexOf(trimmed.charAt(0)) < 0) {
            return Optional.empty();
        }
        try {
            var json = JsonParser.parseString(trimmed);
            return json.isJsonPrimitive() && !json.getAsJsonPrimitive().isString() ? Optional.empty()
                    : Optional.of(json);
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }
}
