package io.platforminfra.components.common;

import java.util.regex.Pattern;

/**
 * Checks of Entra ID object IDs written in settings.
 */
public final class ObjectIds {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ObjectIds() {
    }

    /** Whether {@code value} is an Entra ID object ID (a GUID). */
    public static boolean isObjectId(String value) {
        return value != null && GUID.matcher(value).matches();
    }
}
