package io.platforminfra.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The existing Azure resources a stage adopts instead of creating ({@code platform-infra:adopt}): resource IDs by
 * part. Parts not listed are created.
 *
 * @param ids resource ID by part
 */
public record Adoptions(Map<AdoptablePart, String> ids) {
    /** Copies the map, so the adoptions cannot change after reading. */
    public Adoptions {
        ids = ids.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ids));
    }

    /** The resource ID {@code part} adopts, or {@code null} when the part is created (what component args take). */
    public String idOf(AdoptablePart part) {
        return ids.get(part);
    }

    /** The resource ID {@code part} adopts, if any. */
    public Optional<String> find(AdoptablePart part) {
        return Optional.ofNullable(ids.get(part));
    }
}
