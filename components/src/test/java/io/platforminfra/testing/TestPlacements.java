package io.platforminfra.testing;

import io.platforminfra.offline.AzureMocks;
import com.pulumi.core.Output;
import io.platforminfra.components.base.NamingConvention;
import io.platforminfra.components.base.Placement;

import java.util.Map;
import java.util.Set;

/**
 * Placements for component tests: stage {@code dev} in {@code westeurope}. Call inside a mocked run only
 * (outputs need the running deployment).
 */
public final class TestPlacements {
    /** Tags every test placement carries. */
    public static final Map<String, String> TAGS = Map.of("stage", "dev", "owner", "team-a",
            "cost-center", "CC-1", "managed-by", "pulumi", "repository", "platform-infra");

    private TestPlacements() {
    }

    /** The placement of stage {@code dev} in {@code westeurope}. */
    public static Placement dev() {
        return new Placement(Output.of("rg-plat-dev-weu"), "westeurope", new NamingConvention("plat", "dev", "westeurope"),
                TAGS, Output.of(AzureMocks.TENANT_ID), Output.of(AzureMocks.SUBSCRIPTION_ID), false, Set.of());
    }

    /** The same placement for a production stage: stateful resources protected. */
    public static Placement production() {
        return new Placement(Output.of("rg-plat-prod-weu"), "westeurope",
                new NamingConvention("plat", "prod", "westeurope"), TAGS, Output.of(AzureMocks.TENANT_ID),
                Output.of(AzureMocks.SUBSCRIPTION_ID), true, Set.of());
    }
}
