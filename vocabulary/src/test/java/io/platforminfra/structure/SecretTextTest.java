package io.platforminfra.structure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret config values are found in text as the Pulumi engine finds them, and masked. */
class SecretTextTest {

    @Test
    void aSecretIsMaskedWhereverItAppearsAlsoJsonEscaped() {
        var secrets = SecretText.of(List.of("p\"a<ss>word"));
        assertThat(secrets.mask("login with p\"a<ss>word now")).isEqualTo("login with [secret] now");
        assertThat(secrets.mask("{\"value\":\"p\\\"a\\u003css\\u003eword\"}")).isEqualTo("{\"value\":\"[secret]\"}");
        assertThat(secrets.mask("{\"value\":\"p\\\"a<ss>word\"}")).isEqualTo("{\"value\":\"[secret]\"}");
        assertThat(secrets.appearsIn("nothing here")).isFalse();
    }

    @Test
    void everyLeafOfAStructuredSecretIsASecretAndTheLongestIsMaskedWhole() {
        var secrets = SecretText.of(List.of("{\"admin\":\"db-admins\",\"ids\":[\"db-admins-prod\",4711],\"on\":true}"));
        assertThat(secrets.mask("group db-admins-prod, group db-admins, cost 4711"))
                .isEqualTo("group [secret], group [secret], cost [secret]");
    }

    @Test
    void shortValuesAndBooleansAreLeftAloneAsTheEngineLeavesThem() {
        var secrets = SecretText.of(List.of("{\"a\":\"7\",\"b\":\"ab\",\"c\":true,\"d\":\"False\"}"));
        assertThat(secrets.mask("7 ab true False")).isEqualTo("7 ab true False");
    }

    @Test
    void offlineOnlyTheEncryptedPartsOfAValueAreSecret() {
        var secrets = SecretText.of(List.of("{\"tier\":\"Burstable\",\"adminGroupName\":\""
                + SecretText.OFFLINE_PLACEHOLDER + "\"}"));
        assertThat(secrets.mask("tier Burstable, admin " + SecretText.OFFLINE_PLACEHOLDER))
                .isEqualTo("tier Burstable, admin [secret]");
    }
}
