package io.platforminfra.program;

import java.util.Map;
import java.util.Optional;

/**
 * Only the release pipeline changes Azure. A run that would change something (an update, not a preview) anywhere
 * else is refused before anything is registered, unless someone breaks the glass on purpose, with a reason that is
 * logged in the update's diagnostics. Previews stay allowed everywhere: they change nothing.
 *
 * <p>Why: a local apply once hit the wrong cluster, and manual changes were overwritten by a deployment nobody
 * reviewed. Write access for people is also removed in Azure (only the pipeline identities may write); this guard
 * makes an attempt fail early and loudly with the reason, instead of half-way with an authorization error.
 *
 * <p>The release pipeline is recognised by the variables Azure Pipelines sets (a build of {@code main}) together
 * with {@link #RELEASE_VARIABLE}, which only the release job sets: a pull request build on the same agent is not a
 * release.
 */
public final class DeploymentGuard {
    /** Set to {@code true} by the release pipeline's deployment job, and only there. */
    public static final String RELEASE_VARIABLE = "PLATFORM_INFRA_RELEASE";
    /** Break glass: the reason for updating outside the release pipeline (an incident number and what is done). */
    public static final String BREAK_GLASS_VARIABLE = "PLATFORM_INFRA_BREAK_GLASS_REASON";
    /** The shortest reason accepted: enough for an incident reference and a few words. */
    static final int MINIMUM_REASON_LENGTH = 15;

    private DeploymentGuard() {
    }

    /** What the guard decided for a run. */
    public sealed interface Decision {
        /** A normal run: a preview, or an update by the release pipeline. */
        record Allowed() implements Decision {
        }

        /** An update outside the release pipeline, allowed by break glass; {@code notice} must be logged. */
        record BrokenGlass(String notice) implements Decision {
        }

        /** An update outside the release pipeline, refused; {@code reason} says why and what to do instead. */
        record Refused(String reason) implements Decision {
        }
    }

    /**
     * Decides whether a run of {@code stage} may go on.
     *
     * @param dryRun      whether the engine runs a preview
     * @param environment the process environment
     */
    public static Decision decide(String stage, boolean dryRun, Map<String, String> environment) {
        if (dryRun || isRelease(environment)) {
            return new Decision.Allowed();
        }
        var reason = Optional.ofNullable(environment.get(BREAK_GLASS_VARIABLE)).map(String::strip).orElse("");
        if (reason.length() >= MINIMUM_REASON_LENGTH) {
            return new Decision.BrokenGlass("BREAK GLASS: stage " + stage + " is being updated outside the release"
                    + " pipeline by " + environment.getOrDefault("USER", environment.getOrDefault("USERNAME",
                    "an unknown user")) + ". Reason: " + reason);
        }
        return new Decision.Refused("Refusing to update stage " + stage + " outside the release pipeline: changes"
                + " to Azure are applied only by the pipeline after review (pulumi preview is allowed anywhere)."
                + (reason.isEmpty() ? "" : " The break-glass reason '" + reason + "' is too short: give at least "
                + MINIMUM_REASON_LENGTH + " characters, such as an incident number and what is being done.")
                + " In an emergency, set " + BREAK_GLASS_VARIABLE + " to the reason; the run then logs it.");
    }

    private static boolean isRelease(Map<String, String> environment) {
        return "True".equalsIgnoreCase(environment.get("TF_BUILD"))
                && "refs/heads/main".equals(environment.get("BUILD_SOURCEBRANCH"))
                && "true".equalsIgnoreCase(environment.get(RELEASE_VARIABLE));
    }
}
