package io.platforminfra.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.platforminfra.report.PreviewFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report} under hostile previews, generated: the project's preview fixtures and the real ones of
 * {@code ../shared/fixtures/pulumi-preview} (read where they are, when present) mutated a thousand times, types
 * swapped, values nulled, lengthened, nested, encoded differently, with unicode, Markdown and control characters,
 * steps and diagnostics added, secrets planted in every form of Pulumi's envelope and repeated in plain text
 * elsewhere. Whatever the input: exit 0 or 2, never a stack trace, and no planted secret in any output.
 *
 * <p>The seed is fixed so a failure repeats; {@code -Dreport.fuzz.seed=<n>} tries others.
 */
class ReportFuzzTest {
    private static final int RUNS = 1_000;
    private static final long SEED = Long.getLong("report.fuzz.seed", 20_261_202L);
    private static final Path REAL_PREVIEWS = Path.of("..", "shared", "fixtures", "pulumi-preview");
    private static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

    private static final String[] HOSTILE_TEXT = {"", " ", "|", "`", "```", "<script>alert(1)</script>",
            "**bold** _x_ [link](http://x)", "# heading", "line\nbreak", "\r\n", "\u0000\u0007\u001b[31mred\u001b[0m",
            "\u202etxt.exe", "ünïcödé ✓ 漢字 🙂", "\uD800", "x".repeat(5_000), "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
            "[secret]", "urn:pulumi:dev::p::azure-native:keyvault:Vault::kv", "../../etc/passwd", "${jndi:ldap://x}",
            "%s%n", "null", "-1", "1e309"};
    private static final String[] OPERATIONS = {"create", "update", "replace", "delete", "same", "read",
            "create-replacement", "delete-replaced", "import", "refresh", "discard", "transmogrify", ""};

    @TempDir
    Path directory;

    @Test
    void aThousandMutatedPreviewsExitZeroOrTwoWithoutStackTracesOrPlantedSecrets() throws IOException {
        var random = new Random(SEED);
        var corpus = corpus();
        var outcomes = new int[3];
        for (var run = 0; run < RUNS; run++) {
            var planted = new ArrayList<String>();
            var files = new ArrayList<String>();
            var previews = 1 + random.nextInt(2);
            for (var i = 0; i < previews; i++) {
                var document = JsonParser.parseString(Files.readString(corpus.get(random.nextInt(corpus.size()))));
                mutate(document, random);
                plantSecrets(document, random, run + "-" + i, planted);
                var file = directory.resolve("preview-" + stageName(random) + "-" + run + "-" + i + ".json");
                write(document, file, random);
                files.add(file.toString());
            }
            var arguments = new ArrayList<String>(List.of("report"));
            files.forEach(file -> arguments.addAll(List.of("--preview", file)));
            if (random.nextInt(4) == 0) {
                arguments.addAll(List.of("--stage", stageName(random) + "," + stageName(random)));
            }
            var out = directory.resolve("comment-" + run + ".md");
            if (random.nextBoolean()) {
                arguments.addAll(List.of("--out", out.toString()));
            }

            var result = CommandLineRun.of(arguments.toArray(String[]::new));

            var described = "run " + run + " (seed " + SEED + "): " + String.join(" ", arguments) + "\n" + result;
            assertThat(result.exitCode()).as(described).isIn(Main.OK, Main.BAD_INPUT);
            assertThat(result.err()).as(described).doesNotContain("\tat ", "Exception", "failed unexpectedly");
            var written = Files.exists(out) ? Files.readString(out) : "";
            for (var secret : planted) {
                assertThat(result.out() + result.err() + written).as(described + "\nplanted: " + secret)
                        .doesNotContain(secret);
            }
            outcomes[result.exitCode()]++;
        }
        // The mutations must exercise both outcomes, or the test proves little.
        assertThat(outcomes[Main.OK]).as("runs that exit 0").isGreaterThan(RUNS / 10);
        assertThat(outcomes[Main.BAD_INPUT]).as("runs that exit 2").isGreaterThan(RUNS / 10);
    }

    /** The project's fixtures, and the real previews when CI has them beside the checkout. */
    private static List<Path> corpus() throws IOException {
        var files = new ArrayList<Path>();
        try (var own = Files.list(PreviewFixtures.DIRECTORY)) {
            own.filter(file -> file.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        if (Files.isDirectory(REAL_PREVIEWS)) {
            try (var real = Files.list(REAL_PREVIEWS)) {
                real.filter(file -> file.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** A few random changes of structure and values anywhere in the document. */
    private static void mutate(JsonElement document, Random random) {
        var changes = random.nextInt(6);
        for (var i = 0; i < changes; i++) {
            var nodes = new ArrayList<Slot>();
            collect(document, nodes, 0);
            if (nodes.isEmpty()) {
                return;
            }
            var slot = nodes.get(random.nextInt(nodes.size()));
            switch (random.nextInt(10)) {
                case 0 -> slot.remove();
                case 1 -> slot.set(JsonNull.INSTANCE);
                case 2 -> slot.set(new JsonPrimitive(random.nextInt(3) == 0 ? Double.MAX_VALUE : random.nextInt()));
                case 3 -> slot.set(new JsonPrimitive(random.nextBoolean()));
                case 4 -> slot.set(new JsonPrimitive(HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)]));
                case 5 -> slot.set(nested(1 + random.nextInt(random.nextBoolean() ? 20 : 200)));
                case 6 -> slot.set(random.nextBoolean() ? new JsonObject() : new JsonArray());
                case 7 -> operation(document, random);
                case 8 -> diagnostic(document, random, HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)]);
                default -> duplicateStep(document, random);
            }
        }
    }

    /**
     * Secrets in the envelope's forms at random places, each also repeated as plain text: in a diagnostic, in
     * another value, in a resource's name. Planted last, so no mutation removes the envelope that makes them secret.
     */
    private static void plantSecrets(JsonElement document, Random random, String id, List<String> planted) {
        if (!document.isJsonObject()) {
            return;
        }
        var count = random.nextInt(4);
        for (var i = 0; i < count; i++) {
            var secret = "Fz7k-" + id + "-" + i + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            planted.add(secret);
            var nodes = new ArrayList<Slot>();
            collect(document, nodes, 0);
            var objects = nodes.stream().filter(slot -> slot.value() != null && slot.value().isJsonObject()).toList();
            var envelope = envelope(secret, random);
            if (objects.isEmpty()) {
                document.getAsJsonObject().add("planted" + i, envelope);
            } else {
                objects.get(random.nextInt(objects.size())).value().getAsJsonObject().add("p" + i, envelope);
            }
            switch (random.nextInt(4)) {
                case 0 -> diagnostic(document, random, "error: the value " + secret + " is refused\n");
                case 1 -> document.getAsJsonObject().addProperty("unmarkedCopy", "token=" + secret);
                case 2 -> renameAStep(document, random, secret);
                default -> {
                    // Only in the envelope.
                }
            }
        }
    }

    private static JsonObject envelope(String secret, Random random) {
        var envelope = new JsonObject();
        switch (random.nextInt(5)) {
            case 0 -> {
                envelope.addProperty(SIGNATURE_KEY, "1b47061264138c4ac30d75fd1eb44270");
                envelope.addProperty("value", secret);
            }
            case 1 -> {
                envelope.addProperty(SIGNATURE_KEY, "1b47061264138c4ac30d75fd1eb44270");
                envelope.addProperty("plaintext", "\"" + secret + "\"");
            }
            case 2 -> {
                envelope.addProperty(SIGNATURE_KEY, "1b47061264138c4ac30d75fd1eb44270");
                var inner = new JsonObject();
                var list = new JsonArray();
                list.add(secret);
                inner.add("list", list);
                envelope.add("plaintext", inner);
            }
            case 3 -> {
                envelope.addProperty(SIGNATURE_KEY, "d0e6a833031e9bbcd3f4e8bde6ca49a4");
                envelope.addProperty("secret", true);
                envelope.addProperty("value", secret);
            }
            default -> {
                envelope.addProperty(SIGNATURE_KEY, "1b47061264138c4ac30d75fd1eb44270");
                var inner = new JsonObject();
                inner.addProperty("nested", secret);
                envelope.add("value", inner);
            }
        }
        return envelope;
    }

    /** The document as a file: mostly UTF-8 JSON, sometimes cut short, in UTF-16, with a BOM, or garbage. */
    private static void write(JsonElement document, Path file, Random random) throws IOException {
        var json = new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(document);
        switch (random.nextInt(20)) {
            case 0 -> Files.write(file, json.substring(0, random.nextInt(Math.max(1, json.length())))
                    .getBytes(StandardCharsets.UTF_8));
            case 1 -> Files.write(file, json.getBytes(StandardCharsets.UTF_16));
            case 2 -> Files.write(file, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    json.getBytes(StandardCharsets.UTF_8)));
            case 3 -> {
                var bytes = new byte[random.nextInt(2_000)];
                random.nextBytes(bytes);
                Files.write(file, bytes);
            }
            case 4 -> Files.write(file, new byte[0]);
            case 5 -> {
                // No file at all: missing.
            }
            default -> Files.write(file, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void operation(JsonElement document, Random random) {
        steps(document).ifPresent(steps -> {
            if (!steps.isEmpty() && steps.get(random.nextInt(steps.size())) instanceof JsonObject step) {
                step.addProperty("op", OPERATIONS[random.nextInt(OPERATIONS.length)]);
            }
        });
    }

    private static void duplicateStep(JsonElement document, Random random) {
        steps(document).ifPresent(steps -> {
            if (!steps.isEmpty()) {
                steps.add(steps.get(random.nextInt(steps.size())).deepCopy());
            }
        });
    }

    private static void renameAStep(JsonElement document, Random random, String secret) {
        steps(document).ifPresent(steps -> {
            if (!steps.isEmpty() && steps.get(random.nextInt(steps.size())) instanceof JsonObject step
                    && step.get("urn") instanceof JsonPrimitive urn && urn.isString()) {
                step.addProperty("urn", urn.getAsString() + "-" + secret);
            }
        });
    }

    private static void diagnostic(JsonElement document, Random random, String message) {
        if (!document.isJsonObject()) {
            return;
        }
        var object = document.getAsJsonObject();
        if (!(object.get("diagnostics") instanceof JsonArray)) {
            object.add("diagnostics", new JsonArray());
        }
        var diagnostic = new JsonObject();
        diagnostic.addProperty("message", message);
        diagnostic.addProperty("severity", new String[]{"error", "warning", "info", "info#err", "debug", "??"}
                [random.nextInt(6)]);
        if (random.nextBoolean()) {
            diagnostic.addProperty("urn", "urn:pulumi:dev::platform-infra::pulumi:pulumi:Stack::platform-infra-dev");
        }
        object.getAsJsonArray("diagnostics").add(diagnostic);
    }

    private static java.util.Optional<JsonArray> steps(JsonElement document) {
        return document.isJsonObject() && document.getAsJsonObject().get("steps") instanceof JsonArray steps
                ? java.util.Optional.of(steps) : java.util.Optional.empty();
    }

    private static JsonElement nested(int depth) {
        JsonElement element = new JsonPrimitive("bottom");
        for (var i = 0; i < depth; i++) {
            var array = new JsonArray();
            array.add(element);
            element = array;
        }
        return element;
    }

    private static String stageName(Random random) {
        return Stream.of("dev", "prod", "qa", "test", "x").skip(random.nextInt(5)).findFirst().orElseThrow();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        var both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Where a value sits: in an object under a key, or in a list at an index. */
    private record Slot(JsonElement parent, String key, int index) {
        JsonElement value() {
            return parent.isJsonObject() ? parent.getAsJsonObject().get(key) : parent.getAsJsonArray().get(index);
        }

        void set(JsonElement value) {
            if (parent.isJsonObject()) {
                parent.getAsJsonObject().add(key, value);
            } else {
                parent.getAsJsonArray().set(index, value);
            }
        }

        void remove() {
            if (parent.isJsonObject()) {
                parent.getAsJsonObject().remove(key);
            } else {
                parent.getAsJsonArray().remove(index);
            }
        }
    }

    private static void collect(JsonElement element, List<Slot> slots, int depth) {
        if (depth > 40) {
            return;
        }
        if (element.isJsonObject()) {
            for (var entry : element.getAsJsonObject().entrySet()) {
                slots.add(new Slot(element, entry.getKey(), -1));
                collect(entry.getValue(), slots, depth + 1);
            }
        } else if (element.isJsonArray()) {
            var array = element.getAsJsonArray();
            for (var i = 0; i < array.size(); i++) {
                slots.add(new Slot(element, null, i));
                collect(array.get(i), slots, depth + 1);
            }
        }
    }
}
