#!/usr/bin/env bash
# Sourced by the pipeline's Pulumi scripts on a Managed DevOps Pool agent: every tool authenticates as the ONE
# user-assigned managed identity attached to the pool the job runs on, with no secret and no service connection
# (docs/pipelines.md#identities-and-pools). The job's step maps the ring's variable group platform-infra-<type> in:
#   PLATFORM_INFRA_CLIENT_ID  $(READ_CLIENT_ID) on a -read pool, $(DEPLOY_CLIENT_ID) on a -deploy pool
#   PLATFORM_INFRA_RING       the environment type of the pool (development or production)
#   ARM_TENANT_ID, PULUMI_BACKEND_URL  from the variable group
set -euo pipefail

# A variable the group lacks reaches the step as the literal text "$(NAME)" (Azure Pipelines leaves an undefined
# macro as it is: learn.microsoft.com/azure/devops/pipelines/process/variables, "Macro syntax variables"), so
# both an empty and an unexpanded value are refused, naming where the value must come from.
require_variable() {
  local name=$1 source=$2 value=${!1:-}
  # shellcheck disable=SC2016 # matches the literal text "$(", which an undefined macro leaves
  if [[ -z $value || $value == '$('*')' ]]; then
    echo "##vso[task.logissue type=error]$name is not set (value: '${value}'): it comes from $source" >&2
    exit 1
  fi
}
require_variable PLATFORM_INFRA_RING "the pipeline step's env (the ring of the job's pool: development or production)"
ring=$PLATFORM_INFRA_RING
group="variable group platform-infra-$ring (docs/pipelines.md#variable-groups)"
require_variable PLATFORM_INFRA_CLIENT_ID "READ_CLIENT_ID or DEPLOY_CLIENT_ID of the $group"
require_variable ARM_TENANT_ID "the $group"
require_variable PULUMI_BACKEND_URL "the $group"

# azure-native: managed identity, the user-assigned one by its client ID (provider/pkg/provider/auth.go:
# SupportsManagedServiceIdentity from useMsi/ARM_USE_MSI, ClientID from ARM_CLIENT_ID). The tenant is explicit:
# under MSI getClientConfig otherwise returns an empty tenantId (pulumi/pulumi-azure-native#3594).
export ARM_USE_MSI=true
export ARM_CLIENT_ID=$PLATFORM_INFRA_CLIENT_ID
export ARM_TENANT_ID
# Nothing of the former workload identity federation may win over the managed identity.
unset ARM_USE_OIDC ARM_OIDC_TOKEN ARM_OIDC_TOKEN_FILE_PATH ARM_OIDC_REQUEST_TOKEN ARM_OIDC_REQUEST_URL \
  ARM_CLIENT_SECRET ARM_CLIENT_CERTIFICATE_PATH ARM_SUBSCRIPTION_ID
# No ARM_SUBSCRIPTION_ID: every stack file names its subscription as azure-native:subscriptionId, which the provider
# reads before ARM_SUBSCRIPTION_ID (issue 11 design point 6), so a stage can only target its own subscription.
# The azblob state backend and the azurekeyvault secrets provider authenticate with DefaultAzureCredential
# ("azureblob.URLOpener: using NewDefaultAzureCredential", pulumi/pulumi-azure-native#2832), whose managed identity
# credential takes the user-assigned identity from AZURE_CLIENT_ID.
export AZURE_CLIENT_ID=$PLATFORM_INFRA_CLIENT_ID
export AZURE_TENANT_ID=$ARM_TENANT_ID
# kubelogin (the AKS provider's exec plugin) in msi mode, with the client ID from AZURE_CLIENT_ID (Azure/kubelogin
# docs/book/src/cli/get-token.md). Managed identity tokens come from the instance metadata service whenever a tool
# asks, so none expires in a long run (the federated token of the old service connections did, after 10 minutes:
# Azure/login#372).
export AAD_LOGIN_METHOD=msi
export PULUMI_SKIP_UPDATE_CHECK=true

# The Azure CLI, for the one script that still calls `az` (purging a removed development stage's vault): logged in as
# the same identity. --client-id replaced --username for user-assigned identities (added by Azure/azure-cli#30525,
# early 2025; --username was dropped for managed identities by Azure/azure-cli#31015): an agent image with an older
# az fails here with "unrecognized arguments" (the release number of the change is unverified).
az_login_as_pool_identity() {
  az login --identity --client-id "$PLATFORM_INFRA_CLIENT_ID" --allow-no-subscriptions --output none
}

pulumi login "$PULUMI_BACKEND_URL"
