package io.platforminfra.azure;

/**
 * Azure Policy built-in definitions the platform assigns, by ID: the same in every tenant. Named once for the
 * component that assigns them and the gate rule that checks the assignment.
 */
public final class BuiltInPolicies {
    /**
     * Built-in initiative "Kubernetes cluster pod security baseline standards for Linux-based workloads"
     * (Azure/azure-policy built-in-policies/policySetDefinitions/Kubernetes/Kubernetes_PSPBaselineStandard.json; its
     * {@code effect} parameter allows audit, deny and disabled).
     */
    public static final String POD_SECURITY_BASELINE =
            "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d";

    private BuiltInPolicies() {
    }
}
