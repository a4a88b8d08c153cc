package io.platforminfra.testing;

import com.pulumi.core.Output;
import io.platforminfra.components.attach.PrivateNetworkAttachment;
import io.platforminfra.components.base.MonitoredComponentArgs;
import io.platforminfra.components.base.PrivateComponentArgs;

/**
 * The shared inputs every component test gives the same way, set on any component's args builder: the {@code dev}
 * placement ({@link TestPlacements#dev()}), a workspace and, for private components, a private endpoint. A test
 * then sets only the inputs it is about. Call inside a mocked run only (outputs need the running deployment).
 */
public final class TestArgs {
    /** Resource ID of the workspace the components send their diagnostics to. */
    public static final String WORKSPACE_ID = "/workspaces/log";
    /** Resource ID of the subnet of the private endpoints. */
    public static final String ENDPOINT_SUBNET_ID = "/subnets/endpoints";
    /** Resource ID of the network the private DNS zones are linked to. */
    public static final String NETWORK_ID = "/vnets/v";

    private TestArgs() {
    }

    /** {@code args} placed in stage {@code dev}, sending to {@link #WORKSPACE_ID}. */
    public static <B extends MonitoredComponentArgs.MonitoredComponentArgsBuilder<?, B>> B monitoredInDev(
            MonitoredComponentArgs.MonitoredComponentArgsBuilder<?, B> args) {
        return args.placement(TestPlacements.dev()).logAnalyticsWorkspaceId(Output.of(WORKSPACE_ID));
    }

    /** {@link #monitoredInDev}, with the private endpoint in {@link #ENDPOINT_SUBNET_ID} of {@link #NETWORK_ID}. */
    public static <B extends PrivateComponentArgs.PrivateComponentArgsBuilder<?, B>> B privateInDev(
            PrivateComponentArgs.PrivateComponentArgsBuilder<?, B> args) {
        return monitoredInDev(args).privateEndpoint(
                new PrivateNetworkAttachment(Output.of(ENDPOINT_SUBNET_ID), Output.of(NETWORK_ID)));
    }
}
