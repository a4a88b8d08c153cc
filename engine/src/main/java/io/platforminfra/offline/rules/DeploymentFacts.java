package io.platforminfra.offline.rules;

import io.platforminfra.azure.Deployer;

import java.time.LocalDate;

/**
 * What Azure's rules depend on besides a resource's own inputs.
 *
 * @param asOf     the day of the run: versions are judged against Azure's support on it
 * @param location the stage's region, for resources that do not name their own (an AKS agent pool lives in its
 *                 cluster's region)
 * @param deployer the identity that would deploy the stage, and what it may write
 */
public record DeploymentFacts(LocalDate asOf, String location, Deployer deployer) {
}
