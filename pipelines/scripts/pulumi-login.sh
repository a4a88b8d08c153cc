#!/usr/bin/env bash
# Sourced by the pipeline's Pulumi scripts, inside an AzureCLI@2 task with workload identity federation: hands the
# task's identity to the Azure providers (OIDC) and, through `az`, to kubelogin, and logs in to the state backend.
# AzureCLI@2 with addSpnToEnvironment exposes the identity as idToken, servicePrincipalId and tenantId.
set -euo pipefail

export ARM_USE_OIDC=true
export ARM_OIDC_TOKEN="${idToken:?run inside AzureCLI@2 with addSpnToEnvironment: true}"
export ARM_CLIENT_ID="${servicePrincipalId:?run inside AzureCLI@2 with addSpnToEnvironment: true}"
export ARM_TENANT_ID="${tenantId:?run inside AzureCLI@2 with addSpnToEnvironment: true}"
ARM_SUBSCRIPTION_ID="$(az account show --query id --output tsv)"
export ARM_SUBSCRIPTION_ID
# Both come from the variable group platform-infra-state, never from this repository.
: "${PULUMI_BACKEND_URL:?set by the variable group platform-infra-state}"
: "${PULUMI_SECRETS_PROVIDER:?set by the variable group platform-infra-state}"
export PULUMI_SKIP_UPDATE_CHECK=true

pulumi login "$PULUMI_BACKEND_URL"
