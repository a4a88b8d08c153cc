package io.platforminfra.azure;

/**
 * Config keys of the azure-native provider itself that a stage's stack file sets, named once for the stack program
 * (which validates them) and the offline engine (which answers as the provider would with them).
 */
public final class AzureNativeKeys {
    /**
     * The subscription the provider deploys into and reports from {@code getClientConfig}. The provider reads its
     * config before the environment ({@code getConfig("subscriptionId", "ARM_SUBSCRIPTION_ID")}, pulumi-azure-native
     * provider/pkg/provider/auth.go), so a stack file that names it cannot be redirected by a shell's variable.
     */
    public static final String SUBSCRIPTION_ID = "azure-native:subscriptionId";

    private AzureNativeKeys() {
    }
}
