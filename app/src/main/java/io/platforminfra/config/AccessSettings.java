package io.platforminfra.config;

import io.platforminfra.components.validation.ObjectIds;
import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.Settings;
import lombok.Builder;
import lombok.Singular;
import lombok.Value;

import java.util.List;

/**
 * Who may look at a stage ({@code platform-infra:access}): Entra ID groups, never single people, so access is
 * granted and revoked by group membership and reviewed in one place. Nobody gets write access this way: only the
 * release pipeline's identities change Azure.
 */
@Value
@Builder
public class AccessSettings implements Settings {
    /** Groups given Reader on the stage's resource group (see everything, change nothing). Default: none. */
    @Singular
    List<String> readerGroupObjectIds;

    /**
     * Groups given the AKS Cluster User role on the cluster (they may get a kubeconfig; Kubernetes RBAC through
     * Entra ID decides what they may do inside). Default: none.
     */
    @Singular
    List<String> clusterUserGroupObjectIds;

    @Override
    public void check(Problems problems) {
        problems.each("readerGroupObjectIds", readerGroupObjectIds, ObjectIds::isObjectId, "be an object ID (a GUID)");
        problems.each("clusterUserGroupObjectIds", clusterUserGroupObjectIds, ObjectIds::isObjectId,
                "be an object ID (a GUID)");
    }
}
