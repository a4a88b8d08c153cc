package io.platforminfra.components.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * The name of a role assignment, derived from what it grants: a name-based UUID (RFC 4122 section 4.3, version 5,
 * SHA-1) of its scope, role definition and principal.
 *
 * <p>Why: Azure names role assignments with GUIDs, and azure-native names them with a random one
 * (pulumi/pulumi-azure-native#582). After a lost state or the adoption of a hand-built stage, a random name creates a
 * second assignment of the same role to the same principal on the same scope, which Azure refuses (409
 * RoleAssignmentExists, "The role assignment already exists"). A derived name is the same every time, so the
 * existing assignment is found (and imported) instead. Scope and principal IDs are compared case-insensitively by
 * Azure, so they are lower-cased first; the role is its definition GUID, the same in every subscription.
 */
public final class RoleAssignmentName {
    /** The namespace of these names: {@code uuid5(NAMESPACE_URL, "https://platform-infra/role-assignments")}. */
    static final UUID NAMESPACE = UUID.fromString("38a0d5d0-dd27-51a8-a637-897373ab55de");

    private RoleAssignmentName() {
    }

    /** The name of the assignment of {@code roleDefinitionId} (a GUID or a full ID) to {@code principalId} on {@code scope}. */
    public static String of(String scope, String roleDefinitionId, String principalId) {
        var role = roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1);
        return uuid5(NAMESPACE, String.join("|", scope.toLowerCase(Locale.ROOT), role.toLowerCase(Locale.ROOT),
                principalId.toLowerCase(Locale.ROOT))).toString();
    }

    /** RFC 4122 section 4.3 with SHA-1: the namespace's 16 bytes, then the name in UTF-8. */
    static UUID uuid5(UUID namespace, String name) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            var hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            var buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
