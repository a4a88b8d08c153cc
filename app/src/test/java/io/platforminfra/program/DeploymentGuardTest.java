package io.platforminfra.program;

import io.platforminfra.config.Deployers;
import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StageConfig;
import io.platforminfra.config.StageConfigReader;

import com.pulumi.test.Mocks;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.offline.AzureMocks;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.LoggedDuring;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.mockito.Mockito;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Who may update a stage is decided by who the Azure provider deploys as (getClientConfig's client ID, and its object
 * ID where it reports one), against the stage's {@code platform-infra:deployers}; the shell's variables decide
 * nothing. Under managed identity (the pipeline pools) the provider reports no object ID, so the client ID decides.
 * Anyone else is refused before anything is registered, unless they break the glass, which is recorded under their
 * IDs. Previews run for anyone.
 */
class DeploymentGuardTest {
    /** The object ID of a person's {@code az login} on a laptop. */
    private static final String LAPTOP = "9d3b7c1e-52a4-4f0b-8e6d-2c4a1f7b9e30";
    /** A person's {@code az login}: the provider reports the Azure CLI's client ID and the person's object ID. */
    private static final AzureMocks.Caller LAPTOP_LOGIN = AzureMocks.Caller.signedIn(
            Deployers.AZURE_CLI_CLIENT_ID, LAPTOP);
    /** Another managed identity (say, another ring's pool identity), not listed for the stage. */
    private static final String OTHER_IDENTITY = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private static final Map<String, String> LAPTOP_SHELL = Map.of("USER", "alice", "HOME", "/home/alice");
    /** Everything Azure Pipelines and the old release job set, typed into the laptop's shell. */
    private static final Map<String, String> PIPELINE_VARIABLES = Map.of("TF_BUILD", "True",
            "BUILD_SOURCEBRANCH", "refs/heads/main", "PLATFORM_INFRA_RELEASE", "true",
            "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "https://dev.azure.com/contoso/", "BUILD_REASON", "IndividualCI");
    private static final String REASON = "INC-4711 restore vault network rules";
    /** The tests' fixed day, at which a break glass is recorded. */
    private static final String AT = "2026-12-02T00:00:00Z";
    /** The logger Pulumi's mock engine writes the program's log to (PulumiTestInternal.defaultLogger). */
    private static final Logger ENGINE_LOG = Logger.getLogger(MockedRun.ENGINE_LOGGER);

    private static StackConfiguration stage(String stage) {
        return StackConfiguration.load(StageRuns.PROJECT, stage);
    }

    /** The client ID the stage's stack file allows: its ring's deploying identity. */
    private static String pipelineIdentityOf(String stage) {
        return StageConfigReader.read(stage(stage), TestDates.AS_OF, Platform.SECTIONS).deployers().get(0);
    }

    /** A job on the stage ring's {@code -deploy} pool, as azure-native reports it under ARM_USE_MSI. */
    private static AzureMocks.Caller pipelinePool(String stage) {
        return AzureMocks.Caller.managedIdentity(pipelineIdentityOf(stage));
    }

    private static Mocks azureAs(String stage, boolean preview, AzureMocks.Caller caller) {
        return Mockito.spy(new AzureMocks(preview, caller, AzureMocks.subscriptionOf(stage(stage).values())));
    }

    /** A run of {@code stage} whose Azure provider deploys as {@code mocks} say, in a shell with {@code environment}. */
    private static Run run(String stage, boolean preview, Mocks mocks, Map<String, String> environment) {
        var configuration = stage(stage);
        var logged = LoggedDuring.run(ENGINE_LOG, () -> MockedRun.builder().stack(stage).preview(preview).mocks(mocks)
                .config(configuration.values(), configuration.secretKeys())
                .run(StackProgram.of(StageConfigReader.read(configuration, TestDates.AS_OF, Platform.SECTIONS), environment,
                        TestDates.AS_OF, TestDates.CLOCK)));
        return new Run(logged.result(), logged.records());
    }

    private record Run(RunResult result, List<LogRecord> log) {
        List<String> messages(Level level) {
            return log.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
        }
    }

    private static Map<String, String> merged(Map<String, String> first, Map<String, String> second) {
        var merged = new HashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private static ArgumentMatcher<Mocks.CallArgs> clientConfig() {
        return call -> call.token.equals("azure-native:authorization:getClientConfig");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Through the program, under the mock engine: the identity comes from the provider's getClientConfig invoke.

    @Test
    void thePipelinePoolsManagedIdentityUpdatesByItsClientIdThoughTheProviderReportsNoObjectId() {
        var mocks = azureAs("dev", false, pipelinePool("dev"));
        var run = run("dev", false, mocks, LAPTOP_SHELL);

        assertSucceeded(run.result());
        assertThat(run.result().customResources()).isNotEmpty();
        assertThat(run.result().result().outputs()).doesNotContainKey(DeploymentGuard.BREAK_GLASS_OUTPUT);
        assertThat(run.result().named("platform").orElseThrow().input("tags").map(Object::toString).orElseThrow())
                .doesNotContain(DeploymentGuard.BREAK_GLASS_TAG);
        assertThat(run.messages(Level.INFO)).anySatisfy(message -> assertThat(message)
                .contains("Updating stage dev as client ID " + pipelineIdentityOf("dev")
                        + " (object ID (none: managed identity))"));
        // The first thing the program asks of Azure is who it deploys as; every resource comes after.
        var first = Mockito.mockingDetails(mocks).getInvocations().iterator().next();
        assertThat(first.getMethod().getName()).isEqualTo("callAsync");
        assertThat(clientConfig().matches(first.getArgument(0))).isTrue();
    }

    /** What the provider reports for {@code caller}, in tenant {@code tenantId}. */
    private static CompletableFuture<Map<String, Object>> clientConfigAnswer(AzureMocks.Caller caller,
                                                                            String tenantId) {
        return CompletableFuture.completedFuture(Map.of("clientId", caller.clientId(), "objectId", caller.objectId(),
                "subscriptionId", AzureMocks.SUBSCRIPTION_ID, "tenantId", tenantId));
    }

    @Test
    void anUpdateAsksTheProviderOnceAndTheVaultTrustsTheTenantOfTheCredentialsTheGuardAdmitted() {
        var mocks = azureAs("dev", false, pipelinePool("dev"));
        // Were the provider asked again, a later answer would name another tenant: the vault would show it.
        var admitted = "0a1b2c3d-0000-4000-8000-00000000000a";
        Mockito.doReturn(clientConfigAnswer(pipelinePool("dev"), admitted),
                        clientConfigAnswer(pipelinePool("dev"), "0a1b2c3d-0000-4000-8000-00000000000b"))
                .when(mocks).callAsync(argThat(clientConfig()));
        var run = run("dev", false, mocks, LAPTOP_SHELL);

        assertSucceeded(run.result());
        verify(mocks, times(1)).callAsync(argThat(clientConfig()));
        assertThat(run.result().single(AzureResourceType.VAULT.token()).input("properties.tenantId")).contains(admitted);
    }

    @Test
    void aPreviewAsksTheProviderOnlyOnceForTheVaultsTenant() {
        var mocks = azureAs("dev", true, LAPTOP_LOGIN);
        var run = run("dev", true, mocks, LAPTOP_SHELL);

        assertSucceeded(run.result());
        verify(mocks, times(1)).callAsync(argThat(clientConfig()));
        assertThat(run.result().single(AzureResourceType.VAULT.token()).input("properties.tenantId"))
                .contains(AzureMocks.TENANT_ID);
    }

    @Test
    void aLaptopLoginIsRefusedEvenWithThePipelinesVariablesSetAndNothingIsRegistered() {
        for (var stage : StageRuns.stagesInRepository()) {
            var mocks = azureAs(stage, false, LAPTOP_LOGIN);
            var run = run(stage, false, mocks, merged(LAPTOP_SHELL, PIPELINE_VARIABLES));

            assertThat(run.result().result().exceptions()).as(stage).isEmpty();
            assertThat(run.result().result().errors()).as(stage).singleElement().asString()
                    .startsWith("Refusing to update stage " + stage + ": the Azure provider deploys as client ID "
                            + Deployers.AZURE_CLI_CLIENT_ID + " (object ID " + LAPTOP + "), which is not one"
                            + " of the stage's deploying identities (platform-infra:deployers in Pulumi." + stage
                            + ".yaml: " + pipelineIdentityOf(stage))
                    .contains(DeploymentGuard.BREAK_GLASS_VARIABLE, "Nothing was registered");
            assertThat(run.result().customResources()).as(stage).isEmpty();
            verify(mocks, never()).newResourceAsync(any());
        }
    }

    @Test
    void anotherRingsPoolIdentityIsRefused() {
        var run = run("prod", false, azureAs("prod", false, pipelinePool("dev")), Map.of());
        assertThat(run.result().result().errors()).singleElement().asString()
                .startsWith("Refusing to update stage prod: the Azure provider deploys as client ID "
                        + pipelineIdentityOf("dev") + " (object ID (none: managed identity)), which is not one of");
        assertThat(run.result().customResources()).isEmpty();
    }

    @Test
    void breakingTheGlassFromALaptopUpdatesNamedByItsObjectIdAndIsRecordedInOutputsTagAndLog() {
        var run = run("dev", false, azureAs("dev", false, LAPTOP_LOGIN),
                merged(LAPTOP_SHELL, Map.of(DeploymentGuard.BREAK_GLASS_VARIABLE, "  " + REASON + " ")));

        assertSucceeded(run.result());
        assertThat(run.result().customResources()).isNotEmpty();
        var record = run.result().output(DeploymentGuard.BREAK_GLASS_OUTPUT);
        assertThat(record.isKnown()).isTrue();
        assertThat(record.isSecret()).isFalse();
        assertThat(record.getValueNullable()).isEqualTo(Map.of("objectId", LAPTOP,
                "clientId", Deployers.AZURE_CLI_CLIENT_ID, "reason", REASON, "at", AT));
        assertThat(run.result().named("platform").orElseThrow().input("tags").orElseThrow())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry(DeploymentGuard.BREAK_GLASS_TAG, AT + " " + LAPTOP + ": " + REASON)
                .containsEntry("managed-by", "pulumi");
        assertThat(run.messages(Level.WARNING)).singleElement().asString()
                .startsWith("BREAK GLASS: stage dev is being updated outside the release pipeline by client ID "
                        + Deployers.AZURE_CLI_CLIENT_ID + " (object ID " + LAPTOP + "), which is not in"
                        + " platform-infra:deployers of Pulumi.dev.yaml. Reason: " + REASON + ".")
                .doesNotContain("alice");
        // Only the resource group carries the record: every other resource keeps exactly the standard tags.
        assertThat(run.result().customResources()).filteredOn(r -> !r.name().equals("platform"))
                .allSatisfy(r -> assertThat(String.valueOf(r.input("tags").orElse(""))).doesNotContain(LAPTOP));
    }

    @Test
    void breakingTheGlassAsAnUnlistedManagedIdentityIsRecordedUnderItsClientId() {
        var run = run("dev", false, azureAs("dev", false, AzureMocks.Caller.managedIdentity(OTHER_IDENTITY)),
                Map.of(DeploymentGuard.BREAK_GLASS_VARIABLE, REASON));

        assertSucceeded(run.result());
        assertThat(run.result().output(DeploymentGuard.BREAK_GLASS_OUTPUT).getValueNullable()).isEqualTo(Map.of(
                "objectId", "", "clientId", OTHER_IDENTITY, "reason", REASON, "at", AT));
        assertThat(run.result().named("platform").orElseThrow().input("tags").orElseThrow())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry(DeploymentGuard.BREAK_GLASS_TAG, AT + " client " + OTHER_IDENTITY + ": " + REASON);
        assertThat(run.messages(Level.WARNING)).singleElement().asString()
                .startsWith("BREAK GLASS: stage dev is being updated outside the release pipeline by client ID "
                        + OTHER_IDENTITY + " (object ID (none: managed identity)), which is not in");
    }

    @Test
    void aPreviewByAnyoneIsAllowed() {
        for (var caller : List.of(LAPTOP_LOGIN, pipelinePool("dev"), new AzureMocks.Caller("", ""))) {
            var run = run("prod", true, azureAs("prod", true, caller), merged(LAPTOP_SHELL, PIPELINE_VARIABLES));
            assertSucceeded(run.result());
            assertThat(run.result().customResources()).isNotEmpty();
            assertThat(run.messages(Level.WARNING)).noneMatch(message -> message.contains("BREAK GLASS"));
        }
    }

    @Test
    void anIdentityTheProviderCannotNameIsRefusedEvenWithBreakGlass() {
        // No IDs at all, or only the Azure CLI's client ID, which every person signed in with az shares.
        for (var caller : List.of(new AzureMocks.Caller("", ""),
                AzureMocks.Caller.managedIdentity(Deployers.AZURE_CLI_CLIENT_ID))) {
            var run = run("dev", false, azureAs("dev", false, caller),
                    merged(PIPELINE_VARIABLES, Map.of(DeploymentGuard.BREAK_GLASS_VARIABLE, REASON)));
            assertThat(run.result().result().errors()).as(caller.toString()).singleElement().asString()
                    .startsWith("Refusing to update stage dev: the Azure provider reports client ID ")
                    .contains("which names no single identity", "a break glass could not be recorded");
            assertThat(run.result().customResources()).as(caller.toString()).isEmpty();
        }
    }

    @Test
    void whenTheProviderCannotBeAskedTheUpdateIsRefused() {
        var mocks = azureAs("dev", false, pipelinePool("dev"));
        Mockito.doReturn(CompletableFuture.failedFuture(new IllegalStateException("no credentials: run az login")))
                .when(mocks).callAsync(argThat(clientConfig()));
        var run = run("dev", false, mocks, LAPTOP_SHELL);
        assertThat(run.result().result().errors()).singleElement().asString()
                .startsWith("Refusing to update stage dev: the Azure provider could not say who it deploys as"
                        + " (getClientConfig failed: ")
                .contains("no credentials: run az login");
        assertThat(run.result().customResources()).isEmpty();
        verify(mocks, never()).newResourceAsync(any());
    }

    // ------------------------------------------------------------------------------------------------------------
    // The decision itself, for every combination that matters.

    private static final Instant NOW = Instant.parse("2026-12-02T09:41:27.123Z");

    private static StageConfig dev() {
        return StageConfigReader.read(stage("dev"), TestDates.AS_OF, Platform.SECTIONS);
    }

    /** What the provider reports for a person's az login with object ID {@code objectId}. */
    private static DeployingIdentity identity(String objectId) {
        return identity(Deployers.AZURE_CLI_CLIENT_ID, objectId);
    }

    private static DeployingIdentity identity(String clientId, String objectId) {
        return new DeployingIdentity(objectId, clientId, AzureMocks.TENANT_ID, AzureMocks.SUBSCRIPTION_ID);
    }

    private static DeploymentGuard.Decision decide(String objectId, Map<String, String> environment) {
        return decide(identity(objectId), environment);
    }

    private static DeploymentGuard.Decision decide(DeployingIdentity who, Map<String, String> environment) {
        return DeploymentGuard.decide(dev(), false, () -> who, environment, NOW);
    }

    @Test
    void noCombinationOfPipelineVariablesLetsALaptopIdentityUpdate() {
        var names = List.copyOf(PIPELINE_VARIABLES.keySet());
        for (int subset = 0; subset < 1 << names.size(); subset++) {
            var environment = new HashMap<>(LAPTOP_SHELL);
            for (int i = 0; i < names.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    environment.put(names.get(i), PIPELINE_VARIABLES.get(names.get(i)));
                }
            }
            assertThat(decide(LAPTOP, environment)).as(environment.toString())
                    .isInstanceOf(DeploymentGuard.Decision.Refused.class);
        }
    }

    @Test
    void theDeployingIdentityIsRecognisedByItsClientIdWhateverTheCaseAndWhateverTheShellSays() {
        var deployer = pipelineIdentityOf("dev");
        for (var clientId : List.of(deployer, deployer.toUpperCase())) {
            var who = identity(clientId, "");
            assertThat(decide(who, Map.of())).isEqualTo(new DeploymentGuard.Decision.Deployer(who));
            // A deployer with a break-glass reason set is a normal update: there is nothing to record.
            assertThat(decide(who, Map.of(DeploymentGuard.BREAK_GLASS_VARIABLE, REASON)))
                    .isInstanceOf(DeploymentGuard.Decision.Deployer.class);
        }
    }

    @Test
    void aListedIdIsAlsoMatchedAsTheObjectIdOfACallerWhoseObjectIdTheProviderReports() {
        // An OIDC or client-secret service principal: its own client ID, and its object ID, which is listed.
        var servicePrincipal = identity(OTHER_IDENTITY, pipelineIdentityOf("dev"));
        assertThat(decide(servicePrincipal, Map.of()))
                .isEqualTo(new DeploymentGuard.Decision.Deployer(servicePrincipal));
    }

    @Test
    void anEmptyOrNilObjectIdAndTheAzureClisClientIdNeverMatch() {
        var cli = Deployers.AZURE_CLI_CLIENT_ID;
        assertThat(DeploymentGuard.listed(List.of(cli), identity(cli, LAPTOP))).isFalse();
        for (var objectId : List.of("", "00000000-0000-0000-0000-000000000000")) {
            var who = identity(OTHER_IDENTITY, objectId);
            assertThat(DeploymentGuard.listed(List.of(objectId), who)).as(objectId).isFalse();
            assertThat(DeploymentGuard.listed(List.of(pipelineIdentityOf("dev")), who)).as(objectId).isFalse();
        }
        assertThat(DeploymentGuard.listed(List.of(""), identity("", ""))).isFalse();
    }

    @Test
    void aPreviewAsksNobody() {
        assertThat(DeploymentGuard.decide(dev(), true, () -> {
            throw new AssertionError("a preview must not ask who deploys");
        }, Map.of(), NOW)).isEqualTo(new DeploymentGuard.Decision.Preview());
    }

    @Test
    void aBreakGlassIsNamedByTheObjectIdNotByTheShellsUserAndDatedToTheSecond() {
        var decision = decide(LAPTOP, merged(LAPTOP_SHELL, Map.of(DeploymentGuard.BREAK_GLASS_VARIABLE, REASON)));
        var breakGlass = new DeploymentGuard.BreakGlass("dev", "Pulumi.dev.yaml", LAPTOP,
                Deployers.AZURE_CLI_CLIENT_ID, REASON, Instant.parse("2026-12-02T09:41:27Z"));
        assertThat(decision).isEqualTo(new DeploymentGuard.Decision.BrokenGlass(breakGlass));
        assertThat(breakGlass.tagValue()).isEqualTo("2026-12-02T09:41:27Z " + LAPTOP + ": " + REASON);
    }

    @Test
    void aBreakGlassReasonMustSaySomethingOnOneLineAndFitATag() {
        var refusals = Map.of(
                "  urgent ", "The break-glass reason 'urgent' is too short",
                "fixfixfixfixfixfixfix", "The break-glass reason 'fixfixfixfixfixfixfix' is too short",
                "INC-4711 restore\nBREAK GLASS approved by security", "contains control characters",
                "INC-4711 " + "x".repeat(DeploymentGuard.MAXIMUM_REASON_LENGTH), "characters: give at most 180");
        refusals.forEach((reason, expected) -> {
            var decision = decide(LAPTOP, Map.of(DeploymentGuard.BREAK_GLASS_VARIABLE, reason));
            assertThat(decision).as(reason).isInstanceOf(DeploymentGuard.Decision.Refused.class);
            assertThat(((DeploymentGuard.Decision.Refused) decision).reason()).as(reason).contains(expected)
                    .doesNotContain("\n");
        });
        var longest = "INC-4711 " + "x".repeat(DeploymentGuard.MAXIMUM_REASON_LENGTH - 9);
        var decision = decide(LAPTOP, Map.of(DeploymentGuard.BREAK_GLASS_VARIABLE, longest));
        assertThat(decision).isInstanceOf(DeploymentGuard.Decision.BrokenGlass.class);
        assertThat(((DeploymentGuard.Decision.BrokenGlass) decision).breakGlass().tagValue())
                .hasSizeLessThanOrEqualTo(256);
    }
}
