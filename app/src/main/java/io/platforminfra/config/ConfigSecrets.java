package io.platforminfra.config;

import io.platforminfra.components.validation.Problem;
import io.platforminfra.structure.SecretText;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The secret keys of a stage's config and their values: what no problem, log line or plan may show.
 *
 * <p>A key is secret when the stack file encrypts it ({@code secure:}), also when only a field of it is encrypted
 * ({@code pulumi config set --secret --path database.adminGroupName}): the engine then marks the whole key secret
 * (PULUMI_CONFIG_SECRET_KEYS names keys, not paths), and so does the offline loader. Every value under such a key is
 * shown as {@code [secret]}, and the text of every secret value is masked wherever else it appears.
 */
final class ConfigSecrets {
    /** Keys the project declares secret ({@code secret: true} in Pulumi.yaml): masked even if given in plain text. */
    private static final Set<String> DECLARED_SECRET = Set.of(StackKeys.DATABASE_ADMIN_PASSWORD);

    private final Set<String> keys;
    private final SecretText text;

    private ConfigSecrets(Set<String> keys, SecretText text) {
        this.keys = keys;
        this.text = text;
    }

    /** The secrets of {@code source}. */
    static ConfigSecrets of(ConfigSource source) {
        var keys = new TreeSet<String>();
        source.keys().stream().filter(key -> source.isSecret(key) || DECLARED_SECRET.contains(key)).forEach(keys::add);
        var values = keys.stream().map(source::value).flatMap(Optional::stream).toList();
        return new ConfigSecrets(Set.copyOf(keys), SecretText.of(values));
    }

    /** Whether {@code field} (a qualified key, or a path under one) holds a secret value. */
    boolean covers(String field) {
        return keys.stream().anyMatch(key -> field.equals(key) || field.startsWith(key + ".")
                || field.startsWith(key + "["));
    }

    /** {@code problem} as it may be shown: a value under a secret key, or containing a secret, reads [secret]. */
    Problem mask(Problem problem) {
        var value = problem.value();
        var expectation = text.mask(problem.expectation());
        if (value != null && !(value instanceof Problem.Hidden)
                && (covers(problem.field()) || text.appearsIn(String.valueOf(value)))) {
            if (String.valueOf(value).contains(StackConfiguration.SECRET_PLACEHOLDER)) {
                expectation += "; offline an encrypted value cannot be read, so only a real preview, which decrypts"
                        + " it, can check it: encrypt only what is secret";
            }
            value = Problem.Hidden.SECRET;
        }
        return new Problem(problem.field(), value, expectation);
    }
}
