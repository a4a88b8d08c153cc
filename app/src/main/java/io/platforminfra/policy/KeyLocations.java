package io.platforminfra.policy;

import java.util.Map;
import java.util.Optional;

/**
 * Where each key of a stack file is written, by path: {@code config}, {@code platform-infra:cluster},
 * {@code platform-infra:cluster.skuTier}, {@code platform-infra:waivers[0]}. The program reads them from the YAML
 * parser's marks; the reports point a finding at the line that causes it.
 *
 * @param positions the position of each key (of each list item for {@code [i]}), by path
 */
public record KeyLocations(Map<String, Position> positions) {
    /** No positions known: results carry no region. */
    public static final KeyLocations NONE = new KeyLocations(Map.of());

    /** Copies the map. */
    public KeyLocations {
        positions = Map.copyOf(positions);
    }

    /** Where the key at {@code path} is written, if it is. */
    public Optional<Position> of(String path) {
        return Optional.ofNullable(positions.get(path));
    }

    /**
     * A place in a file, both counted from 1 as editors and SARIF count them.
     *
     * @param line   the line
     * @param column the column (characters from the start of the line, plus one)
     */
    public record Position(int line, int column) {
    }
}
