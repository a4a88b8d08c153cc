package io.platforminfra.config;

import io.platforminfra.azure.AzureResourceKind;

/**
 * The parts of a stage that can adopt an existing Azure resource ({@code platform-infra:adopt}), each with the
 * field that names it in the stack file and the kind of resource it takes.
 */
public enum AdoptablePart {
    /** The stage's resource group. */
    RESOURCE_GROUP("resourceGroup", AzureResourceKind.RESOURCE_GROUP),
    /** The Log Analytics workspace of the Monitoring component. */
    MONITORING("monitoring", AzureResourceKind.LOG_ANALYTICS_WORKSPACE),
    /** The virtual network of the Network component (its subnets are still created). */
    NETWORK("network", AzureResourceKind.VIRTUAL_NETWORK),
    /** The AKS cluster of the AksCluster component. */
    CLUSTER("cluster", AzureResourceKind.KUBERNETES_CLUSTER),
    /** The Key Vault of the SecretStore component. */
    SECRET_STORE("secretStore", AzureResourceKind.KEY_VAULT),
    /** The storage account of the ObjectStorage component. */
    STORAGE("storage", AzureResourceKind.STORAGE_ACCOUNT),
    /** The PostgreSQL flexible server of the Database component. */
    DATABASE("database", AzureResourceKind.POSTGRESQL_SERVER);

    private final String field;
    private final AzureResourceKind kind;

    AdoptablePart(String field, AzureResourceKind kind) {
        this.field = field;
        this.kind = kind;
    }

    /** The field of {@code platform-infra:adopt} that names this part. */
    public String field() {
        return field;
    }

    /** The kind of Azure resource the part adopts. */
    public AzureResourceKind kind() {
        return kind;
    }
}
