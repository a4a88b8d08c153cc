package io.platforminfra.program;

import io.platforminfra.components.common.ObjectIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Only the stage's deploying identities change Azure. An update (not a preview) is decided by who the Azure provider
 * really deploys as ({@link DeployingIdentity}, the object ID of the credentials it uses) against the identities the
 * stage's stack file allows ({@code platform-infra:deployers}); anyone else is refused before anything is
 * registered, unless they break the glass on purpose, which is recorded under their object ID. Previews stay allowed
 * for anyone: they change nothing.
 *
 * <p>Why: a local apply once hit the wrong cluster, and manual changes were overwritten by a deployment nobody
 * reviewed. Write access for people is also removed in Azure (only the pipeline identities may write); this guard
 * makes an attempt fail early and loudly with the reason, instead of half-way with an authorization error.
 *
 * <p>The process environment proves nothing: {@code TF_BUILD}, {@code BUILD_SOURCEBRANCH} or any variable a release
 * job sets can be typed into a laptop's shell. The identity cannot: the pipeline's deploying identities have only
 * federated credentials, which Entra ID honours for the project's service connections alone (docs/bootstrap.md),
 * and those are granted to the release job of {@code main} only (docs/pipelines.md). So the guard reads no pipeline
 * variable; the environment only carries the break-glass reason.
 */
public final class DeploymentGuard {
    /** Break glass: the reason for updating outside the release pipeline (an incident reference and what is done). */
    public static final String BREAK_GLASS_VARIABLE = "PLATFORM_INFRA_BREAK_GLASS_REASON";
    /** Stack output recording a break-glass update: {@code {objectId, clientId, reason, at}}. */
    public static final String BREAK_GLASS_OUTPUT = "breakGlass";
    /** Tag on the stage's resource group recording a break-glass update: {@code <at> <objectId>: <reason>}. */
    public static final String BREAK_GLASS_TAG = "break-glass";
    /** The shortest reason accepted: enough for an incident reference and a few words. */
    static final int MINIMUM_REASON_LENGTH = 15;
    /**
     * The longest reason accepted: with the time and object ID it still fits one Azure tag value (at most 256
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
     * @param objectId  who updates: the object ID of the Azure provider's credentials
     * @param clientId  the client ID of those credentials, where they have one
     * @param reason    the stated reason
     * @param at        when the run started, to the second
     */
    public record BreakGlass(String stage, String stackFile, String objectId, String clientId, String reason,
                             Instant at) {
        /** The warning the run logs. */
        public String notice() {
            return "BREAK GLASS: stage " + stage + " is being updated outside the release pipeline by object ID "
                    + objectId + (clientId.isEmpty() ? "" : " (client ID " + clientId + ")") + ", which is not in "
                    + StackKeys.DEPLOYERS + " of " + stackFile + ". Reason: " + reason + ". Recorded in the stack"
                    + " output " + BREAK_GLASS_OUTPUT + " and the resource group's tag " + BREAK_GLASS_TAG
                    + "; bring the repository in line by pull request afterwards (docs/pipelines.md).";
        }

        /** The value of the resource group's {@value #BREAK_GLASS_TAG} tag: at most 256 characters. */
        public String tagValue() {
            return at + " " + objectId + ": " + reason;
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
        if (!ObjectIds.isObjectId(who.objectId())) {
            // azure-native reports an empty object ID when its login method cannot look one up; then nobody can be
            // named, so not even break glass applies.
            return new Decision.Refused("Refusing to update stage " + stage + ": the Azure provider reports no"
                    + " object ID for its credentials (client ID " + (who.clientId().isEmpty() ? "none" : who.clientId())
                    + "), so who is deploying cannot be checked against " + StackKeys.DEPLOYERS + " of "
                    + config.stackFile() + ", and a break glass could not be recorded under anyone's name. Nothing was"
                    + " registered. Use a login the provider can name: the pipeline's service connection (OIDC), or"
                    + " az login.");
        }
        if (config.deployers().stream().anyMatch(who.objectId()::equalsIgnoreCase)) {
            return new Decision.Deployer(who);
        }
        var reason = Optional.ofNullable(environment.get(BREAK_GLASS_VARIABLE)).map(String::strip).orElse("");
        var problem = reasonProblem(reason);
        if (problem.isEmpty()) {
            return new Decision.BrokenGlass(new BreakGlass(stage, config.stackFile(), who.objectId(), who.clientId(),
                    reason, now.truncatedTo(ChronoUnit.SECONDS)));
        }
        return new Decision.Refused("Refusing to update stage " + stage + ": the Azure provider deploys as object ID "
                + who.objectId() + ", which is not one of the stage's deploying identities (" + StackKeys.DEPLOYERS
                + " in " + config.stackFile() + ": " + String.join(", ", config.deployers()) + "). Changes to Azure"
                + " are applied by the release pipeline after review; pulumi preview is allowed for anyone. Nothing"
                + " was registered." + (reason.isEmpty() ? "" : " " + problem.get())
                + " In an emergency, set " + BREAK_GLASS_VARIABLE + " to the reason (an incident reference and what"
                + " is being done, " + MINIMUM_REASON_LENGTH + " to " + MAXIMUM_REASON_LENGTH + " characters); the"
                + " run is then recorded under this object ID in the log, the stack output " + BREAK_GLASS_OUTPUT
                + " and the resource group's tag " + BREAK_GLASS_TAG + ".");
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
