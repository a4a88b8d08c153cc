package io.platforminfra.report;

import java.util.List;
import java.util.Optional;

/**
 * The values of a resource's old or new state as the preview prints them: its inputs first (what the program sets,
 * what a reviewer recognises), then its outputs (where properties only the provider knows, such as computed IDs and
 * names, appear). Maps, lists, strings, doubles and booleans; secrets are {@code [secret]}.
 *
 * @param roots the inputs and the outputs, each a map, or a marker when the whole of it is secret
 */
public record StateValues(List<Object> roots) {
    /** No state: a creation has no old one and a deletion no new one. */
    public static final StateValues NONE = new StateValues(List.of());

    public StateValues {
        roots = List.copyOf(roots);
    }

    /** Whether there is a state at all. */
    public boolean present() {
        return !roots.isEmpty();
    }

    /** The value at {@code path} in the inputs, else in the outputs. */
    public Optional<Object> find(String path) {
        return roots.stream().map(root -> PropertyPath.find(root, path)).flatMap(Optional::stream).findFirst();
    }

    /** The text at {@code path}, if it is text. */
    public Optional<String> text(String path) {
        return find(path).filter(String.class::isInstance).map(String.class::cast);
    }
}
