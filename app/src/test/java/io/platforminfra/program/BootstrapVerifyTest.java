package io.platforminfra.program;

import io.platforminfra.pipelines.NamingScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/bootstrap.sh --verify-azure-devops} tells, before the first merge, whether Azure DevOps has what
 * the pipelines rely on and nothing offline can check: the environments with their Exclusive lock and Approvals,
 * the variable groups, the pools with Branch control on the deploy pools and Approvals on the production read pool.
 * Runs the real script against a stand-in {@code az} that answers Azure DevOps' REST calls as a project set up by
 * {@code docs/bootstrap.md} would, less what a test leaves out.
 */
class BootstrapVerifyTest {
    @TempDir
    Path bin;

    /** A stand-in az: every resource exists (IDs by name), and each resource's checks are those given. */
    private BootstrapScript.Run verify(String productionEnvironmentChecks, String productionReadPoolChecks,
                                       String deployPoolChecks, boolean teardownExists) throws Exception {
        var az = String.join("\n", "#!/usr/bin/env bash",
                "url=''; while (($#)); do case $1 in --url) url=$2; shift 2 ;; *) shift ;; esac; done",
                "printf '%s\\n' \"$url\" >> \"$(dirname \"$0\")/calls\"",
                "case $url in",
                "  *environments?name=" + NamingScheme.teardownEnvironment() + "*) "
                        + (teardownExists ? "echo 13" : "echo None") + " ;;",
                "  *environments?name=" + NamingScheme.environment("production") + "*) echo 12 ;;",
                "  *environments?name=*) echo 11 ;;",
                "  *variablegroups*) echo 5 ;;",
                "  *queues?queueName=" + NamingScheme.pool("production", NamingScheme.Role.READ) + "*) echo 21 ;;",
                "  *queues?queueName=*deploy*) echo 22 ;;",
                "  *queues?queueName=*) echo 23 ;;",
                "  *resourceType=environment'&'resourceId=12*) printf '" + productionEnvironmentChecks + "' ;;",
                "  *resourceType=environment*) printf 'ExclusiveLock|||\\nApproval|||\\n' ;;",
                "  *resourceType=queue'&'resourceId=21*) printf '" + productionReadPoolChecks + "' ;;",
                "  *resourceType=queue'&'resourceId=22*) printf '" + deployPoolChecks + "' ;;",
                "  *resourceType=queue*) ;;",
                "esac", "");
        var stub = bin.resolve("az");
        Files.writeString(stub, az);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        var copy = Files.createTempFile(bin, "bootstrap", ".sh");
        Files.writeString(copy, BootstrapScript.inProject().text());
        var process = new ProcessBuilder("bash", copy.toString(), "--verify-azure-devops",
                "--ado-org-url", "https://dev.azure.com/contoso", "--ado-project", "Platform Team")
                .redirectErrorStream(true);
        process.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes());
        return new BootstrapScript.Run(started.waitFor(), output);
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(bin.resolve("calls"));
    }

    @Test
    void aProjectSetUpAsDocumentedPasses() throws Exception {
        var run = verify("ExclusiveLock|||\\nApproval|||\\n", "Approval|||\\n",
                "Task Check|evaluatebranchProtection|refs/heads/main|true\\n", true);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Azure DevOps has every environment, variable group, pool and check");
        // Read-only: every call is a GET of the project's REST API, the project name encoded as a path segment.
        assertThat(calls()).isNotEmpty().allSatisfy(url -> assertThat(url)
                .startsWith("https://dev.azure.com/contoso/Platform%20Team/_apis/").contains("api-version="));
    }

    @Test
    void everyMissingCheckIsListedAtOnce() throws Exception {
        var run = verify("ExclusiveLock|||\\n", "", "Approval|||\\n", false);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(
                "environment platform-infra-production has no Approval check",
                "pool platform-infra-production-read has no Approval check",
                "pool platform-infra-development-deploy has no BranchControl check allowing exactly refs/heads/main",
                "pool platform-infra-production-deploy has no BranchControl check allowing exactly refs/heads/main",
                "environment platform-infra-teardown does not exist");
    }

    @Test
    void anotherTaskCheckIsNotMistakenForBranchControl() throws Exception {
        var run = verify("ExclusiveLock|||\\nApproval|||\\n", "Approval|||\\n",
                "Task Check|someOtherGate|refs/heads/main|true\\n", true);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("pool platform-infra-production-deploy has no BranchControl check allowing exactly refs/heads/main");
    }

    @Test
    void aBranchControlCheckThatAllowsMoreThanMainOrSkipsBranchProtectionFails() throws Exception {
        for (var loose : List.of("Task Check|evaluatebranchProtection|refs/heads/*|true\\n",
                "Task Check|evaluatebranchProtection|refs/heads/main|false\\n")) {
            var run = verify("ExclusiveLock|||\\nApproval|||\\n", "Approval|||\\n", loose, true);
            assertThat(run.exitCode()).as(loose).isEqualTo(1);
            assertThat(run.output()).as(loose).contains("pool platform-infra-production-deploy has no BranchControl"
                    + " check allowing exactly refs/heads/main with branch protection verified");
        }
    }

    @Test
    void withoutTheProjectItSaysWhatItNeeds() {
        var run = BootstrapScript.inProject().run("--verify-azure-devops");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("--verify-azure-devops needs --ado-org-url");
    }
}
