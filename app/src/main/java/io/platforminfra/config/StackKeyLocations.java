package io.platforminfra.config;

import io.platforminfra.policy.KeyLocations;

import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Where the keys of a stack file are written, for reports that point at the line causing a finding: {@code config}
 * and every key under it, by the path the policy uses ({@code platform-infra:cluster.skuTier},
 * {@code platform-infra:waivers[0]}).
 */
public final class StackKeyLocations {
    private StackKeyLocations() {
    }

    /**
     * The keys of {@code stackFile} and where they are.
     *
     * @throws StackFileException when the file cannot be read or is not YAML
     */
    public static KeyLocations of(Path stackFile) {
        var positions = new LinkedHashMap<String, KeyLocations.Position>();
        YamlFile.positions(stackFile).forEach((path, position) -> {
            if (path.equals("config")) {
                positions.put(path, new KeyLocations.Position(position[0], position[1]));
            } else if (path.startsWith("config.")) {
                positions.put(path.substring("config.".length()), new KeyLocations.Position(position[0], position[1]));
            }
        });
        return new KeyLocations(positions);
    }
}
