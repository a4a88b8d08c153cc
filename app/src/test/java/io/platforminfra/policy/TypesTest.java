package io.platforminfra.policy;

import io.platforminfra.azure.StatefulTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy's stateful types come from the one table and keep their meaning: the four core types. */
class TypesTest {

    @Test
    void thePolicysStatefulTypesAreTheTablesCoreTypes() {
        assertThat(Types.STATEFUL).isSameAs(StatefulTypes.CORE)
                .containsExactlyInAnyOrder(Types.CLUSTER, Types.VAULT, Types.STORAGE_ACCOUNT, Types.POSTGRES);
    }
}
