package io.platforminfra.program;

import io.platforminfra.config.StackConfiguration;
import io.platforminfra.config.StackKeys;
import io.platforminfra.config.StageConfigReader;

import io.platforminfra.cli.CommandLineRun;
import io.platforminfra.offline.AzureMocks;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;

import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stage names its own subscription ({@code azure-native:subscriptionId}): the provider deploys there and reports
 * it, so role definition IDs and scopes lie in it, and a production preview can never target another ring's
 * subscription. A stack file without a usable one is refused like any other mistake.
 */
class StageSubscriptionTest {
    private static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

    private static String subscriptionOf(String stage) {
        return StageConfigReader.read(StackConfiguration.load(StageRuns.PROJECT, stage), TestDates.AS_OF, Platform.SECTIONS)
                .subscriptionId();
    }

    private static String problemsOfDevWith(String subscription) {
        return StageRuns.refusalOf(StageRuns.configurationWith("dev",
                Collections.singletonMap(StackKeys.SUBSCRIPTION_ID, subscription)));
    }

    @Test
    void everyStackFileNamesItsOwnSubscription() {
        var seen = new HashSet<String>();
        for (var stage : StageRuns.stagesInRepository()) {
            assertThat(subscriptionOf(stage)).as(stage).matches("[0-9a-f-]{36}");
            assertThat(seen.add(subscriptionOf(stage))).as(stage + " shares its subscription with another stage")
                    .isTrue();
        }
    }

    @Test
    void aStageWithoutASubscriptionIsRefused() {
        assertThat(problemsOfDevWith(null)).contains("Pulumi.dev.yaml: azure-native:subscriptionId must name the"
                + " subscription the stage deploys into, as a GUID", "scripts/bootstrap.sh prints it",
                "(value: not set)");
    }

    @Test
    void aSubscriptionThatIsNoGuidIsRefused() {
        for (var value : new String[] {"platform-production", "00000000-0000-0000-0000-000000000000",
                "2b1c7a5e-0000-4000-8000"}) {
            assertThat(problemsOfDevWith(value)).as(value).contains("Pulumi.dev.yaml: azure-native:subscriptionId"
                    + " must be a subscription ID (a GUID", "not a subscription's name", "(value: '" + value + "')");
        }
        assertThat(problemsOfDevWith("[\"a\",\"b\"]")).contains("Pulumi.dev.yaml: azure-native:subscriptionId must"
                + " be text (the subscription's ID, a GUID), not a list");
    }

    @Test
    void aStageWithoutASubscriptionFailsThePlanWithExitCodeTwo(@TempDir Path directory) {
        var run = CommandLineRun.planOfQa(directory, dev -> dev.replaceFirst(
                "(?m)^  azure-native:subscriptionId:.*\\n", ""));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Pulumi.qa.yaml: azure-native:subscriptionId must name the subscription")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void roleDefinitionsAndScopesOfProductionLieInProductionsSubscription() {
        var run = StageRuns.run("prod");
        assertSucceeded(run);
        var production = "/subscriptions/" + subscriptionOf("prod") + "/";
        var assignments = run.ofType(ROLE_ASSIGNMENT);
        assertThat(assignments).isNotEmpty().allSatisfy(assignment -> {
            assertThat(String.valueOf(assignment.input("roleDefinitionId").orElseThrow())).as(assignment.name())
                    .startsWith(production + "providers/Microsoft.Authorization/roleDefinitions/");
            assertThat(String.valueOf(assignment.input("scope").orElse(production))).as(assignment.name())
                    .doesNotContain(subscriptionOf("dev"), AzureMocks.SUBSCRIPTION_ID);
        });
    }

    @Test
    void thePlanOfProductionShowsProductionsSubscription() {
        var run = CommandLineRun.of("plan", "--stack", "prod", "--dir", StageRuns.PROJECT.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("/subscriptions/" + subscriptionOf("prod")
                + "/providers/Microsoft.Authorization/roleDefinitions/").doesNotContain(subscriptionOf("dev"));
    }
}
