package io.platforminfra.config;

import io.platforminfra.cli.CommandLineRun;
import io.platforminfra.cli.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Pulumi.yaml} and the stack files are read as the Pulumi CLI reads them (gopkg.in/yaml.v3: YAML 1.2 core
 * schema, merge keys, only text keys), and a file the CLI would refuse, or that cannot be read as text, is refused
 * with its name instead of failing with a stack trace.
 */
class YamlAsTheCliReadsItTest {
    private static final String HEADER = "config:\n  platform-infra:owner: team\n";

    private static StackConfiguration load(Path directory, String stackFile) throws IOException {
        TestProject.in(directory).withStackFile("dev", stackFile);
        return StackConfiguration.load(directory, "dev");
    }

    private static StackConfiguration loadBytes(Path directory, byte[] stackFile) throws IOException {
        TestProject.in(directory);
        Files.write(directory.resolve("Pulumi.dev.yaml"), stackFile);
        return StackConfiguration.load(directory, "dev");
    }

    // --- nulls and merge keys, as yaml.v3 reads them

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
    void aKeyWithANullValueIsTheEmptyStringAsTheCliPassesIt(String nothing, @TempDir Path directory) throws Exception {
        var configuration = load(directory, HEADER + "  platform-infra:repository: " + nothing + "\n");
        // The CLI reads it as "" (loaders.go, checkForEmptyConfig); it overrides the project's default.
        assertThat(configuration.values()).containsEntry("platform-infra:repository", "");
    }

    @Test
    void nullsInsideAStructuredValueStayNullSoAMistypedEmptyFieldIsStillSeen(@TempDir Path directory)
            throws Exception {
        var configuration = load(directory, HEADER + "  platform-infra:network:\n    adressSpace: ~\n"
                + "  platform-infra:storage:\n    containers: [uploads, ~]\n");
        assertThat(configuration.values()).containsEntry("platform-infra:network", "{\"adressSpace\":null}")
                .containsEntry("platform-infra:storage", "{\"containers\":[\"uploads\",null]}");
    }

    @Test
    void aTildeIsNullNotText(@TempDir Path directory) throws Exception {
        var configuration = load(directory, HEADER + "  platform-infra:network:\n    addressSpace: ~\n"
                + "    other: \"~\"\n");
        assertThat(configuration.values()).containsEntry("platform-infra:network",
                "{\"addressSpace\":null,\"other\":\"~\"}");
    }

    @Test
    void mergeKeysAreExpandedWithTheMapsOwnKeysWinning(@TempDir Path directory) throws Exception {
        var merged = load(directory, HEADER + """
                  platform-infra:cluster:
                    userPools:
                      - &apps {name: apps, vmSize: Standard_D4ds_v5, minCount: 1, maxCount: 3}
                      - <<: *apps
                        name: batch
                        maxCount: 5
                """);
        assertThat(merged.values().get("platform-infra:cluster")).isEqualTo("{\"userPools\":["
                + "{\"name\":\"apps\",\"vmSize\":\"Standard_D4ds_v5\",\"minCount\":1,\"maxCount\":3},"
                + "{\"name\":\"batch\",\"maxCount\":5,\"vmSize\":\"Standard_D4ds_v5\",\"minCount\":1}]}");
    }

    @Test
    void ofSeveralMergedMapsTheEarlierWinsAsInYamlV3(@TempDir Path directory) throws Exception {
        var merged = load(directory, HEADER + """
                  platform-infra:network:
                    <<: [{addressSpace: 10.1.0.0/16}, {addressSpace: 10.2.0.0/16, extra: 1}]
                """);
        assertThat(merged.values().get("platform-infra:network"))
                .isEqualTo("{\"addressSpace\":\"10.1.0.0/16\",\"extra\":1}");
    }

    @Test
    void aStackFileWithAnchorsAndMergeKeysPlansExactlyLikeItsExpandedForm(@TempDir Path directory) throws Exception {
        var expanded = Files.createDirectory(directory.resolve("expanded"));
        var merged = Files.createDirectory(directory.resolve("merged"));
        TestProject.in(expanded).withRepositoryStage("dev", "dev", dev -> dev.replace(POOL, POOL + """
                      - name: batch
                        vmSize: Standard_D4ds_v5
                        minCount: 1
                        maxCount: 5
                """));
        TestProject.in(merged).withRepositoryStage("dev", "dev", dev -> dev.replace(POOL, POOL.replace(
                "      - name: apps", "      - &apps\n        name: apps") + """
                      - <<: *apps
                        name: batch
                        maxCount: 5
                """));
        var plan = CommandLineRun.of("plan", "--stack", "dev", "--format", "json", "--dir", expanded.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("\"batch\"");
        assertThat(CommandLineRun.of("plan", "--stack", "dev", "--format", "json", "--dir", merged.toString()).out())
                .isEqualTo(plan.out());
    }

    private static final String POOL = """
                  - name: apps
                    vmSize: Standard_D4ds_v5
                    minCount: 1
                    maxCount: 3
            """;

    // --- keys that are not text

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "42", "true", "1.5"})
    void aStackFileKeyThatIsNotTextIsRefusedWithWhereItIs(String key, @TempDir Path directory) {
        assertThatThrownBy(() -> load(directory, HEADER + "  platform-infra:network:\n    " + key + ": x\n"))
                .isInstanceOf(StackFileException.class)
                .hasMessageStartingWith("Pulumi.dev.yaml: a key in 'config.platform-infra:network' is ")
                .hasMessageContaining("not text: the Pulumi CLI accepts only text keys");
    }

    @Test
    void aTopLevelOrConfigKeyThatIsNotTextIsRefused(@TempDir Path directory) {
        assertThatThrownBy(() -> load(directory, HEADER + "~: 1\n"))
                .hasMessage("Pulumi.dev.yaml: a top-level key is null (~, null or nothing), not text: the Pulumi CLI"
                        + " accepts only text keys (quote it if it is meant as text)");
        assertThatThrownBy(() -> load(Files.createDirectory(directory.resolve("numbered")), HEADER + "  7: seven\n"))
                .hasMessageContaining("Pulumi.dev.yaml: a key in 'config' is the number 7, not text");
    }

    @Test
    void aKeyInAListItemIsNamedWithItsIndex(@TempDir Path directory) {
        assertThatThrownBy(() -> load(directory, HEADER + "  platform-infra:waivers:\n    - rule: PI-ST-007\n"
                + "    - 2027: x\n"))
                .hasMessageContaining("a key in 'config.platform-infra:waivers[1]' is the number 2027, not text");
    }

    @Test
    void aProjectFileKeyThatIsNotTextIsRefused(@TempDir Path directory) throws Exception {
        TestProject.in(directory).withStackFile("dev", HEADER);
        Files.writeString(directory.resolve("Pulumi.yaml"), "~: 3\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> StackConfiguration.load(directory, "dev"))
                .isInstanceOf(StackFileException.class)
                .hasMessageStartingWith("Pulumi.yaml: a top-level key is null");
    }

    // --- what the CLI refuses in Pulumi.yaml

    @ParameterizedTest
    @ValueSource(strings = {"", "name: \"\"\n", "name: ~\n", "name: 42\n", "name: [a]\n"})
    void aProjectFileWithoutANameIsRefusedAsTheCliRefusesIt(String name, @TempDir Path directory) throws Exception {
        TestProject.in(directory).withStackFile("dev", HEADER);
        var project = directory.resolve("Pulumi.yaml");
        Files.writeString(project, name + Files.readString(project).replaceFirst("(?m)^name: .*\n", ""));
        assertThatThrownBy(() -> StackConfiguration.load(directory, "dev"))
                .isInstanceOf(StackFileException.class)
                .hasMessageStartingWith("Pulumi.yaml: 'name' must be the project's name, as text")
                .hasMessageContaining("the Pulumi CLI refuses a project without one");
    }

    @Test
    void aProjectFileWithoutARuntimeIsRefused(@TempDir Path directory) throws Exception {
        TestProject.in(directory).withStackFile("dev", HEADER);
        var project = directory.resolve("Pulumi.yaml");
        Files.writeString(project, Files.readString(project).replaceFirst("(?ms)^runtime:.*?(?=^config:)", ""));
        assertThatThrownBy(() -> StackConfiguration.load(directory, "dev"))
                .hasMessageStartingWith("Pulumi.yaml: 'runtime' must name the program's runtime");
    }

    // --- encodings

    @Test
    void aUtf8ByteOrderMarkIsSkippedAsTheCliSkipsIt(@TempDir Path directory) throws Exception {
        var bytes = ("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_8);
        assertThat(loadBytes(directory, bytes).values()).containsEntry("platform-infra:owner", "team");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32"})
    void aUtf16Or32FileIsRefusedNamingTheFile(String charset, @TempDir Path directory) {
        var bytes = HEADER.getBytes(java.nio.charset.Charset.forName(charset));
        assertThatThrownBy(() -> loadBytes(directory, bytes))
                .isInstanceOf(StackFileException.class)
                .hasMessageStartingWith("Pulumi.dev.yaml is ")
                .hasMessageContaining("UTF-");
    }

    @Test
    void randomBytesAreRefusedNamingTheFileWhateverTheyAre(@TempDir Path directory) throws Exception {
        var random = new Random(10);
        for (int i = 0; i < 200; i++) {
            var bytes = new byte[1 + random.nextInt(400)];
            random.nextBytes(bytes);
            var project = Files.createDirectory(directory.resolve("p" + i));
            try {
                loadBytes(project, bytes);
            } catch (StackFileException e) {
                assertThat(e.getMessage()).startsWith("Pulumi.dev.yaml");
            }
        }
    }

    @Test
    void invalidUtf8IsRefusedNamingTheFile(@TempDir Path directory) {
        var bytes = (HEADER + "  platform-infra:costCenter: CC-\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> loadBytes(directory, bytes))
                .isInstanceOf(StackFileException.class)
                .hasMessageStartingWith("Pulumi.dev.yaml is not UTF-8 text");
    }

    @Test
    void aStackFileThatIsADirectoryCannotBeReadAndIsNamed(@TempDir Path directory) throws Exception {
        TestProject.in(directory);
        Files.createDirectory(directory.resolve("Pulumi.dev.yaml"));
        assertThatThrownBy(() -> StackConfiguration.load(directory, "dev")).isInstanceOf(StackFileException.class)
                .hasMessageStartingWith("Pulumi.dev.yaml ");
    }

    // --- nesting

    @Test
    void nestingUpToTheLimitIsRead(@TempDir Path directory) throws Exception {
        // config and the key's map are two levels; the value adds the rest.
        var inner = YamlFile.MAX_DEPTH - 2;
        var configuration = load(directory, HEADER + "  platform-infra:network: " + "[".repeat(inner)
                + "]".repeat(inner) + "\n");
        assertThat(configuration.values().get("platform-infra:network")).hasSize(2 * inner);
    }

    @ParameterizedTest
    @ValueSource(ints = {YamlFile.MAX_DEPTH - 1, 1_000, 100_000})
    void deeperFlowNestingIsRefusedWithoutExhaustingTheStack(int inner, @TempDir Path directory) {
        assertThatThrownBy(() -> load(directory, HEADER + "  platform-infra:network: " + "[".repeat(inner)
                + "]".repeat(inner) + "\n"))
                .isInstanceOf(StackFileException.class)
                .hasMessage("Pulumi.dev.yaml nests maps and lists more than 50 levels deep (line 3), aliases expanded;"
                        + " no stack file needs more than a few");
    }

    @Test
    void deeperBlockNestingIsRefused(@TempDir Path directory) {
        var yaml = new StringBuilder(HEADER + "  platform-infra:network:\n");
        for (int level = 0; level < 5_000; level++) {
            yaml.append("  ".repeat(level + 2)).append("a:\n");
        }
        assertThatThrownBy(() -> load(directory, yaml.toString())).isInstanceOf(StackFileException.class)
                .hasMessageContaining("more than 50 levels deep");
    }

    @Test
    void aliasesCountWithTheDepthTheyExpandTo(@TempDir Path directory) {
        // Each line is shallow; the aliases nest them 60 deep.
        var yaml = new StringBuilder(HEADER + "  platform-infra:network:\n    l0: &l0 [x]\n");
        for (int level = 1; level < 60; level++) {
            yaml.append("    l").append(level).append(": &l").append(level).append(" [*l").append(level - 1)
                    .append("]\n");
        }
        assertThatThrownBy(() -> load(directory, yaml.toString())).isInstanceOf(StackFileException.class)
                .hasMessageContaining("more than 50 levels deep (line 51)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&a [*a]", "&a {k: *a}", "&a [[1, [*a]]]"})
    void anAnchorContainingItsOwnAliasIsRefused(String value, @TempDir Path directory) {
        assertThatThrownBy(() -> load(directory, HEADER + "  platform-infra:network: " + value + "\n"))
                .isInstanceOf(StackFileException.class)
                .hasMessage("Pulumi.dev.yaml: anchor 'a' contains its own alias (line 3), which would repeat forever"
                        + " (the Pulumi CLI refuses it too)");
    }

    @Test
    void anAnchorRedefinedInsideItselfIsNotARecursion(@TempDir Path directory) throws Exception {
        var configuration = load(directory, HEADER + "  platform-infra:network: &a [&a [1], *a]\n");
        assertThat(configuration.values().get("platform-infra:network")).isEqualTo("[[1],[1]]");
    }
}
