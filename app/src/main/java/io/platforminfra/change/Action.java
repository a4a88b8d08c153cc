package io.platforminfra.change;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

import java.util.Map;

/**
 * What Pulumi does to a resource, as a reviewer counts it: in the offline plan (create or import) and in the preview
 * report of a real {@code pulumi preview}. Pulumi has more step operations than that:
 * the halves of a replacement ({@code create-replacement}, {@code delete-replaced}) are the replacement, and steps
 * that only read or forget state change nothing in Azure.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum Action {
    /** A new resource. */
    CREATE("+", "create"),
    /** Changed in place. */
    UPDATE("~", "update"),
    /** Deleted and created again (in either order): whatever the old one held is gone. */
    REPLACE("+-", "replace"),
    /** Deleted. */
    DELETE("-", "delete"),
    /** An existing Azure resource taken under management. */
    IMPORT("=", "import"),
    /** An operation this version does not know (a newer Pulumi CLI): shown as it is rather than hidden. */
    OTHER("?", "other"),
    /** Nothing changes in Azure: same, read, refresh and the state-only operations. */
    NONE("", "none");

    /** Every operation of the Pulumi engine (pkg/resource/deploy/step.go) that is not {@link #OTHER}. */
    private static final Map<String, Action> OPERATIONS = Map.ofEntries(
            Map.entry("create", CREATE),
            Map.entry("update", UPDATE),
            Map.entry("replace", REPLACE),
            Map.entry("create-replacement", REPLACE),
            Map.entry("delete-replaced", REPLACE),
            Map.entry("import-replacement", REPLACE),
            Map.entry("delete", DELETE),
            Map.entry("import", IMPORT),
            Map.entry("same", NONE),
            Map.entry("read", NONE),
            Map.entry("read-replacement", NONE),
            Map.entry("refresh", NONE),
            Map.entry("discard", NONE),
            Map.entry("discard-replaced", NONE),
            Map.entry("remove-pending-replace", NONE));

    /** The sign Pulumi shows for it. */
    private final String sign;
    /** The word Pulumi uses for it. */
    private final String word;

    /** The action of a step operation such as {@code update} or {@code delete-replaced}. */
    public static Action of(String operation) {
        return OPERATIONS.getOrDefault(operation, OTHER);
    }

    /** Whether it changes something in Azure (everything but {@link #NONE}). */
    public boolean changes() {
        return this != NONE;
    }
}
