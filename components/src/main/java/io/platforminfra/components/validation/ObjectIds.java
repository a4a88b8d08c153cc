package io.platforminfra.components.validation;

import java.util.regex.Pattern;

/**
 * Checks of Entra ID object IDs written in settings.
 */
public final class ObjectIds {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The nil GUID: what some tools print for "no ID"; never an identity or a subscription. */
    private static final String NIL = "00000000-0000-0000-0000-000000000000";

    private ObjectIds() {
    }

    /** Whether {@code value} is an Entra ID object ID (a GUID). */
    public static boolean isObjectId(String value) {
        return value != null && GUID.matcher(value).matches();
    }

    /** Whether {@code value} is the nil GUID, all zeros. */
    public static boolean isNil(String value) {
        return NIL.equals(value);
    }
}
