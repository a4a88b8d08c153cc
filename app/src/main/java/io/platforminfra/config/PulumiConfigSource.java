package io.platforminfra.config;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.util.Optional;
import java.util.Set;

/**
 * Reads stack configuration from the running Pulumi deployment (the real engine or the mock engine alike).
 */
public final class PulumiConfigSource implements ConfigSource {
    private final Context context;
    private final Set<String> keys;

    /**
     * @param keys every key the deployment was given: the SDK looks keys up but cannot list them, so the entry
     *             point that knows them (the engine's environment, or the offline loader) hands them in
     */
    public PulumiConfigSource(Context context, Set<String> keys) {
        this.context = context;
        this.keys = Set.copyOf(keys);
    }

    @Override
    public Set<String> keys() {
        return keys;
    }

    @Override
    public Optional<String> value(String qualifiedKey) {
        return config(context, qualifiedKey).get(key(qualifiedKey));
    }

    @Override
    public boolean isSet(String qualifiedKey) {
        // Asked of the deployment directly: Config.get on a secret key would log a plain-text warning.
        // Blank counts as unset: Pulumi.yaml declares optional secret keys with an empty default.
        return DeploymentInternal.getInstance().getConfig(qualifiedKey).filter(v -> !v.isBlank()).isPresent();
    }

    @Override
    public boolean isSecret(String qualifiedKey) {
        return DeploymentInternal.getInstance().isConfigSecret(qualifiedKey);
    }

    @Override
    public Output<String> secret(String qualifiedKey) {
        return secretOf(context, qualifiedKey);
    }

    /**
     * The value of the secret key {@code qualifiedKey} of the deployment in {@code context}, as a secret Output: how
     * a program that was handed its validated config reads the one value that config does not carry.
     */
    public static Output<String> secretOf(Context context, String qualifiedKey) {
        return config(context, qualifiedKey).requireSecret(key(qualifiedKey));
    }

    private static com.pulumi.Config config(Context context, String qualifiedKey) {
        return context.config(qualifiedKey.substring(0, qualifiedKey.indexOf(':')));
    }

    private static String key(String qualifiedKey) {
        return qualifiedKey.substring(qualifiedKey.indexOf(':') + 1);
    }
}
