package io.platforminfra.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.util.Optional;

/**
 * Reads stack configuration from the running Pulumi deployment (the real engine or the mock engine alike).
 */
final class PulumiConfigSource implements ConfigSource {
    private final Context context;

    PulumiConfigSource(Context context) {
        this.context = context;
    }

    @Override
    public Optional<String> value(String qualifiedKey) {
        return config(qualifiedKey).get(key(qualifiedKey));
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
        return config(qualifiedKey).requireSecret(key(qualifiedKey));
    }

    private com.pulumi.Config config(String qualifiedKey) {
        return context.config(qualifiedKey.substring(0, qualifiedKey.indexOf(':')));
    }

    private static String key(String qualifiedKey) {
        return qualifiedKey.substring(qualifiedKey.indexOf(':') + 1);
    }
}
