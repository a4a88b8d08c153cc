package io.platforminfra.program;

import io.platforminfra.azure.Deployer;

import io.platforminfra.config.Deployers;

import io.platforminfra.config.StackKeys;
import io.platforminfra.config.StageConfig;

import io.platforminfra.components.validation.ObjectIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Only the stage's deploying identities change Azure. An update (not a preview) is decided by who the Azure provider
 * really deploys as ({@link DeployingIdentity}: the client ID of the credentials it uses, and their object ID where
 * it reports one) against the identities the stage's stack file allows ({@code platform-infra:deployers}, client
 * IDs); anyone else is refused before anything is registered, unless they break the glass on purpose, which is
 * recorded under their IDs. Previews stay allowed for anyone: they change nothing.
 *
 * <p>Why: a local apply once hit the wrong cluster, and manual changes were overwritten by a deployment nobody
 * reviewed. Write access for people is also removed in Azure (only the pipeline identities may write); this guard
 * makes an attempt fail early and loudly with the reason, instead of half-way with an authorization error.
 *
 * <p>The process environment proves nothing: {@code TF_BUILD}, {@code BUILD_SOURCEBRANCH} or any variable a release
 * job sets can be typed into a laptop's shell. So the guard reads no pipeline variable; the environment only carries
 * the break-glass reason.
 *
 * <p><b>Why the client ID is enough.</b> Under managed identity ({@code ARM_USE_MSI}, how jobs on the Managed
 * DevOps Pools authenticate) azure-native 2.x reports no object ID at all ({@link DeployingIdentity}), so the
 * deploying identity can only be recognised by its client ID. The client ID the provider reports
 * ({@code auth.ClientID}, which go-azure-helpers' Builder copies from {@code ARM_CLIENT_ID}) is the one it gets its
 * tokens for: with a client secret, a certificate or OIDC the provider authenticates as exactly that client, and
 * with managed identity it asks the instance metadata service for that user-assigned identity
 * ({@code NewServicePrincipalTokenFromMSIWithUserAssignedID}, go-azure-helpers authentication/auth_method_msi.go;
 * older go-azure-helpers asked for the machine's only identity without a client ID, which is one reason each pool
 * has exactly one identity; which version azure-native 2.10.0 vendors is unverified). Every call to Azure then
 * fails unless Entra ID issued a token for that client. With
 * Azure CLI authentication go-azure-helpers reports the client of the CLI's token
 * ({@code a.clientId = token.ClientID}, authentication/azure_cli_profile_population.go), which is the Azure CLI
 * application ({@link Deployers#AZURE_CLI_CLIENT_ID}) for every person, never a value a person chooses;
 * that ID may therefore never be listed ({@link Deployers}), and an empty object ID never matches anything. The
 * deploy identities' tokens come only from the instance metadata service of the {@code -deploy} pools' agents, to
 * which only runs of {@code main} are admitted (docs/pipelines.md).
 *
 * <p><b>The residual gap, said plainly:</b> on a laptop someone can set {@code ARM_USE_MSI=true} and
 * {@code ARM_CLIENT_ID} to a listed client ID. The guard reads the provider's configuration, not a token, so it
 * admits that run; but the laptop has no such managed identity and gets no token, so the update fails at its first
 * call to Azure, before anything changes. Likewise a job on a {@code -read} pool that claims a deploy identity's
 * client ID gets no token for it (or, with an older go-azure-helpers, the read identity's, which may not write).
 * The guard makes mistakes fail early; Azure's role assignments are what stop a forged identity.
 */
public final class DeploymentGuard {
    /** Break glass: the reason for updating outside the release pipeline (an incident reference and what is done). */
    public static final String BREAK_GLASS_VARIABLE = "PLATFORM_INFRA_BREAK_GLASS_REASON";
    /**
     * Stack output recording a break-glass update: {@code {objectId, clientId, reason, at}}; {@code objectId} is
     * empty under managed identity.
     */
    public static final String BREAK_GLASS_OUTPUT = "breakGlass";
    /**
     * Tag on the stage's resource group recording a break-glass update: {@code <at> <objectId>: <reason>}, or
     * {@code <at> client <clientId>: <reason>} when the provider reports no object ID.
     */
    public static final String BREAK_GLASS_TAG = "break-glass";
    /** The shortest reason accepted: enough for an incident reference and a few words. */
    static final int MINIMUM_REASON_LENGTH = 15;
    /**
     * The longest reason accepted: with the time and the ID it still fits one Azure tag value (at most 256
     * characters, https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
     */
    static final int MAXIMUM_REASON_LENGTH = 180;

    private DeploymentGuard() {
    }

    /** What the guard decided for a run. */
    public sealed interface Decision {
        /** A preview: allowed for anyone, nobody asked. */
        record Preview() implements Decision {
        }

        /** An update by one of the stage's deploying identities. */
        record Deployer(DeployingIdentity identity) implements Decision {
        }

        /** An update by another identity, allowed by break glass; it must be logged and recorded. */
        record BrokenGlass(BreakGlass breakGlass) implements Decision {
        }

        /** An update refused; {@code reason} says why and what to do instead. */
        record Refused(String reason) implements Decision {
        }
    }

    /**
     * An update by an identity that is not one of the stage's deployers, with a stated reason.
     *
     * @param stage     the stage updated
     * @param stackFile its stack file, where the deployers are listed
     * @param objectId  who updates: the object ID of the Azure provider's credentials, empty under managed identity
     * @param clientId  the client ID of those credentials
     * @param reason    the stated reason
     * @param at        when the run started, to the second
     */
    public record BreakGlass(String stage, String stackFile, String objectId, String clientId, String reason,
                             Instant at) {
        /** The warning the run logs. */
        public String notice() {
            return "BREAK GLASS: stage " + stage + " is being updated outside the release pipeline by "
                    + new DeployingIdentity(objectId, clientId, "", "").description() + ", which is not in "
                    + StackKeys.DEPLOYERS + " of " + stackFile + ". Reason: " + reason + ". Recorded in the stack"
                    + " output " + BREAK_GLASS_OUTPUT + " and the resource group's tag " + BREAK_GLASS_TAG
                    + "; bring the repository in line by pull request afterwards (docs/pipelines.md).";
        }

        /** The value of the resource group's {@value #BREAK_GLASS_TAG} tag: at most 256 characters. */
        public String tagValue() {
            return at + " " + (objectId.isEmpty() ? "client " + clientId : objectId) + ": " + reason;
        }

        /** The stack output {@value #BREAK_GLASS_OUTPUT}. */
        public Map<String, String> output() {
            var output = new LinkedHashMap<String, String>();
            output.put("objectId", objectId);
            output.put("clientId", clientId);
            output.put("reason", reason);
            output.put("at", at.toString());
            return output;
        }
    }

    /**
     * Decides whether a run of the stage {@code config} describes may go on.
     *
     * @param dryRun      whether the engine runs a preview; then nobody is asked
     * @param identity    asks the Azure provider who it deploys as (only called for an update)
     * @param environment the process environment: only the break-glass reason is read from it
     * @param now         when the run started, recorded with a break glass
     */
    public static Decision decide(StageConfig config, boolean dryRun, Supplier<DeployingIdentity> identity,
                                  Map<String, String> environment, Instant now) {
        if (dryRun) {
            return new Decision.Preview();
        }
        var stage = config.stage();
        DeployingIdentity who;
        try {
            who = identity.get();
        } catch (RuntimeException e) {
            return new Decision.Refused("Refusing to update stage " + stage + ": the Azure provider could not say who"
                    + " it deploys as (getClientConfig failed: " + rootMessage(e) + "), so the deploying identity"
                    + " cannot be checked. Nothing was registered. Log in to Azure as the provider expects"
                    + " (https://www.pulumi.com/registry/packages/azure-native/installation-configuration/) and"
                    + " run again.");
        }
        if (!who.namesSomeone()) {
            // Nothing the provider reports names one identity: nobody can be matched, and not even a break glass
            // could be recorded under anyone's name.
            return new Decision.Refused("Refusing to update stage " + stage + ": the Azure provider reports "
                    + who.description() + ", which names no single identity, so who is deploying cannot be checked"
                    + " against " + StackKeys.DEPLOYERS + " of " + config.stackFile() + ", and a break glass could not"
                    + " be recorded under anyone's name. Nothing was registered. Use a login the provider can name:"
                    + " the pipeline pool's managed identity (ARM_USE_MSI with ARM_CLIENT_ID), or az login.");
        }
        if (listed(config.deployers(), who)) {
            return new Decision.Deployer(who);
        }
        var reason = Optional.ofNullable(environment.get(BREAK_GLASS_VARIABLE)).map(String::strip).orElse("");
        var problem = reasonProblem(reason);
        if (problem.isEmpty()) {
            var objectId = who.hasObjectId() ? who.objectId() : "";
            return new Decision.BrokenGlass(new BreakGlass(stage, config.stackFile(), objectId, who.clientId(),
                    reason, now.truncatedTo(ChronoUnit.SECONDS)));
        }
        return new Decision.Refused("Refusing to update stage " + stage + ": the Azure provider deploys as "
                + who.description() + ", which is not one of the stage's deploying identities (" + StackKeys.DEPLOYERS
                + " in " + config.stackFile() + ": " + String.join(", ", config.deployers()) + "). Changes to Azure"
                + " are applied by the release pipeline after review; pulumi preview is allowed for anyone. Nothing"
                + " was registered." + (reason.isEmpty() ? "" : " " + problem.get())
                + " In an emergency, set " + BREAK_GLASS_VARIABLE + " to the reason (an incident reference and what"
                + " is being done, " + MINIMUM_REASON_LENGTH + " to " + MAXIMUM_REASON_LENGTH + " characters); the"
                + " run is then recorded under these IDs in the log, the stack output " + BREAK_GLASS_OUTPUT
                + " and the resource group's tag " + BREAK_GLASS_TAG + ".");
    }

    /**
     * Whether {@code who} is one of {@code deployers}: by its client ID, or by its object ID where the provider
     * reports one. Only GUIDs match: an empty object ID (managed identity) or client ID never does, nor does the
     * Azure CLI's client ID, which every person signed in with az shares, even in a list that slipped past
     * validation ({@link Deployers}).
     */
    static boolean listed(List<String> deployers, DeployingIdentity who) {
        return deployers.stream().filter(id -> Deployers.identifiesOne(id) && !ObjectIds.isNil(id))
                .anyMatch(id -> id.equalsIgnoreCase(who.clientId())
                        || who.hasObjectId() && id.equalsIgnoreCase(who.objectId()));
    }

    /** Why a break-glass reason is not accepted, or empty when it is. */
    static Optional<String> reasonProblem(String reason) {
        if (reason.isEmpty()) {
            return Optional.of("No break-glass reason is set.");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            // Not echoed: a line break or escape sequence would forge lines in the log.
            return Optional.of("The break-glass reason contains control characters (line breaks, tabs, escapes):"
                    + " write it on one line.");
        }
        if (reason.length() > MAXIMUM_REASON_LENGTH) {
            return Optional.of("The break-glass reason has " + reason.length() + " characters: give at most "
                    + MAXIMUM_REASON_LENGTH + ", so that it fits the resource group's tag; details belong in the"
                    + " incident.");
        }
        if (reason.length() < MINIMUM_REASON_LENGTH || reason.split("\\s+").length < 2) {
            return Optional.of("The break-glass reason '" + reason + "' is too short: give at least "
                    + MINIMUM_REASON_LENGTH + " characters and two words, such as an incident reference and what is"
                    + " being done.");
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
