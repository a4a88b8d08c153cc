package io.platforminfra.cli;

import io.platforminfra.plan.PlanJson;
import io.platforminfra.plan.PlanRefusedException;
import io.platforminfra.plan.PlanText;
import io.platforminfra.plan.Planner;
import io.platforminfra.config.StackConfigException;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StackFileException;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's stack files, mutated at random (types, nulls, lengths, encodings, nesting, unicode, ranges,
 * encrypted values) and previewed through the command line, over and over: every run ends with exit 0 (planned) or 2
 * (refused, with the problems named), never a stack trace, and no planted secret reaches any stream or output file.
 * The same mutated configuration is also given to the program the way the Pulumi engine gives a real preview its
 * config, with one key decrypted and secret: its value appears nowhere in what the plan or its refusal shows.
 *
 * <p>Seeded, so a failure is reproducible: the assertion names the seed and the iteration. The test suite runs 150
 * mutations (about 15 s), so every contributor's {@code mvn verify} still catches a regression; CI runs the full
 * 1,000 after it ({@code .ci/run}), which takes about 100 s. Another seed explores further:
 * {@code mvn test -Dtest=StackFileFuzzTest -Dfuzz.seed=42 -Dfuzz.runs=5000}.
 */
class StackFileFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final int RUNS = Integer.getInteger("fuzz.runs", 150);
    private static final List<String> STAGES = List.of("dev", "prod");
    private static final List<String> STACK_TRACE_SIGNS = List.of("\tat ", "Exception", "Caused by", "SEVERE");
    private static final List<String> RANGES = List.of("0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "10.0.0.0/8",
            "*.*.*.*", "1.2.3.4/0", "::/0", "0.0.0.0/0.0.0.0", "", " ", "300.1.2.3/24", "10.1", "010.0.0.1",
            "192.168.0.0/33", "Internet", "*");
    private static final List<String> UNICODE = List.of("é", "日本語", "🚀", "\u202Eevil", "a\u200Bb", "\u0007bell",
            "tab\there", "line\nbreak", "\uFEFFbom", "ｆｕｌｌｗｉｄｔｈ", "Ω≈ç√", "\"quoted'", "<b>&amp;</b>", "${env:HOME}",
            "%s%n", "\\", "]]>");

    @TempDir
    Path directory;

    @Test
    void mutatedStackFilesExitZeroOrTwoWithoutAStackTraceAndNeverShowAPlantedSecret() throws IOException {
        var random = new Random(SEED);
        var load = new Load(LoadSettings.builder().build());
        var dump = new Dump(DumpSettings.builder().build());
        Files.copy(TestProject.REPOSITORY.resolve("Pulumi.yaml"), directory.resolve("Pulumi.yaml"));
        var originals = new HashMap<String, String>();
        for (var stage : STAGES) {
            originals.put(stage, Files.readString(TestProject.REPOSITORY.resolve("Pulumi." + stage + ".yaml")));
        }
        var exits = new int[3];
        var secretRuns = 0;
        for (int run = 0; run < RUNS; run++) {
            var where = "seed " + SEED + ", run " + run;
            var stage = STAGES.get(random.nextInt(STAGES.size()));
            var planted = "v1:Pl4nted" + Long.toHexString(random.nextLong());
            var other = originals.get(STAGES.get(1 - STAGES.indexOf(stage)));
            var bytes = random.nextInt(5) < 2 ? plausibleFile(originals.get(stage), other, random, load, dump)
                    : mutatedFile(originals.get(stage), planted, random, load, dump);
            var stackFile = directory.resolve("Pulumi.fz.yaml");
            Files.write(stackFile, bytes.content());
            var sarif = directory.resolve("policy.sarif");
            var junit = directory.resolve("policy.xml");
            Files.deleteIfExists(sarif);
            Files.deleteIfExists(junit);

            var command = random.nextInt(4) == 0
                    ? CommandLineRun.of("check", "--stack", "fz", "--dir", directory.toString(), "--as-of",
                    TestDates.AS_OF.toString(), "--sarif", sarif.toString(), "--junit", junit.toString())
                    : CommandLineRun.of("plan", "--stack", "fz", "--dir", directory.toString(), "--as-of",
                    TestDates.AS_OF.toString(), "--format", random.nextBoolean() ? "json" : "text");
            var description = where + " (" + bytes.mutation() + ")\n" + command;
            // check also exits 1 for a mandatory policy violation: a verdict, not a crash.
            assertThat(command.exitCode()).as(description).isIn(0, 2, command.out().startsWith("Policy check") ? 1 : 2);
            exits[Math.min(command.exitCode(), 2)]++;
            var printed = command.out() + command.err() + read(sarif) + read(junit);
            assertThat(printed).as(description).doesNotContain(planted).doesNotContain(STACK_TRACE_SIGNS);

            if (run % 4 == 0) {
                secretRuns += plantDecryptedSecret(stackFile, random, where) ? 1 : 0;
            }
        }
        assertThat(exits[0]).as("some mutations still plan (a fuzzer that only breaks files tests little)")
                .isGreaterThan(RUNS / 20);
        assertThat(exits[2]).as("most mutations are refused").isGreaterThan(RUNS / 3);
        assertThat(secretRuns).as("decrypted secrets were planted in loadable configurations").isGreaterThan(RUNS / 10);
    }

    /**
     * The configuration of {@code stackFile}, when it loads, given to the program as a real preview's: one key
     * decrypted to a planted value and marked secret. Whether it plans or is refused, the value is never shown.
     */
    private boolean plantDecryptedSecret(Path stackFile, Random random, String where) {
        StackConfiguration loaded;
        try {
            loaded = StackConfiguration.load(directory, "fz");
        } catch (StackFileException | StackConfigException e) {
            return false;
        }
        var keys = new ArrayList<>(loaded.values().keySet());
        keys.removeIf(key -> !key.startsWith("platform-infra:"));
        if (keys.isEmpty()) {
            return false;
        }
        keys.sort(null);
        var key = keys.get(random.nextInt(keys.size()));
        var planted = "Zq" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "Qz";
        var values = new HashMap<>(loaded.values());
        var original = values.get(key);
        // Replace the key's value, or one text inside a structured value, with the planted secret.
        values.put(key, original.startsWith("{") || original.startsWith("[")
                ? original.replaceFirst("\"[^\"]*\"(?=\\s*[,}\\]])", "\"" + planted + "\"") : planted);
        var secretKeys = new java.util.HashSet<>(loaded.secretKeys());
        secretKeys.add(key);
        var configuration = new StackConfiguration("fz", stackFile, values, Set.copyOf(secretKeys));
        String shown;
        try {
            var plan = Planner.plan(configuration, TestDates.AS_OF);
            shown = PlanText.render(plan) + PlanJson.render(plan);
        } catch (PlanRefusedException | StackConfigException | StackFileException e) {
            shown = e.getMessage();
        }
        assertThat(shown).as(where + ": secret " + key + " planted as " + planted).doesNotContain(planted);
        return true;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    /** The file's bytes and what was done to them, for the failure message. */
    private record Mutated(byte[] content, String mutation) {
    }

    /** One to three value mutations of the parsed file, or (one time in ten) a mutation of its bytes. */
    @SuppressWarnings("unchecked")
    private static Mutated mutatedFile(String original, String planted, Random random, Load load, Dump dump) {
        if (random.nextInt(10) == 0) {
            return mutatedBytes(original, random);
        }
        var document = (Map<String, Object>) load.loadFromString(original);
        var config = (Map<String, Object>) document.get("config");
        var done = new ArrayList<String>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            var paths = new ArrayList<List<Object>>();
            collect(config, new ArrayList<>(), paths);
            var path = paths.get(random.nextInt(paths.size()));
            var value = value(random, planted, 0);
            set(config, path, value);
            done.add(path + " = " + abbreviated(value));
        }
        if (random.nextInt(8) == 0) {
            config.put(random.nextBoolean() ? "platform-infra:unknwn" : "platform-infra:cluster:extra",
                    value(random, planted, 0));
            done.add("an unknown key");
        }
        return new Mutated(dump.dumpToString(document).getBytes(StandardCharsets.UTF_8), String.join("; ", done));
    }

    /**
     * A mostly valid variant: a few values taken from the other stage's file at the same place (prod's tier in dev,
     * dev's counts in prod), so that combinations the two files never show together are planned and gated too.
     */
    @SuppressWarnings("unchecked")
    private static Mutated plausibleFile(String original, String other, Random random, Load load, Dump dump) {
        var document = (Map<String, Object>) load.loadFromString(original);
        var config = (Map<String, Object>) document.get("config");
        var otherConfig = (Map<String, Object>) ((Map<String, Object>) load.loadFromString(other)).get("config");
        var paths = new ArrayList<List<Object>>();
        collect(otherConfig, new ArrayList<>(), paths);
        var done = new ArrayList<String>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            var path = paths.get(random.nextInt(paths.size()));
            if (path.get(0).equals("platform-infra:deployers") || path.get(0).equals("platform-infra:waivers")) {
                continue; // the ring's identity and waivers belong to one stage
            }
            try {
                set(config, path, get(otherConfig, path));
                done.add(path + " from the other stage");
            } catch (RuntimeException missingParent) {
                // the path does not exist in this file: skip it
            }
        }
        return new Mutated(dump.dumpToString(document).getBytes(StandardCharsets.UTF_8),
                done.isEmpty() ? "unchanged" : String.join("; ", done));
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> root, List<Object> path) {
        Object node = root;
        for (var step : path) {
            node = node instanceof Map<?, ?> map ? map.get(step) : ((List<Object>) node).get((Integer) step);
        }
        return node;
    }

    /** Encodings and raw text the YAML reader must refuse or read as the Pulumi CLI does. */
    private static Mutated mutatedBytes(String original, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> new Mutated(("\uFEFF" + original).getBytes(StandardCharsets.UTF_16LE), "UTF-16LE with BOM");
            case 1 -> {
                var noise = new byte[64 + random.nextInt(512)];
                random.nextBytes(noise);
                yield new Mutated(noise, "random bytes");
            }
            case 2 -> new Mutated(original.replaceFirst("owner: ", "owner: \u0000").getBytes(StandardCharsets.UTF_8),
                    "a NUL character");
            case 3 -> {
                var bytes = original.getBytes(StandardCharsets.UTF_8);
                bytes[random.nextInt(bytes.length)] = (byte) 0xC3;
                yield new Mutated(bytes, "invalid UTF-8");
            }
            case 4 -> new Mutated(("config:\n  platform-infra:cluster: " + "[".repeat(200) + "]".repeat(200) + "\n")
                    .getBytes(StandardCharsets.UTF_8), "nesting 200 deep");
            case 5 -> new Mutated((original + "\n  platform-infra:owner: twice\n").getBytes(StandardCharsets.UTF_8),
                    "a key given twice");
            default -> new Mutated(original.substring(0, random.nextInt(original.length()))
                    .getBytes(StandardCharsets.UTF_8), "a truncated file");
        };
    }

    /** A hostile value: nulls, numbers, booleans, long or unicode text, ranges, lists, maps, deep nesting, secrets. */
    private static Object value(Random random, String planted, int depth) {
        Function<Integer, String> text = length -> "x".repeat(length);
        return switch (random.nextInt(depth > 2 ? 9 : 13)) {
            case 0 -> null;
            case 1 -> List.of(0, -1, 1L << 40, 3.14, Double.NaN).get(random.nextInt(5));
            case 2 -> random.nextBoolean();
            case 3 -> text.apply(List.of(0, 1, 256, 257, 5000).get(random.nextInt(5)));
            case 4 -> UNICODE.get(random.nextInt(UNICODE.size()));
            case 5, 6 -> RANGES.get(random.nextInt(RANGES.size()));
            case 7 -> random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + "/" + random.nextInt(34);
            case 8 -> new LinkedHashMap<>(Map.of("secure", planted));
            case 9 -> new ArrayList<>(java.util.Arrays.asList(value(random, planted, depth + 1),
                    value(random, planted, depth + 1)));
            case 10 -> {
                var map = new LinkedHashMap<String, Object>();
                map.put("name", value(random, planted, depth + 1));
                map.put(UNICODE.get(random.nextInt(UNICODE.size())), value(random, planted, depth + 1));
                yield map;
            }
            case 11 -> nested(random.nextInt(80));
            default -> "00000000-0000-4000-8000-" + String.format("%012x", random.nextLong() & 0xFFFFFFFFFFFFL);
        };
    }

    private static Object nested(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            value = new LinkedHashMap<>(Map.of("level", value));
        }
        return value;
    }

    /** Every path to a value in {@code node}: map keys and list indexes, the containers included. */
    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Object> path, List<List<Object>> paths) {
        if (!path.isEmpty()) {
            paths.add(List.copyOf(path));
        }
        if (node instanceof Map<?, ?> map) {
            for (var key : new ArrayList<>(((Map<Object, Object>) map).keySet())) {
                path.add(key);
                collect(map.get(key), path, paths);
                path.remove(path.size() - 1);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                collect(list.get(i), path, paths);
                path.remove(path.size() - 1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> root, List<Object> path, Object value) {
        Object node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node instanceof Map<?, ?> map ? map.get(path.get(i)) : ((List<Object>) node).get((Integer) path.get(i));
        }
        var last = path.get(path.size() - 1);
        if (node instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(last, value);
        } else {
            var list = (List<Object>) node;
            list.set((Integer) last, value);
        }
    }

    private static String abbreviated(Object value) {
        var text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    }
}
