package io.platforminfra.pipelines;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the pipeline scripts ask of the Pulumi CLI, and how they run: in a temporary copy of the artifact, with stub
 * {@code pulumi} and {@code java} commands on the PATH that record what they were asked (the stub {@code java}
 * answers {@code stages --environment-type} from the stack files, as the jar does). Every preview and update
 * refreshes first: for the properties the program ignores after creation (node pool counts, PostgreSQL zones, the
 * Kubernetes version on self-upgrading channels) Pulumi otherwise sends the value recorded at creation
 * (docs/deploy-fidelity.md).
 */
class PulumiScriptsTest {
    private static final Pattern PREVIEW_OR_UP = Pattern.compile("^\\s*(?:if\\s+)?pulumi\\s+(preview|up)\\b.*$",
            Pattern.MULTILINE);
    private static final String STUB_PULUMI = """
            #!/usr/bin/env bash
            echo "pulumi $* | ARM_USE_MSI=${ARM_USE_MSI-} ARM_CLIENT_ID=${ARM_CLIENT_ID-} \\
            AZURE_CLIENT_ID=${AZURE_CLIENT_ID-} ARM_TENANT_ID=${ARM_TENANT_ID-} AAD_LOGIN_METHOD=${AAD_LOGIN_METHOD-} \\
            ARM_OIDC_TOKEN=${ARM_OIDC_TOKEN-unset} ARM_SUBSCRIPTION_ID=${ARM_SUBSCRIPTION_ID-unset}" >> "$STUB_LOG"
            case "$1 $2" in
              "stack select") exit "${STUB_STACK_SELECT_STATUS:-0}" ;;
              "stack init")
                printf 'secretsprovider: %s\\nencryptedkey: c3R1Yg==\\n' "$6" >> "Pulumi.$4.yaml" ;;
              preview*) echo '{"steps": []}' ;;
            esac
            """;
    private static final String STUB_JAVA = """
            #!/usr/bin/env bash
            # java -jar <jar> stages --environment-type <type>
            [[ $3 == stages && $4 == --environment-type ]] || { echo "stub java: unexpected $*" >&2; exit 2; }
            for file in Pulumi.*.yaml; do
              if grep -qx "  platform-infra:environmentType: $5" "$file"; then
                stage=${file#Pulumi.}; echo "${stage%.yaml}"
              fi
            done
            """;

    @TempDir
    Path artifact;
    private Path log;

    @BeforeEach
    void artifactWithStubs() throws IOException {
        var scripts = Files.createDirectories(artifact.resolve("scripts"));
        try (var list = Files.list(PipelineDefinition.ROOT.resolve("pipelines/scripts"))) {
            for (var script : list.toList()) {
                Files.copy(script, scripts.resolve(script.getFileName()));
            }
        }
        var bin = Files.createDirectories(artifact.resolve("stub-bin"));
        executable(bin.resolve("pulumi"), STUB_PULUMI);
        executable(bin.resolve("java"), STUB_JAVA);
        log = artifact.resolve("stub.log");
        Files.writeString(log, "");
        stackFile("sandbox", "development", false);
        stackFile("live", "production", false);
    }

    @Test
    void everyPreviewAndUpdateRefreshesFirst() throws IOException {
        var invocations = new ArrayList<String>();
        try (Stream<Path> scripts = Files.list(PipelineDefinition.ROOT.resolve("pipelines/scripts"))) {
            for (var script : scripts.filter(p -> p.toString().endsWith(".sh")).sorted().toList()) {
                var matcher = PREVIEW_OR_UP.matcher(Files.readString(script));
                while (matcher.find()) {
                    invocations.add(script.getFileName() + ": " + matcher.group().strip());
                }
            }
        }
        // The one exception, by name: the drift check's preview compares the program with the state as it is, so
        // that a drift (found by its own refresh) is not reported a second time as an unapplied change.
        var driftCheck = "pulumi-drift.sh: ";
        assertThat(invocations).as("pulumi preview/up in pipelines/scripts").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> {
                    if (line.startsWith(driftCheck)) {
                        assertThat(line).as(line).contains("--refresh=false", "--expect-no-changes");
                    } else {
                        assertThat(line).as(line).containsPattern("--refresh(\\s|$)");
                    }
                });
        assertThat(invocations).as("the drift check's preview").anyMatch(line -> line.startsWith(driftCheck));
    }

    @Test
    void everyToolLogsInAsThePoolsManagedIdentityAndNothingElse() throws Exception {
        stackFile("sandbox", "development", true);
        var run = run(ringEnvironment("development"), "preview", "sandbox");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(stubLog()).extracting(line -> line.substring(0, line.indexOf(" |"))).containsExactly(
                "pulumi login azblob://state-development?storage_account=x", "pulumi stack select --stack sandbox",
                "pulumi preview --stack sandbox --refresh --diff --json");
        assertThat(stubLog()).allSatisfy(line -> assertThat(line)
                .contains("ARM_USE_MSI=true", "ARM_CLIENT_ID=client-of-pool", "AZURE_CLIENT_ID=client-of-pool",
                        "ARM_TENANT_ID=tenant", "AAD_LOGIN_METHOD=msi", "ARM_OIDC_TOKEN=unset",
                        "ARM_SUBSCRIPTION_ID=unset"));
        assertThat(artifact.resolve("preview-sandbox.json")).exists();
    }

    @Test
    void aStageWithoutItsStackYetIsSkippedWithAWarningSoItsPullRequestCanMergeAndTheOthersAreReleased()
            throws Exception {
        // A new stage's stack is created by the stage creation run, on main only: after its file is merged.
        stackFile("sandbox", "development", false);
        var preview = run(ringEnvironment("development"), "preview", "sandbox");
        assertThat(preview.exitCode).as(preview.output).isZero();
        assertThat(preview.output).contains("task.logissue type=warning]Stage sandbox has no stack yet",
                "not previewed", "pipelines/init-stage.yml", "task.complete result=SucceededWithIssues");
        assertThat(stubLog()).noneSatisfy(line -> assertThat(line).startsWith("pulumi preview"));

        stackFile("older", "development", true);
        var up = run(ringEnvironment("development"), "up", "development");
        assertThat(up.exitCode).as(up.output).isZero();
        assertThat(up.output).contains("Stage sandbox has no stack yet, so it is not released");
        assertThat(stubLog()).anySatisfy(line -> assertThat(line).startsWith("pulumi up --stack older"))
                .noneSatisfy(line -> assertThat(line).startsWith("pulumi up --stack sandbox"));
    }

    @Test
    void aMissingOrUndefinedVariableNamesTheVariableGroupItComesFrom() throws Exception {
        for (var value : new String[] {"", "$(ARM_TENANT_ID)"}) {
            var environment = ringEnvironment("production");
            environment.put("ARM_TENANT_ID", value);
            var run = run(environment, "preview", "live");

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output).contains("ARM_TENANT_ID is not set", "variable group platform-infra-production");
            assertThat(stubLog()).as("nothing ran").isEmpty();
        }
    }

    @Test
    void aStageOfTheOtherRingIsRefusedBeforeAnythingReadsItsState() throws Exception {
        stackFile("live", "production", true);
        var preview = run(ringEnvironment("development"), "preview", "live");
        assertThat(preview.exitCode).isEqualTo(1);
        assertThat(preview.output).contains("Stage 'live' is not a development stage", "refused");

        var up = run(ringEnvironment("development"), "up", "production");
        assertThat(up.exitCode).isEqualTo(1);
        assertThat(up.output).contains("up production on a development pool: refused");

        assertThat(stubLog()).allSatisfy(line -> assertThat(line).startsWith("pulumi login "));
    }

    @Test
    void stageCreationInitialisesTheStackWithTheRingsKeyAndPrintsTheLinesToCommit() throws Exception {
        var environment = ringEnvironment("production");
        environment.put("STUB_STACK_SELECT_STATUS", "1");
        var run = run(environment, "init", "live");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(stubLog()).anySatisfy(line -> assertThat(line)
                .startsWith("pulumi stack init --stack live --secrets-provider azurekeyvault://vault/keys/"
                        + "pulumi-secrets-production/v1 |"));
        assertThat(run.output).contains("secretsprovider: azurekeyvault://vault/keys/pulumi-secrets-production/v1",
                "encryptedkey: c3R1Yg==");
        assertThat(Files.readString(artifact.resolve("Pulumi.live.yaml"))).contains("encryptedkey: c3R1Yg==");
    }

    @Test
    void stageCreationRefusesAStageOfTheOtherRingAndAnExistingStack() throws Exception {
        var otherRing = ringEnvironment("development");
        otherRing.put("STUB_STACK_SELECT_STATUS", "1");
        var refused = run(otherRing, "init", "live");
        assertThat(refused.exitCode).isEqualTo(1);
        assertThat(refused.output).contains("Stage 'live' is not a development stage");

        var inState = ringEnvironment("production");
        inState.put("STUB_STACK_SELECT_STATUS", "0");
        var exists = run(inState, "init", "live");
        assertThat(exists.exitCode).isEqualTo(1);
        assertThat(exists.output).contains("Stage live already has a stack", "nothing is changed");

        stackFile("live", "production", true);
        inState.put("STUB_STACK_SELECT_STATUS", "1");
        var inFile = run(inState, "init", "live");
        assertThat(inFile.exitCode).isEqualTo(1);
        assertThat(inFile.output).contains("Stage live already has a stack");

        assertThat(stubLog()).noneSatisfy(line -> assertThat(line).startsWith("pulumi stack init"));
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(Map<String, String> environment, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("bash", "scripts/pulumi-stages.sh"));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).directory(artifact.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        return new Run(process.waitFor(), output);
    }

    /** What the job's step gives the script on the ring's pool, plus a token of the old federation to be dropped. */
    private Map<String, String> ringEnvironment(String ring) {
        var environment = new HashMap<String, String>();
        environment.put("PATH", artifact.resolve("stub-bin") + ":" + System.getenv("PATH"));
        environment.put("STUB_LOG", log.toString());
        environment.put("PLATFORM_INFRA_RING", ring);
        environment.put("PLATFORM_INFRA_CLIENT_ID", "client-of-pool");
        environment.put("ARM_TENANT_ID", "tenant");
        environment.put("PULUMI_BACKEND_URL", "azblob://" + NamingScheme.stateContainer(ring) + "?storage_account=x");
        environment.put("PULUMI_SECRETS_PROVIDER",
                "azurekeyvault://vault/keys/" + NamingScheme.secretsKey(ring) + "/v1");
        environment.put("ARM_OIDC_TOKEN", "federated-token");
        environment.put("ARM_SUBSCRIPTION_ID", "subscription-of-another-stage");
        return environment;
    }

    private void stackFile(String stage, String type, boolean initialised) throws IOException {
        Files.writeString(artifact.resolve("Pulumi." + stage + ".yaml"), "config:\n  platform-infra:environmentType: "
                + type + "\n" + (initialised ? "secretsprovider: azurekeyvault://k\nencryptedkey: a2V5\n" : ""));
    }

    private List<String> stubLog() throws IOException {
        return Files.readAllLines(log);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
