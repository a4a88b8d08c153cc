package io.platforminfra.components.access;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role assignment names are derived, not random. The expected values come from an independent implementation of
 * RFC 4122 name-based UUIDs: Python's {@code uuid.uuid5}, run by hand and pasted here.
 */
class RoleAssignmentNameTest {
    private static final String SCOPE = "/subscriptions/s/resourceGroups/rg";
    private static final String SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
    private static final String PRINCIPAL = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

    @Test
    void theNamespaceIsTheVersion5UuidOfOurUrl() {
        // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'https://platform-infra/role-assignments'))"
        assertThat(RoleAssignmentName.uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
                "https://platform-infra/role-assignments")).isEqualTo(RoleAssignmentName.NAMESPACE);
        assertThat(RoleAssignmentName.NAMESPACE).hasToString("38a0d5d0-dd27-51a8-a637-897373ab55de");
    }

    @Test
    void theNameIsTheVersion5UuidOfScopeRoleAndPrincipal() {
        // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('38a0d5d0-dd27-51a8-a637-897373ab55de'),
        //   '/subscriptions/s/resourcegroups/rg|4633458b-17de-408a-b874-0445c86b69e6|0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'))"
        assertThat(RoleAssignmentName.of(SCOPE, SECRETS_USER, PRINCIPAL)).isEqualTo("fd804237-77e9-5357-b490-fa94a6e8bef6");
    }

    @Test
    void theSameGrantGetsTheSameNameWhicheverWayItIsWritten() {
        var name = RoleAssignmentName.of(SCOPE, SECRETS_USER, PRINCIPAL);
        assertThat(RoleAssignmentName.of(SCOPE.toUpperCase(), "/subscriptions/other/providers/Microsoft.Authorization"
                + "/roleDefinitions/" + SECRETS_USER, PRINCIPAL.toUpperCase())).isEqualTo(name);
    }

    @Test
    void anotherScopeRoleOrPrincipalGetsAnotherName() {
        var name = RoleAssignmentName.of(SCOPE, SECRETS_USER, PRINCIPAL);
        assertThat(RoleAssignmentName.of(SCOPE + "2", SECRETS_USER, PRINCIPAL)).isNotEqualTo(name);
        assertThat(RoleAssignmentName.of(SCOPE, "ba92f5b4-2d11-453d-a403-e96b0029c9fe", PRINCIPAL)).isNotEqualTo(name);
        assertThat(RoleAssignmentName.of(SCOPE, SECRETS_USER, "1" + PRINCIPAL.substring(1))).isNotEqualTo(name);
    }
}
