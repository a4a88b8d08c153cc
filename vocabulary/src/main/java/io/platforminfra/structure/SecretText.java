package io.platforminfra.structure;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The values of secret stack config, found wherever they appear in text, the way the Pulumi engine masks them in
 * everything it displays: every secret value, and every leaf of a structured one, becomes {@code [secret]}
 * (pulumi/pulumi pkg/engine/events.go, {@code makeEventEmitter}: "logging.AddGlobalFilter(logging.CreateFilter(
 * secrets, "[secret]"))"). As there, values shorter than three characters and {@code true}/{@code false} are left
 * alone, or every digit would read {@code [secret]} (sdk/go/common/util/logging/log.go, {@code CreateFilter}), and
 * each value is also found in its JSON-escaped form.
 *
 * <p>The stack program masks its problems with it, and the offline engine marks every input carrying a secret as
 * secret, so a plan, a check and a refusal never show one.
 */
public final class SecretText {
    /** What a secret reads as. */
    public static final String MARK = "[secret]";
    /**
     * What an encrypted value ({@code secure: v1:...}) reads as where it cannot be decrypted: the offline tools. Never
     * a real secret. A value that contains it came from a stack file, where exactly the encrypted parts are secret.
     */
    public static final String OFFLINE_PLACEHOLDER = "offline-placeholder-for-an-encrypted-value";
    private static final int SHORTEST = 3;
    /** JSON as Gson and Go write it by default ({@code <} as {@code \u003c}), and without that escaping. */
    private static final Gson HTML_SAFE = new Gson();
    private static final Gson PLAIN = new GsonBuilder().disableHtmlEscaping().create();

    private final List<String> patterns;

    private SecretText(List<String> patterns) {
        this.patterns = patterns;
    }


    /**
     * The secrets of {@code values}, each the value of a secret config key as the engine passes it: plain text, or
     * JSON for a structured key. The engine marks a key secret as a whole when any field of it is encrypted
     * ({@code --secret --path}) and passes it decrypted, so which field was encrypted is not known: every leaf is
     * taken for a secret. A value read from a stack file offline is precise instead: only its encrypted parts, which
     * read {@link #OFFLINE_PLACEHOLDER}, are secret.
     */
    public static SecretText of(Collection<String> values) {
        var found = new LinkedHashSet<String>();
        found.add(OFFLINE_PLACEHOLDER);
        for (var value : values) {
            if (value == null || value.contains(OFFLINE_PLACEHOLDER)) {
                continue;
            }
            add(found, value);
            leaves(parsed(value), found);
        }
        var patterns = new LinkedHashSet<String>();
        for (var secret : found) {
            if (secret.length() < SHORTEST || secret.equalsIgnoreCase("true") || secret.equalsIgnoreCase("false")) {
                continue;
            }
            patterns.add(secret);
            patterns.add(jsonEscaped(HTML_SAFE, secret));
            patterns.add(jsonEscaped(PLAIN, secret));
        }
        // Longest first, so a secret containing another is masked whole.
        return new SecretText(patterns.stream().sorted(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).toList());
    }

    /** Whether {@code text} contains a secret. */
    public boolean appearsIn(String text) {
        return text != null && patterns.stream().anyMatch(text::contains);
    }

    /** {@code text} with every secret in it replaced by {@link #MARK}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        var masked = text;
        for (var pattern : patterns) {
            masked = masked.replace(pattern, MARK);
        }
        return masked;
    }

    private static void add(Set<String> found, String value) {
        found.add(value);
        var stripped = value.strip();
        if (!stripped.equals(value)) {
            found.add(stripped);
        }
    }

    private static JsonElement parsed(String value) {
        var text = value.strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return null;
        }
        try {
            return JsonParser.parseString(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void leaves(JsonElement element, Set<String> found) {
        if (element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> leaves(e.getValue(), found));
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> leaves(e, found));
        } else {
            add(found, element.getAsString());
        }
    }

    private static String jsonEscaped(Gson gson, String secret) {
        var json = gson.toJson(secret);
        return json.substring(1, json.length() - 1);
    }
}
