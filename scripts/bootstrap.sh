#!/usr/bin/env bash
# Creates what must exist before the first `pulumi up` of platform-infra: per ring (environment type: development,
# production) a state container and a secrets key, a read and a deploy managed identity, and a Managed DevOps Pool
# for each identity, in a virtual network that leaves through one static public IP; the identities' role
# assignments (with two custom roles), and the production subscription's Defender for Containers plan. Run once by
# a subscription Owner; safe to re-run (every step checks before it creates, and settings are re-applied, so a
# re-run also repairs drift). Creates and prints no secret: the pools' agents sign in as their pool's identity.
#   scripts/bootstrap.sh --help
#   scripts/bootstrap.sh --print-names   every name of the naming scheme, without touching Azure
# What it creates and why, and the Azure DevOps steps: docs/bootstrap.md.
set -euo pipefail

# The rings, by the value a stack file's platform-infra:environmentType gives them (EnvironmentType.configValue()),
# and the two roles of a ring's identities: read for pull requests, deploy for runs of main.
readonly RINGS=(development production)
readonly IDENTITY_ROLES=(read deploy)
readonly MIN_AZ_VERSION=2.53.0
# Versions, then soft-deleted blobs and containers, are kept this long: a damaged or deleted state file can be
# restored from any point in this window.
readonly RETENTION_DAYS=30

# Managed DevOps Pools. 2025-09-20 is a stable api-version of Microsoft.DevOpsInfrastructure whose CreateOrUpdatePool
# example matches this body (azure-rest-api-specs specification/devopsinfrastructure/resource-manager/
# Microsoft.DevOpsInfrastructure/stable/2025-09-20; newer stable folders exist, 2025-10-08 and 2026-06-02, not
# needed for these fields); the body follows its Pool model (learn.microsoft.com/rest/
# api/devopspools/pools/create-or-update: location, agentProfile, devCenterProjectResourceId, fabricProfile,
# maximumConcurrency, organizationProfile required; identity optional). A pool needs a Dev Center project
# (devCenterProjectResourceId); 2025-02-01 is the newest GA api-version of Microsoft.DevCenter/devcenters and
# projects (learn.microsoft.com/azure/templates/microsoft.devcenter/allversions).
readonly MDP_API=2025-09-20
# The tenants that own Microsoft's own applications (appOwnerOrganizationId of their service principals): Microsoft
# Services and Microsoft Corp. Nobody else can register an application in them. Source: a third-party allow-list
# (M365-Assess controls/microsoft-first-party-appids.json, "ownerTenantIds"), not a Microsoft page; which of the two
# owns DevOpsInfrastructure is unverified, so both are accepted (docs/bootstrap.md#first-run-checklist).
readonly MICROSOFT_OWNER_TENANTS=(f8cdef31-a31e-4b4a-93e4-5f571e91255a 72f988bf-86f1-41af-91ab-2d7cd011db47)
readonly DEVCENTER_API=2025-02-01
readonly POOL_SKU=Standard_D2ads_v5
# A well-known image kept current by Microsoft (configure-images.md "Azure Pipelines images"); unverified that
# ubuntu-24.04/latest is accepted: first-run checklist.
readonly POOL_IMAGE=ubuntu-24.04/latest
# The pools' network is isolated (not peered with anything), so its private range only has to hold four /27
# subnets: each pool needs its own delegated subnet ("the subnet can't be used by other pools or resources",
# managed-devops-pools/configure-networking.md), sized for the pool's agents plus Azure's 5 reserved addresses.
readonly POOL_ADDRESS_SPACE=10.210.0.0/24

# Built-in role definition IDs: the same in every tenant, and unambiguous where display names are localized.
readonly ROLE_READER=acdd72a7-3385-48ef-bd42-f606fba81ae7
readonly ROLE_CONTRIBUTOR=b24988ac-6180-42a0-ab88-20f7382dd24c
readonly ROLE_RBAC_ADMIN=f58310d9-a9f6-439a-9e8d-f62e7b41a168            # Role Based Access Control Administrator
readonly ROLE_BLOB_DATA_READER=2a2b9908-6ea1-4ae2-8e65-a410df84e7d1       # Storage Blob Data Reader
readonly ROLE_BLOB_DATA_CONTRIBUTOR=ba92f5b4-2d11-453d-a403-e96b0029c9fe  # Storage Blob Data Contributor
readonly ROLE_KV_CRYPTO_USER=12338af0-0e69-4776-bea7-57ae8d297424         # Key Vault Crypto User
readonly ROLE_KV_CRYPTO_OFFICER=14b46e9e-c2b7-41b4-b07b-48a6ebf60603      # Key Vault Crypto Officer
readonly ROLE_AKS_CLUSTER_USER=4abbcc35-e782-43d8-92c5-2d3f1bd2253f       # Azure Kubernetes Service Cluster User Role
readonly ROLE_AKS_RBAC_READER=7f6c6a51-bcf8-42ba-9220-52d62157d7db        # Azure Kubernetes Service RBAC Reader
readonly ROLE_NETWORK_CONTRIBUTOR=4d97b98b-1d4f-4787-a291-c67834d212e7    # Network Contributor
# The roles the program grants (components/.../common/BuiltInRole.java): Key Vault Secrets User, Storage Blob
# Data Contributor and Network Contributor to identities it creates; Reader and AKS Cluster User to the groups a
# stack file names (platform-infra:access). The deploying identities may assign these roles, to service principals
# and groups only, and no others. CI fails when BuiltInRole.java has a role missing here.
readonly PROGRAM_ASSIGNED_ROLES=(
  4633458b-17de-408a-b874-0445c86b69e6
  ba92f5b4-2d11-453d-a403-e96b0029c9fe
  4d97b98b-1d4f-4787-a291-c67834d212e7
  acdd72a7-3385-48ef-bd42-f606fba81ae7
  4abbcc35-e782-43d8-92c5-2d3f1bd2253f
)
# Who those roles may be assigned to: ServicePrincipal for the managed identities the program creates, Group for
# the Entra ID groups a stack file names. Never User: a person's access goes through a group, reviewed in one place.
readonly DELEGATION_PRINCIPAL_TYPES=(
  ServicePrincipal
  Group
)

# Custom roles for the two things the program writes and Contributor may not: Contributor's NotActions exclude
# Microsoft.Authorization/*/Write and Microsoft.Authorization/*/Delete (role-based-access-control/built-in-roles/
# privileged.md, ms.date 07/01/2026). vocabulary/src/main/java/io/platforminfra/azure/Deployer.java describes the same
# roles for the offline engine; DeployerMatchesBootstrapTest fails when the two differ.
#
# Policy assignments: every stage's cluster gets the assignment "pod security baseline" at the cluster's scope
# (AksCluster.java), so both deploying identities hold this role on their ring's subscription.
readonly POLICY_OPERATOR_ROLE="platform-infra Policy Assignment Operator"
readonly POLICY_OPERATOR_ACTIONS=(
  Microsoft.Authorization/policyAssignments/read
  Microsoft.Authorization/policyAssignments/write
  Microsoft.Authorization/policyAssignments/delete
)
# Locks: production stages put a CanNotDelete lock on each stateful resource (StatefulResources.java). Only Owner
# and User Access Administrator among the built-in roles may write locks, and both may also grant any role
# ("Who can create or delete locks", azure-resource-manager/management/lock-resources.md, which suggests a custom
# role). Only the production deploying identity holds it, on the production subscription: development stages have
# no locks, and the development deploy identity must never be able to lift production's.
readonly LOCK_OPERATOR_ROLE="platform-infra Lock Operator"
readonly LOCK_OPERATOR_ACTIONS=(
  Microsoft.Authorization/locks/read
  Microsoft.Authorization/locks/write
  Microsoft.Authorization/locks/delete
)


# The paths whose change decides what runs with a deploy identity, or how: a pull request touching any of them needs
# the platform team's review (required-reviewer branch policy on main, printed at the end). Path filters as Azure
# Repos takes them: folders as /<folder>/*, files exactly, * as wildcard, separated by ';' in --path-filter
# (az repos policy required-reviewer create --path-filter; branch-policies.md "Automatically include code
# reviewers"). Quoted, so that bash does not expand the wildcards against this machine's root directory.
# BootstrapReviewedPathsTest fails when a top-level entry of the repository is in neither list.
readonly REVIEWED_PATHS=(
  '/pipelines/*'
  '/app/*'
  '/components/*'
  '/engine/*'
  '/vocabulary/*'
  /pom.xml
  '/bin/*'
  /Pulumi.yaml
  '/Pulumi.*.yaml'
  '/scripts/*'
  '/.ci/*'
  /azure-pipelines.yml
)
# shellcheck disable=SC2034 # read by BootstrapReviewedPathsTest, the record of what was decided
# Top-level entries that never run with a deploy identity: documentation, the pull request template, the manual
# benchmark (bench/plan-benchmark.sh runs the offline plan only) and git's ignore list.
readonly UNREVIEWED_PATHS=(
  README.md
  CONTRIBUTING.md
  docs
  bench
  .azuredevops
  .gitignore
)

usage() {
  cat <<'USAGE'
Usage: scripts/bootstrap.sh [options]
       scripts/bootstrap.sh --print-names | --print-roles
       scripts/bootstrap.sh --verify-azure-devops --ado-org-url URL --ado-project NAME

Creates, once, what platform-infra's pipelines need before the first `pulumi up`, in the subscription given by
--subscription. Per ring (development, production): blob container state-<ring> in the state account, RSA key
pulumi-secrets-<ring> in the state vault, managed identities id-platform-infra-<ring>-read and -deploy with
least-privilege role assignments (two custom roles: policy assignments for both deploy identities, locks for
production's only), and Managed DevOps Pools platform-infra-<ring>-read and -deploy, each with its identity
attached. The pools run in a virtual network of their own whose only way out is a NAT gateway with one static
public IP; the state account and vault accept the pools' subnets only. Also turns on Microsoft Defender for
Containers on the production subscription. Prints what to enter in Azure DevOps, and the egress IP for the stack
files' cluster.authorizedIpRanges.
Safe to re-run. Needs the Azure CLI, signed in (az login) as an Owner of every subscription named.

Every option can also be given as an environment variable (shown after it).

Required:
  --subscription ID            BOOTSTRAP_SUBSCRIPTION   subscription for state, keys, identities and pools
  --location REGION            BOOTSTRAP_LOCATION       Azure region, e.g. westeurope (pools and their network
                                                        must be in one region: configure-networking.md)
  --prefix NAME                BOOTSTRAP_PREFIX         naming prefix, 2-8 lowercase letters/digits, e.g. plat
  --ado-org-url URL            BOOTSTRAP_ADO_ORG_URL    https://dev.azure.com/<organization>
  --ado-project NAME           BOOTSTRAP_ADO_PROJECT    Azure DevOps project the pools serve
  --nonprod-admin-groups IDS   BOOTSTRAP_NONPROD_ADMIN_GROUPS
                               object IDs (comma-separated) of the Entra ID groups in cluster.adminGroupObjectIds
                               of the development stack files; the development deploy identity is added to them
  --prod-admin-groups IDS      BOOTSTRAP_PROD_ADMIN_GROUPS
                               the same for the production stack files and the production deploy identity

Optional:
  --nonprod-subscription ID    BOOTSTRAP_NONPROD_SUBSCRIPTION  subscription of the development stages
                                                               (default: --subscription)
  --prod-subscription ID       BOOTSTRAP_PROD_SUBSCRIPTION     subscription of the production stages
                                                               (default: --subscription)
  --allow-shared-subscription  BOOTSTRAP_ALLOW_SHARED_SUBSCRIPTION=true
                               accept development and production stages in one subscription: then the
                               development deploy identity can change production resources too
  --pool-max-agents N          BOOTSTRAP_POOL_MAX_AGENTS  agents each pool may run at once, 1-16 (default 2)
  --storage-sku SKU            BOOTSTRAP_STORAGE_SKU    Standard_ZRS (default) or Standard_GZRS, Standard_RAGZRS
  --print-names                every name of the naming scheme this script creates or prints, one
                               "<kind> <name>" a line; touches nothing, needs no other option
  --print-roles                every role assignment of the pipeline identities, one
                               "<identity> <scope> <role GUID or custom role name>" a line; touches
                               nothing, needs no other option
  --verify-azure-devops        reads (never writes) the project's environments, variable groups, agent
                               pools and their checks, and lists every one the pipelines rely on that is
                               missing (exit 1). Needs --ado-org-url and --ado-project and an az login
                               that may read the project. Run it before the first merge.
  -h, --help                   this help

Example (one subscription for everything):
  scripts/bootstrap.sh --subscription 00000000-0000-0000-0000-000000000000 --location westeurope --prefix plat \
    --ado-org-url https://dev.azure.com/contoso --ado-project platform \
    --nonprod-admin-groups 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b --prod-admin-groups 7a2b3c4d-5e6f-4a70-8b9c-0d1e2f3a4b5c \
    --allow-shared-subscription
USAGE
}

log() { printf '==> %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'bootstrap.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# The naming scheme (docs/pipelines.md; the tests hold this script to app/src/test/java/io/platforminfra/pipelines/
# NamingScheme.java through --print-names). A rule per ring, so a ring needs no names written anywhere else.

ado_name() { printf 'platform-infra-%s' "$1"; }               # environment and variable group of RING
pool_name() { printf 'platform-infra-%s-%s' "$1" "$2"; }      # pool of RING and ROLE
identity_name() { printf 'id-%s' "$(pool_name "$1" "$2")"; }  # the identity attached to that pool alone
container_name() { printf 'state-%s' "$1"; }                  # blob container of RING's state
key_name() { printf 'pulumi-secrets-%s' "$1"; }               # vault key of RING's stacks' secrets
# The one environment outside the rings: the manual teardown of a development stage (pipelines/teardown.yml). Its
# Approvals check names who may destroy a stage, which the development ring's environment (no approval) does not.
readonly TEARDOWN_ENVIRONMENT=platform-infra-teardown

# planned_roles RING ROLE: the role assignments of the identity of RING and ROLE, one "SCOPE_KIND ROLE" a line.
# ROLE is a built-in role's GUID or a custom role's name; SCOPE_KIND is subscription (the ring's), container (the
# ring's state container) or key (the ring's secrets key). The one place that decides who may do what: the
# bootstrap assigns exactly this, and --print-roles prints it for the tests.
#   read: previews and drift checks of pull requests. Reader sees the resources; a preview also lists the cluster's
#     user kubeconfig (no credentials in it: local accounts are off), which Reader lacks, and reads namespaces and
#     service accounts through the cluster's Azure RBAC. Storage Blob Data Reader: a preview on the DIY (azblob)
#     backend reads the checkpoint and writes nothing: no lock file and no saved refresh (pulumi pkg/backend/diy/
#     backend.go takes the lock only for update operations; a preview's refresh is not persisted, pulumi/pulumi
#     #12740) - unverified on a real run: first-run checklist. Crypto User on the key decrypts the stack's data key.
#   deploy: Contributor creates and changes resources (it cannot assign roles); Role Based Access Control
#     Administrator, under the delegation condition, lets the program grant its identities their data-plane roles;
#     the Policy Assignment Operator writes the pod security assignment; production alone writes locks.
#     Neither has User Access Administrator's or Owner's unconditioned rights.
planned_roles() {
  local ring=$1 role=$2
  if [[ $role == read ]]; then
    printf '%s %s\n' subscription "$ROLE_READER" subscription "$ROLE_AKS_CLUSTER_USER" \
      subscription "$ROLE_AKS_RBAC_READER" container "$ROLE_BLOB_DATA_READER" key "$ROLE_KV_CRYPTO_USER"
  else
    printf '%s %s\n' subscription "$ROLE_CONTRIBUTOR" subscription "$ROLE_RBAC_ADMIN" \
      subscription "$POLICY_OPERATOR_ROLE" container "$ROLE_BLOB_DATA_CONTRIBUTOR" key "$ROLE_KV_CRYPTO_USER"
    # Locks: the production deploy identity only, on the production subscription only (DeployerMatchesBootstrapTest
    # fails if this role is planned any other way).
    [[ $ring != production ]] || printf '%s %s\n' subscription "$LOCK_OPERATOR_ROLE"
  fi
}

# scope_name RING SCOPE_KIND: how --print-roles shows a scope.
scope_name() {
  case $2 in
    subscription) printf 'subscription:%s' "$1" ;;
    container) printf 'container:%s' "$(container_name "$1")" ;;
    key) printf 'key:%s' "$(key_name "$1")" ;;
  esac
}

print_names() {
  local ring role
  for ring in "${RINGS[@]}"; do
    printf 'environment %s\n' "$(ado_name "$ring")"
    printf 'variable-group %s\n' "$(ado_name "$ring")"
    for role in "${IDENTITY_ROLES[@]}"; do
      printf 'pool %s\n' "$(pool_name "$ring" "$role")"
      printf 'identity %s\n' "$(identity_name "$ring" "$role")"
    done
    printf 'container %s\n' "$(container_name "$ring")"
    printf 'key %s\n' "$(key_name "$ring")"
  done
  printf 'environment %s\n' "$TEARDOWN_ENVIRONMENT"
}

# ---------------------------------------------------------------------------------------------------------------
# --verify-azure-devops: what only a person can set up in Azure DevOps, checked before the first merge. Azure DevOps
# creates a missing environment on the fly, without any check, so a missing Approvals check would let production
# deploy unapproved; nothing else would notice. Read-only REST calls (Azure DevOps REST API 7.1):
#   environments   GET _apis/pipelines/environments?name=              (Environments - List)
#   variable group GET _apis/distributedtask/variablegroups?groupName= (Variablegroups - Get Variable Groups)
#   agent pool     GET _apis/distributedtask/queues?queueName=         the project's queue of the pool: checks on a
#                  pool are kept on its queue (Queues - Get Agent Queues)
#   checks         GET _apis/pipelines/checks/configurations?resourceType=&resourceId=&$expand=settings
#                  (learn.microsoft.com/rest/api/azure/devops/approvalsandchecks/check-configurations/list)
# Check types as the API names them: "Approval", "ExclusiveLock", and Branch control as a "Task Check" whose
# settings.definitionRef.name is "evaluatebranchProtection" (the names the API returns and takes in published
# clients, e.g. the Azure DevOps Terraform provider's check payloads; not listed on a Microsoft page: unverified,
# first-run checklist).
readonly ADO_API_VERSION=7.1-preview.1
# Azure DevOps' application ID in Entra ID: the token audience of its REST API.
readonly ADO_RESOURCE=499b84ac-1321-427f-aa17-267ca6975798

ado_get() { # ado_get PATH_AND_QUERY JMESPATH: one value per line
  az rest --method get --resource "$ADO_RESOURCE" --only-show-errors -o tsv --query "$2" \
    --url "$ado_org_url/$(url_encode "$ado_project")/_apis/$1&api-version=$ADO_API_VERSION"
}

# The project name as a URL path segment (spaces are common in project names).
url_encode() {
  local s=$1 out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9._~-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

# checks_of RESOURCE_TYPE ID: the resource's checks, one a line: "<type name>|<definition name>|<allowed
# branches>|<ensure protection of branch>" (the last three empty where the check has no such setting).
checks_of() {
  ado_get "pipelines/checks/configurations?resourceType=$1&resourceId=$2&\$expand=settings" \
    "value[].[type.name, settings.definitionRef.name || '', settings.inputs.allowedBranches || '', \
settings.inputs.ensureProtectionOfBranch || ''] | [].join('|', @)"
}

verify_azure_devops() {
  local missing=() ring name id checks
  # expect KIND NAME CHECK...: NAME exists, and carries each CHECK ("Approval", "ExclusiveLock", "BranchControl").
  expect() {
    local kind=$1 name=$2 check
    shift 2
    case $kind in
      environment) id=$(ado_get "pipelines/environments?name=$name" "value[?name=='$name'].id | [0]") ;;
      variable-group) id=$(ado_get "distributedtask/variablegroups?groupName=$name" "value[?name=='$name'].id | [0]") ;;
      pool) id=$(ado_get "distributedtask/queues?queueName=$name" "value[?name=='$name'].id | [0]") ;;
    esac
    if [[ -z $id || $id == None ]]; then
      missing+=("$kind $name does not exist")
      return
    fi
    (($# > 0)) || { note "$kind $name exists"; return; }
    checks=$(checks_of "$([[ $kind == pool ]] && echo queue || echo "$kind")" "$id")
    for check in "$@"; do
      case $check in
        # Exactly main, with "verify branch protection": a check allowing more branches passes a pull request.
        BranchControl) grep -qix 'Task Check|evaluatebranchProtection|refs/heads/main|true' <<< "$checks" ;;
        *) grep -q "^$check|" <<< "$checks" ;;
      esac || {
        if [[ $check == BranchControl ]]; then
          missing+=("$kind $name has no BranchControl check allowing exactly refs/heads/main with branch protection verified")
        else
          missing+=("$kind $name has no $check check")
        fi
        continue
      }
      note "$kind $name: $check"
    done
  }
  for ring in "${RINGS[@]}"; do
    if [[ $ring == production ]]; then
      expect environment "$(ado_name "$ring")" ExclusiveLock Approval
      expect pool "$(pool_name "$ring" read)" Approval
    else
      expect environment "$(ado_name "$ring")" ExclusiveLock
      expect pool "$(pool_name "$ring" read)"
    fi
    expect variable-group "$(ado_name "$ring")"
    expect pool "$(pool_name "$ring" deploy)" BranchControl
  done
  expect environment "$TEARDOWN_ENVIRONMENT" ExclusiveLock Approval
  if ((${#missing[@]} > 0)); then
    printf 'bootstrap.sh: Azure DevOps is not ready for the first merge (docs/bootstrap.md#azure-devops-steps):\n' >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
  fi
  note "Azure DevOps has every environment, variable group, pool and check the pipelines rely on"
}

print_roles() {
  local ring role kind assigned
  for ring in "${RINGS[@]}"; do
    for role in "${IDENTITY_ROLES[@]}"; do
      while read -r kind assigned; do
        printf '%s %s %s\n' "$(identity_name "$ring" "$role")" "$(scope_name "$ring" "$kind")" "$assigned"
      done < <(planned_roles "$ring" "$role")
    done
  done
}

# stack_ring FILE: the ring of a stack file, from its platform-infra:environmentType.
stack_ring() {
  if grep -Eq '^[[:space:]]*platform-infra:environmentType:[[:space:]]*production' "$1"; then
    printf production
  else
    printf development
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Parameters: flags override environment variables.

subscription=${BOOTSTRAP_SUBSCRIPTION:-}
nonprod_subscription=${BOOTSTRAP_NONPROD_SUBSCRIPTION:-}
prod_subscription=${BOOTSTRAP_PROD_SUBSCRIPTION:-}
location=${BOOTSTRAP_LOCATION:-}
prefix=${BOOTSTRAP_PREFIX:-}
ado_org_url=${BOOTSTRAP_ADO_ORG_URL:-}
ado_project=${BOOTSTRAP_ADO_PROJECT:-}
nonprod_admin_groups=${BOOTSTRAP_NONPROD_ADMIN_GROUPS:-}
prod_admin_groups=${BOOTSTRAP_PROD_ADMIN_GROUPS:-}
allow_shared_subscription=${BOOTSTRAP_ALLOW_SHARED_SUBSCRIPTION:-false}
pool_max_agents=${BOOTSTRAP_POOL_MAX_AGENTS:-2}
storage_sku=${BOOTSTRAP_STORAGE_SKU:-Standard_ZRS}
print_only=""

# value FLAG ARGS...: the value after FLAG, or a clear error.
value() {
  [[ $# -ge 2 && -n $2 && $2 != --* ]] || die "$1 needs a value (see --help)"
  printf '%s' "$2"
}

while (($# > 0)); do
  if [[ $1 == --*=* ]]; then
    set -- "${1%%=*}" "${1#*=}" "${@:2}"
  fi
  case $1 in
    -h | --help) usage; exit 0 ;;
    --print-names) print_only=names; shift ;;
    --print-roles) print_only=roles; shift ;;
    --verify-azure-devops) print_only=verify; shift ;;
    --subscription) subscription=$(value "$@"); shift 2 ;;
    --nonprod-subscription) nonprod_subscription=$(value "$@"); shift 2 ;;
    --prod-subscription) prod_subscription=$(value "$@"); shift 2 ;;
    --location) location=$(value "$@"); shift 2 ;;
    --prefix) prefix=$(value "$@"); shift 2 ;;
    --ado-org-url) ado_org_url=$(value "$@"); shift 2 ;;
    --ado-project) ado_project=$(value "$@"); shift 2 ;;
    --nonprod-admin-groups) nonprod_admin_groups=$(value "$@"); shift 2 ;;
    --prod-admin-groups) prod_admin_groups=$(value "$@"); shift 2 ;;
    --allow-shared-subscription) allow_shared_subscription=true; shift ;;
    --pool-max-agents) pool_max_agents=$(value "$@"); shift 2 ;;
    --storage-sku) storage_sku=$(value "$@"); shift 2 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done

# Empty arrays under `set -u` and ${var,,} need bash 4.4; macOS ships 3.2.
if ((BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 4))); then
  die "needs bash 4.4 or later (this is $BASH_VERSION; on macOS: brew install bash, or use Azure Cloud Shell)"
fi

case $print_only in
  names) print_names; exit 0 ;;
  roles) print_roles; exit 0 ;;
  verify)
    [[ $ado_org_url =~ ^https://dev\.azure\.com/[A-Za-z0-9][A-Za-z0-9_.-]*/?$ && -n $ado_project ]] ||
      die "--verify-azure-devops needs --ado-org-url https://dev.azure.com/<organization> and --ado-project"
    ado_org_url=${ado_org_url%/}
    verify_azure_devops
    exit 0
    ;;
esac
# Validation: every problem at once, before anything is created.

readonly GUID='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
problems=()
problem() { problems+=("$*"); }

require() { # require VALUE FLAG ENV
  [[ -n $1 ]] || problem "$2 is required (or set $3)"
}
require "$subscription" --subscription BOOTSTRAP_SUBSCRIPTION
require "$location" --location BOOTSTRAP_LOCATION
require "$prefix" --prefix BOOTSTRAP_PREFIX
require "$ado_org_url" --ado-org-url BOOTSTRAP_ADO_ORG_URL
require "$ado_project" --ado-project BOOTSTRAP_ADO_PROJECT
require "$nonprod_admin_groups" --nonprod-admin-groups BOOTSTRAP_NONPROD_ADMIN_GROUPS
require "$prod_admin_groups" --prod-admin-groups BOOTSTRAP_PROD_ADMIN_GROUPS

for flag_value in "--subscription=$subscription" "--nonprod-subscription=$nonprod_subscription" \
    "--prod-subscription=$prod_subscription"; do
  v=${flag_value#*=}
  [[ -z $v || $v =~ $GUID ]] || problem "${flag_value%%=*} must be a subscription ID (GUID) (value: '$v')"
done
subscription=${subscription,,}
nonprod_subscription=${nonprod_subscription:-$subscription}
nonprod_subscription=${nonprod_subscription,,}
prod_subscription=${prod_subscription:-$subscription}
prod_subscription=${prod_subscription,,}
if [[ -n $subscription && ($subscription == "$nonprod_subscription" || $subscription == "$prod_subscription") &&
  $allow_shared_subscription != true ]]; then
  problem "the state, the identities and the pools would live in a ring's subscription ($subscription), where that" \
    "ring's deploy identity is Contributor: it could attach the other ring's identities to a resource of its own," \
    "re-point a pool, or give an identity it creates a role on the other ring's state. Give --subscription a" \
    "subscription of its own, or accept it with --allow-shared-subscription"
fi
if [[ -n $subscription && $nonprod_subscription == "$prod_subscription" && $allow_shared_subscription != true ]]; then
  problem "non-production and production stages share subscription $prod_subscription: the development deploy identity could" \
    "then change production resources. Give --nonprod-subscription and --prod-subscription, or accept it with" \
    "--allow-shared-subscription"
fi
[[ -z $location || $location =~ ^[a-z0-9]+$ ]] ||
  problem "--location must be an Azure region name such as westeurope (value: '$location')"
[[ -z $prefix || $prefix =~ ^[a-z][a-z0-9]{1,7}$ ]] ||
  problem "--prefix must be 2-8 lowercase letters and digits, starting with a letter (value: '$prefix')"

ado_org=""
if [[ $ado_org_url =~ ^https://dev\.azure\.com/([A-Za-z0-9][A-Za-z0-9_.-]*)/?$ ]]; then
  ado_org=${BASH_REMATCH[1]}
elif [[ $ado_org_url =~ ^https://([A-Za-z0-9][A-Za-z0-9-]*)\.visualstudio\.com/?$ ]]; then
  ado_org=${BASH_REMATCH[1]}
elif [[ -n $ado_org_url ]]; then
  problem "--ado-org-url must be https://dev.azure.com/<organization> (value: '$ado_org_url')"
fi
ado_org_url=${ado_org_url%/}
[[ $ado_project != *[\"\\]* ]] ||
  problem "--ado-project must not contain \" or \\ (it is written into the pools' JSON) (value: '$ado_project')"

# parse_groups ARRAY LIST FLAG: the object IDs in the comma-separated LIST, lowercased, into ARRAY.
parse_groups() {
  local -n into=$1
  local id ids
  into=()
  IFS=, read -r -a ids <<< "$2"
  for id in "${ids[@]}"; do
    id=${id//[[:space:]]/}
    [[ -n $id ]] || continue
    if [[ $id =~ $GUID ]]; then into+=("${id,,}"); else problem "$3: '$id' is not an object ID (GUID)"; fi
  done
}
nonprod_groups=()
prod_groups=()
parse_groups nonprod_groups "$nonprod_admin_groups" --nonprod-admin-groups
parse_groups prod_groups "$prod_admin_groups" --prod-admin-groups
for g in "${nonprod_groups[@]}"; do
  for p in "${prod_groups[@]}"; do
    [[ $g != "$p" ]] || warn "group $g administers development and production clusters: the development deploy" \
      "identity becomes cluster admin of production too. Give each ring its own admin group (cluster.adminGroupObjectIds)."
  done
done

[[ $pool_max_agents =~ ^([1-9]|1[0-6])$ ]] ||
  problem "--pool-max-agents must be a number from 1 to 16 (a pool's /27 subnet holds 27 agents) (value: '$pool_max_agents')"

case $storage_sku in
  Standard_ZRS | Standard_GZRS | Standard_RAGZRS) ;;
  *) problem "--storage-sku must be Standard_ZRS, Standard_GZRS or Standard_RAGZRS (value: '$storage_sku')" ;;
esac

if ((${#problems[@]} > 0)); then
  printf 'bootstrap.sh: %s\n' "${problems[@]}" >&2
  echo "Nothing was created. See scripts/bootstrap.sh --help." >&2
  exit 2
fi

# The Azure CLI is only needed from here on, so --help and the checks above work without it.
command -v az > /dev/null || die "the Azure CLI (az) is not installed: https://learn.microsoft.com/cli/azure/install-azure-cli"
trap 'echo "bootstrap.sh: stopped at line $LINENO ($BASH_COMMAND). Fix the cause and re-run: every step is safe to repeat." >&2' ERR

# ---------------------------------------------------------------------------------------------------------------
# Names. The suffix, from the subscription ID, makes the globally unique names (storage account, vault) unique
# and stable: a re-run finds what the first run created.

suffix=${subscription//-/}
suffix=${suffix:0:6}
readonly rg="rg-${prefix}-state"
readonly pools_rg="rg-${prefix}-pools"
readonly storage_account="st${prefix}state${suffix}"
readonly vault="kv-${prefix}-state-${suffix}"
readonly lock="${rg}-readonly"
readonly pools_lock="${pools_rg}-nodelete"
readonly vnet="vnet-${prefix}-pools"
readonly nat="ng-${prefix}-pools"
readonly egress_ip_name="pip-${prefix}-pools-egress"
readonly dev_center="dc-${prefix}-pools"
readonly dev_center_project="prj-${prefix}-pools"
readonly tags=(repository=platform-infra purpose=pulumi-state)

# ring_subscription RING: the subscription of RING's stages.
ring_subscription() {
  if [[ $1 == production ]]; then printf '%s' "$prod_subscription"; else printf '%s' "$nonprod_subscription"; fi
}

declare -A client_id principal_id identity_id subnet_id secrets_provider custom_role_ids
pending=()            # steps this run could not do; listed at the end, and the exit status is 1
lock_lifted=false     # set while the resource group's read-only lock is off
officer_granted=false # set while the person running this holds the temporary Key Vault Crypto Officer grant
officer_why=""

# retry ATTEMPTS DELAY COMMAND...: for Entra ID replication and role propagation, which take seconds to minutes.
retry() {
  local attempts=$1 delay=$2 n=1
  shift 2
  until "$@"; do
    ((n < attempts)) || return 1
    note "not effective yet (Entra ID / RBAC propagation); retrying in ${delay}s ($n/$attempts)"
    sleep "$delay"
    n=$((n + 1))
  done
}

# subscription_of_scope SCOPE: role commands resolve a role ID in this subscription, not the CLI's current one.
subscription_of_scope() {
  local rest=${1#/subscriptions/}
  printf '%s' "${rest%%/*}"
}

# assignments PRINCIPAL ROLE SCOPE: "id<TAB>condition" of each assignment of ROLE to PRINCIPAL on exactly SCOPE.
assignments() {
  local id scope condition
  while IFS=$'\t' read -r id scope condition; do
    if [[ -n $id && ${scope,,} == "${3,,}" ]]; then
      printf '%s\t%s\n' "$id" "${condition/#None/}"
    fi
  done < <(az role assignment list --scope "$3" --subscription "$(subscription_of_scope "$3")" \
    --only-show-errors -o tsv --query "[?principalId=='$1' && ends_with(roleDefinitionId, '$2')].[id, scope, condition]")
}

# ensure_role PRINCIPAL PRINCIPAL_TYPE ROLE SCOPE WHY [CONDITION]: one assignment of ROLE on exactly SCOPE; sets
# role_created. An existing assignment with another condition is replaced, so a re-run applies a changed list.
role_created=false
ensure_role() {
  local principal=$1 type=$2 role=$3 scope=$4 why=$5 condition=${6:-}
  local id found_condition
  role_created=false
  while IFS=$'\t' read -r id found_condition; do
    if [[ $found_condition == "$condition" ]]; then
      note "role exists: $why"
      return 0
    fi
    note "role condition differs, replacing: $why"
    az role assignment delete --ids "$id" --only-show-errors < /dev/null
  done < <(assignments "$principal" "$role" "$scope")
  local args=(--assignee-object-id "$principal" --assignee-principal-type "$type" --role "$role"
    --scope "$scope" --subscription "$(subscription_of_scope "$scope")" --description "platform-infra bootstrap: $why")
  [[ -z $condition ]] || args+=(--condition "$condition" --condition-version 2.0)
  retry 6 10 az role assignment create "${args[@]}" --only-show-errors -o none ||
    die "could not assign role $role on $scope to $principal"
  role_created=true
  note "role assigned: $why"
}

# remove_role PRINCIPAL ROLE SCOPE WHY
remove_role() {
  local id condition
  while IFS=$'\t' read -r id condition; do
    az role assignment delete --ids "$id" --only-show-errors < /dev/null
    note "role removed: $4"
  done < <(assignments "$1" "$2" "$3")
}

# role_definition_visible ROLE_GUID SCOPE: whether Resource Manager already resolves the role definition at SCOPE.
role_definition_visible() {
  [[ -n $(az role definition list --name "$1" --scope "$2" --query "[0].name" -o tsv --only-show-errors 2> /dev/null) ]]
}

# ensure_custom_role NAME DESCRIPTION "ACTION..." SCOPE...: the custom role NAME with exactly the space-separated
# ACTIONs, assignable on every SCOPE; sets custom_role_id to its GUID (what ensure_role takes). A custom role's
# name is unique in the tenant, so it is looked up by name on each SCOPE; a re-run re-applies the description and the
# actions (repairing a change made in the portal) and adds missing scopes. A scope found beyond SCOPE... is kept, as
# a re-run removes no access, and reported for removal by hand.
custom_role_id=""
ensure_custom_role() {
  local name=$1 description=$2 scope found="" json actions_json scopes_json actions=()
  read -r -a actions <<< "$3"
  shift 3
  local scopes=("$@") existing=() extra=()
  # Role definition commands take the subscription from the scope (and, on create, from the first assignable scope).
  for scope in "${scopes[@]}"; do
    found=$(az role definition list --custom-role-only true --name "$name" --scope "$scope" --query "[0].id" -o tsv \
      --only-show-errors)
    [[ -z $found ]] || break
  done
  if [[ -n $found ]]; then
    mapfile -t existing < <(az role definition list --custom-role-only true --name "$name" --scope "$scope" \
      --query "[0].assignableScopes[]" -o tsv --only-show-errors)
    for scope in "${existing[@]}"; do
      [[ " ${scopes[*],,} " == *" ${scope,,} "* ]] || extra+=("$scope")
    done
  fi
  actions_json=$(printf '"%s",' "${actions[@]}")
  scopes_json=$(printf '"%s",' "${scopes[@]}" "${extra[@]}")
  # "Name" for create (and older CLIs' update by name), "id" with "roleName" for update: az role definition
  # create/update take this JSON shape (role-based-access-control/custom-roles-cli.md).
  json="{\"Name\":\"$name\",\"roleName\":\"$name\",\"IsCustom\":true,\"Description\":\"$description\",\
\"Actions\":[${actions_json%,}],\"NotActions\":[],\"DataActions\":[],\"NotDataActions\":[],\
\"AssignableScopes\":[${scopes_json%,}]${found:+,\"id\":\"$found\"}}"
  if [[ -z $found ]]; then
    custom_role_id=$(az role definition create --role-definition "$json" --query name -o tsv --only-show-errors) ||
      die "could not create custom role '$name'. If Azure answers that the name exists, a role of that name is" \
        "assignable elsewhere in the tenant: az role definition list --custom-role-only true --name '$name' --scope <its scope>"
    note "custom role created: $name"
  else
    custom_role_id=${found##*/}
    az role definition update --role-definition "$json" --only-show-errors -o none
    note "custom role exists; description, actions and scopes re-applied: $name"
  fi
  ((${#extra[@]} == 0)) || warn "custom role '$name' is also assignable on ${extra[*]}: kept; remove by hand if unused"
  # A new or changed definition takes a while to reach every scope; assigning it before then fails.
  for scope in "${scopes[@]}"; do
    retry 12 10 role_definition_visible "$custom_role_id" "$scope" ||
      die "custom role '$name' is not visible on $scope yet: re-run in a few minutes"
  done
}

# ensure_rg NAME: the resource group NAME in the state subscription.
ensure_rg() {
  if az group show --name "$1" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
    note "resource group $1 exists"
  else
    az group create --name "$1" --location "$location" --subscription "$subscription" --tags "${tags[@]}" \
      --only-show-errors -o none
    note "resource group $1 created"
  fi
}

# arm_put RESOURCE_ID API_VERSION BODY: create or update a resource through Resource Manager (a PUT is both, so a
# re-run re-applies BODY) and wait until it is provisioned.
arm_put() {
  local url="https://management.azure.com$1?api-version=$2"
  az rest --method put --url "$url" --body "$3" --only-show-errors -o none || return 1
  retry 60 10 arm_provisioned "$url"
}
arm_provisioned() {
  local state
  state=$(az rest --method get --url "$1" --query properties.provisioningState -o tsv --only-show-errors)
  [[ $state != Failed && $state != Canceled ]] || die "provisioning failed: az rest --method get --url '$1'"
  [[ $state == Succeeded ]]
}

# set_network_acls RESOURCE_ID API_VERSION VNET_RULE_FIELDS: the firewall admits the pools' subnets and nothing
# else, replacing any other rule. Virtual network rules, not the egress IP: "IP network rules have no effect on
# requests that originate from the same Azure region as the storage account. Use Virtual network rules to allow
# same-region requests" (storage/common/storage-network-security-ip-address-range.md), and the pools run in the
# account's region. The subnets carry service endpoints for Microsoft.Storage and Microsoft.KeyVault for that.
set_network_acls() {
  local id=$1 api=$2 fields=$3 rules="" s
  for s in "${subnet_id[@]}"; do
    rules+="${rules:+,}{\"id\":\"$s\"$fields}"
  done
  # Trusted Azure services bypass the firewall, as on the stages' own vaults and accounts (SecretStore,
  # ObjectStorage): Resource Manager creates the keys through it. Every request still needs an Entra ID token and
  # an RBAC role.
  az rest --method patch --url "https://management.azure.com${id}?api-version=${api}" --only-show-errors -o none \
    --body "{\"properties\":{\"publicNetworkAccess\":\"Enabled\",\"networkAcls\":{\"defaultAction\":\"Deny\",\
\"bypass\":\"AzureServices\",\"ipRules\":[],\"virtualNetworkRules\":[${rules}]}}}"
}

restore_lock() {
  if [[ $lock_lifted == true ]]; then
    az lock create --name "$lock" --lock-type ReadOnly --resource-group "$rg" --subscription "$subscription" \
      --notes "Pulumi state and secrets keys of platform-infra: change only with scripts/bootstrap.sh" \
      --only-show-errors -o none ||
      warn "could not restore the read-only lock: az lock create --name $lock --lock-type ReadOnly -g $rg --subscription $subscription"
    lock_lifted=false
  fi
}

# The person running this gets Key Vault Crypto Officer on the vault only while keys are created (on an RBAC vault
# the caller of a key create needs a data-plane role even through Resource Manager). An assignment they already
# held is left alone; one this run made is removed again, on success and on any exit after it was made.
grant_officer() {
  [[ $officer_granted == false ]] || return 0
  officer_why="Key Vault Crypto Officer on $vault for you, to create the secrets keys"
  ensure_role "$runner_id" "$runner_type" "$ROLE_KV_CRYPTO_OFFICER" "$vault_id" "$officer_why"
  officer_granted=$role_created
}
revoke_officer() {
  [[ $officer_granted == true ]] || return 0
  officer_granted=false
  remove_role "$runner_id" "$ROLE_KV_CRYPTO_OFFICER" "$vault_id" "$officer_why"
}

# On every exit, also after a failure: first the grant (the lock would forbid removing it), then the lock, which
# is restored even when the removal fails.
on_exit() {
  revoke_officer || warn "could not remove your temporary Key Vault Crypto Officer grant: az role assignment delete" \
    "--assignee ${runner_id:-} --role $ROLE_KV_CRYPTO_OFFICER --scope ${vault_id:-}"
  restore_lock
}
trap on_exit EXIT
# A signal ends the script through exit, so the EXIT trap runs.
trap 'exit 130' INT TERM HUP

# ---------------------------------------------------------------------------------------------------------------
log "Preflight"

az_version=$(az version --query '"azure-cli"' -o tsv 2> /dev/null || echo 0)
[[ $(printf '%s\n' "$MIN_AZ_VERSION" "$az_version" | sort -V | head -n 1) == "$MIN_AZ_VERSION" ]] ||
  die "needs Azure CLI $MIN_AZ_VERSION or later (found $az_version): az upgrade"
az account show --only-show-errors -o none 2> /dev/null || die "not signed in to Azure: run az login first"

# Every command names its subscription explicitly; the CLI's current subscription is never used, so a context
# switched in another terminal cannot redirect this script.
tenant=$(az account show --subscription "$subscription" --query tenantId -o tsv --only-show-errors) ||
  die "subscription $subscription is not visible to your az login"
for s in "$nonprod_subscription" "$prod_subscription"; do
  t=$(az account show --subscription "$s" --query tenantId -o tsv --only-show-errors) ||
    die "subscription $s is not visible to your az login"
  [[ $t == "$tenant" ]] || die "subscription $s is in tenant $t, not $tenant: the identities live in one tenant"
done
note "tenant $tenant; state and pools in $subscription; development $nonprod_subscription; production $prod_subscription"
if [[ $subscription == "$nonprod_subscription" || $subscription == "$prod_subscription" ]]; then
  warn "accepted with --allow-shared-subscription: the state, identities and pools live in $subscription, where a" \
    "deploy identity is Contributor. It can attach another ring's identity to a resource of its own (Contributor" \
    "includes userAssignedIdentities/*/assign/action), re-point a pool (resource group $pools_rg has a delete lock" \
    "only) and give an identity it creates a role on the other ring's state. Ring isolation then rests on review" \
    "alone; a state subscription of its own (--subscription) removes this."
fi

runner_type=$(az account show --query user.type -o tsv)
if [[ $runner_type == user ]]; then
  runner_id=$(az ad signed-in-user show --query id -o tsv --only-show-errors)
  runner_type=User
else
  runner_id=$(az ad sp show --id "$(az account show --query user.name -o tsv)" --query id -o tsv --only-show-errors)
  runner_type=ServicePrincipal
fi
note "Azure DevOps organization $ado_org ($ado_org_url), project $ado_project"

# Resource providers: those this script uses, and those the program needs in the stages' subscriptions (a
# registration needs more rights than the deploying identities should have). Managed DevOps Pools need
# Microsoft.DevOpsInfrastructure and, for the project, Microsoft.DevCenter (managed-devops-pools/prerequisites.md).
register_providers() {
  local s=$1 ns
  shift
  for ns in "$@"; do
    if [[ $(az provider show --namespace "$ns" --subscription "$s" --query registrationState -o tsv) != Registered ]]; then
      az provider register --namespace "$ns" --subscription "$s" --wait --only-show-errors
      note "registered $ns in $s"
    fi
  done
}
log "Resource providers"
register_providers "$subscription" Microsoft.Storage Microsoft.KeyVault Microsoft.ManagedIdentity Microsoft.Network \
  Microsoft.DevOpsInfrastructure Microsoft.DevCenter
for s in $(printf '%s\n' "$nonprod_subscription" "$prod_subscription" | sort -u); do
  register_providers "$s" Microsoft.ContainerService Microsoft.DBforPostgreSQL Microsoft.Network \
    Microsoft.OperationalInsights Microsoft.Insights Microsoft.KeyVault Microsoft.Storage Microsoft.ManagedIdentity
done

# ---------------------------------------------------------------------------------------------------------------
log "Resource group $rg"

ensure_rg "$rg"
# The read-only lock stops control-plane changes to everything here (account settings, vault, keys, identities)
# by anyone who cannot remove locks (only Owner and User Access Administrator can), such as a deploying identity
# that is Contributor on this subscription. Data-plane access (state blobs, encrypt/decrypt) is not affected. This
# script lifts the lock while it works and restores it on exit, also on failure.
if az lock show --name "$lock" --resource-group "$rg" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
  az lock delete --name "$lock" --resource-group "$rg" --subscription "$subscription" --only-show-errors
  note "read-only lock lifted for this run"
fi
lock_lifted=true

# ---------------------------------------------------------------------------------------------------------------
log "Network of the pools ($pools_rg)"

# A resource group of its own, without the read-only lock: Managed DevOps Pools join their agents to the subnets
# (subnets/join/action), which a read-only lock would refuse ("If you're using Express Route, you need to temporary
# drop or change the management lock on the resource group to allow writes", configure-networking.md). A delete
# lock keeps the network, the egress address (which the clusters' authorizedIpRanges name) and the pools.
ensure_rg "$pools_rg"
az lock create --name "$pools_lock" --lock-type CanNotDelete --resource-group "$pools_rg" --subscription "$subscription" \
  --notes "Pipeline agents of platform-infra: change only with scripts/bootstrap.sh" --only-show-errors -o none
net=(--resource-group "$pools_rg" --subscription "$subscription" --only-show-errors -o none)
if ! az network public-ip show --name "$egress_ip_name" "${net[@]}" 2> /dev/null; then
  az network public-ip create --name "$egress_ip_name" --location "$location" --sku Standard \
    --allocation-method Static --version IPv4 --tags "${tags[@]}" "${net[@]}"
  note "public IP $egress_ip_name created"
fi
if ! az network nat gateway show --name "$nat" "${net[@]}" 2> /dev/null; then
  az network nat gateway create --name "$nat" --location "$location" --public-ip-addresses "$egress_ip_name" \
    --tags "${tags[@]}" "${net[@]}"
  note "NAT gateway $nat created"
fi
if ! az network vnet show --name "$vnet" "${net[@]}" 2> /dev/null; then
  az network vnet create --name "$vnet" --location "$location" --address-prefixes "$POOL_ADDRESS_SPACE" \
    --tags "${tags[@]}" "${net[@]}"
  note "virtual network $vnet created"
fi
# One subnet per pool, each delegated to Microsoft.DevOpsInfrastructure/pools, leaving through the NAT gateway, with
# service endpoints so the state account and vault can admit exactly these subnets.
subnet_settings=(--delegations Microsoft.DevOpsInfrastructure/pools --nat-gateway "$nat"
  --service-endpoints Microsoft.Storage Microsoft.KeyVault)
n=0
for ring in "${RINGS[@]}"; do
  for role in "${IDENTITY_ROLES[@]}"; do
    subnet="snet-$ring-$role"
    if az network vnet subnet show --name "$subnet" --vnet-name "$vnet" "${net[@]}" 2> /dev/null; then
      az network vnet subnet update --name "$subnet" --vnet-name "$vnet" "${subnet_settings[@]}" "${net[@]}"
      note "subnet $subnet exists; delegation, NAT gateway and service endpoints re-applied"
    else
      az network vnet subnet create --name "$subnet" --vnet-name "$vnet" \
        --address-prefixes "${POOL_ADDRESS_SPACE%.*}.$((n * 32))/27" "${subnet_settings[@]}" "${net[@]}"
      note "subnet $subnet created"
    fi
    subnet_id[$ring-$role]=$(az network vnet subnet show --name "$subnet" --vnet-name "$vnet" \
      --resource-group "$pools_rg" --subscription "$subscription" --query id -o tsv --only-show-errors)
    n=$((n + 1))
  done
done
vnet_id=$(az network vnet show --name "$vnet" --resource-group "$pools_rg" --subscription "$subscription" --query id \
  -o tsv --only-show-errors)
egress_ip=$(az network public-ip show --name "$egress_ip_name" --resource-group "$pools_rg" \
  --subscription "$subscription" --query ipAddress -o tsv --only-show-errors)
note "the pools' agents leave through $egress_ip"
# Managed DevOps Pools' service principal needs Reader and Network Contributor on the virtual network ("Grant
# Reader and Network Contributor access to DevOpsInfrastructure service principal", configure-networking.md).
# Looked up by exact name and by the tenant that owns its application, one of Microsoft's: --display-name
# alone is a prefix search (Azure/azure-cli#23752), and any user may register an application whose name starts
# with "DevOpsInfrastructure"; that one would get Network Contributor on the agents' network.
mdp_principal=$(az ad sp list --filter "displayName eq 'DevOpsInfrastructure'" \
  --query "[?appOwnerOrganizationId=='${MICROSOFT_OWNER_TENANTS[0]}' || \
appOwnerOrganizationId=='${MICROSOFT_OWNER_TENANTS[1]}'].id" -o tsv --only-show-errors)
[[ $mdp_principal =~ $GUID ]] || die "the DevOpsInfrastructure service principal (owned by one of Microsoft's tenants" \
  "${MICROSOFT_OWNER_TENANTS[*]}) is not in tenant $tenant yet, or is not exactly one (found: '${mdp_principal//$'\n'/ }');" \
  "it comes with the Microsoft.DevOpsInfrastructure registration: re-run in a few minutes"
ensure_role "$mdp_principal" ServicePrincipal "$ROLE_READER" "$vnet_id" "DevOpsInfrastructure: Reader on $vnet"
ensure_role "$mdp_principal" ServicePrincipal "$ROLE_NETWORK_CONTRIBUTOR" "$vnet_id" \
  "DevOpsInfrastructure: Network Contributor on $vnet"

log "Storage account $storage_account (Pulumi state)"

# Shared key access is disabled: Pulumi's azblob backend signs in with Entra ID when no account key is set
# (DefaultAzureCredential, "azureblob.URLOpener: using NewDefaultAzureCredential": the pool's managed identity,
# chosen by AZURE_CLIENT_ID), so no key exists that could leak, and every access is by an identity with a role.
storage_settings=(--https-only true --min-tls-version TLS1_2 --allow-blob-public-access false
  --allow-shared-key-access false --allow-cross-tenant-replication false --public-network-access Enabled)
if az storage account show --name "$storage_account" --resource-group "$rg" --subscription "$subscription" \
    --only-show-errors -o none 2> /dev/null; then
  az storage account update --name "$storage_account" --resource-group "$rg" --subscription "$subscription" \
    "${storage_settings[@]}" --only-show-errors -o none
  note "exists; security settings re-applied"
else
  [[ $(az storage account check-name --name "$storage_account" --subscription "$subscription" \
    --query nameAvailable -o tsv) == true ]] ||
    die "storage account name $storage_account is taken in another subscription: choose another --prefix"
  az storage account create --name "$storage_account" --resource-group "$rg" --subscription "$subscription" \
    --location "$location" --kind StorageV2 --sku "$storage_sku" --access-tier Hot --tags "${tags[@]}" \
    "${storage_settings[@]}" --default-action Deny --bypass AzureServices --only-show-errors -o none
  note "created ($storage_sku)"
fi
storage_id=$(az storage account show --name "$storage_account" --resource-group "$rg" --subscription "$subscription" \
  --query id -o tsv --only-show-errors)
set_network_acls "$storage_id" 2023-05-01 ',"action":"Allow"'
note "firewall: the pools' subnets only"
az storage account blob-service-properties update --account-name "$storage_account" --resource-group "$rg" \
  --subscription "$subscription" --enable-versioning true \
  --enable-delete-retention true --delete-retention-days "$RETENTION_DAYS" \
  --enable-container-delete-retention true --container-delete-retention-days "$RETENTION_DAYS" \
  --only-show-errors -o none
note "blob versioning on; deleted blobs and containers kept $RETENTION_DAYS days"

# One container per ring: a development identity's role on its container gives it nothing in production's.
# container-rm goes through Resource Manager: no data-plane role and no network path to the account needed.
for ring in "${RINGS[@]}"; do
  container=$(container_name "$ring")
  if az storage container-rm show --storage-account "$storage_account" --resource-group "$rg" \
      --subscription "$subscription" --name "$container" --only-show-errors -o none 2> /dev/null; then
    note "container $container exists"
  else
    az storage container-rm create --storage-account "$storage_account" --resource-group "$rg" \
      --subscription "$subscription" --name "$container" --public-access off --only-show-errors -o none
    note "container $container created"
  fi
done
log "Key Vault $vault (secrets provider)"

# RBAC authorization (no access policies): access is reviewed in one place. Purge protection: a deleted vault or
# key stays recoverable for 90 days, since without the key no stack's secrets can be decrypted.
vault_settings=(--enable-rbac-authorization true --enable-purge-protection true --public-network-access Enabled)
if az keyvault show --name "$vault" --resource-group "$rg" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
  az keyvault update --name "$vault" --resource-group "$rg" --subscription "$subscription" "${vault_settings[@]}" \
    --only-show-errors -o none
  note "exists; security settings re-applied"
elif az keyvault show-deleted --name "$vault" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
  # Purge protection keeps the name reserved; recovering also brings the key back.
  az keyvault recover --name "$vault" --resource-group "$rg" --subscription "$subscription" --only-show-errors -o none
  note "recovered from soft delete"
else
  az keyvault create --name "$vault" --resource-group "$rg" --subscription "$subscription" --location "$location" \
    --sku standard --retention-days 90 "${vault_settings[@]}" --default-action Deny --bypass AzureServices \
    --tags "${tags[@]}" --only-show-errors -o none
  note "created"
fi
vault_id=$(az keyvault show --name "$vault" --resource-group "$rg" --subscription "$subscription" --query id -o tsv \
  --only-show-errors)
set_network_acls "$vault_id" 2023-07-01 ""
note "firewall: the pools' subnets only"

# One key per ring, created through Resource Manager ("create if not exist": never a second version), with the
# temporary Crypto Officer grant (grant_officer above). RSA 3072, only the operations Pulumi's secrets provider uses
# (it wraps each stack's data key).
for ring in "${RINGS[@]}"; do
  key=$(key_name "$ring")
  key_url="https://management.azure.com${vault_id}/keys/${key}?api-version=2023-07-01"
  key_uri=$(az rest --method get --url "$key_url" --query properties.keyUriWithVersion -o tsv --only-show-errors 2> /dev/null || true)
  if [[ -n $key_uri ]]; then
    note "key $key exists"
  else
    grant_officer
    retry 12 15 az rest --method put --url "$key_url" --only-show-errors -o none \
      --body '{"properties":{"kty":"RSA","keySize":3072,"keyOps":["encrypt","decrypt","wrapKey","unwrapKey"]}}' ||
      die "could not create key $key in $vault (Crypto Officer grant not effective yet?): re-run in a few minutes"
    key_uri=$(az rest --method get --url "$key_url" --query properties.keyUriWithVersion -o tsv --only-show-errors)
    note "key $key created"
  fi
  # The provider URL names the key version. With a versionless URL Pulumi decrypts with whatever version is
  # current, so the first new version of the key would lock every stack out of its secrets (pulumi/pulumi#22338).
  secrets_provider[$ring]="azurekeyvault://${key_uri#https://}"
done
revoke_officer

# ---------------------------------------------------------------------------------------------------------------
log "Identities"

# User-assigned managed identities rather than app registrations: they have no secrets or certificates at all,
# need no Entra ID application-administration rights, and live (and are locked) in this resource group. Each is
# attached to its pool alone, with no federated credential: the pool's agents get its tokens from the instance
# metadata service, as needed, so nothing expires mid-run, and no other pipeline, pool or service connection can.
for ring in "${RINGS[@]}"; do
  for role in "${IDENTITY_ROLES[@]}"; do
    identity=$(identity_name "$ring" "$role")
    if az identity show --name "$identity" --resource-group "$rg" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
      note "identity $identity exists"
    else
      az identity create --name "$identity" --resource-group "$rg" --subscription "$subscription" \
        --location "$location" --tags "${tags[@]}" --only-show-errors -o none
      note "identity $identity created"
    fi
    read -r client principal id < <(az identity show --name "$identity" --resource-group "$rg" \
      --subscription "$subscription" --query "[clientId, principalId, id] | join(' ', @)" -o tsv --only-show-errors)
    [[ $principal =~ $GUID ]] || die "identity $identity has no principal ID yet: re-run in a minute"
    client_id[$ring-$role]=$client
    principal_id[$ring-$role]=$principal
    identity_id[$ring-$role]=$id
  done
done

# ---------------------------------------------------------------------------------------------------------------
log "Managed DevOps Pools"

dev_center_id="/subscriptions/$subscription/resourceGroups/$pools_rg/providers/Microsoft.DevCenter/devcenters/$dev_center"
project_id="/subscriptions/$subscription/resourceGroups/$pools_rg/providers/Microsoft.DevCenter/projects/$dev_center_project"
tags_json='{"repository":"platform-infra","purpose":"pipeline-agents"}'
arm_put "$dev_center_id" "$DEVCENTER_API" "{\"location\":\"$location\",\"tags\":$tags_json}" ||
  die "could not create Dev Center $dev_center"
arm_put "$project_id" "$DEVCENTER_API" \
  "{\"location\":\"$location\",\"tags\":$tags_json,\"properties\":{\"devCenterId\":\"$dev_center_id\"}}" ||
  die "could not create Dev Center project $dev_center_project"
note "Dev Center $dev_center, project $dev_center_project"

# Each pool: its one identity, its own subnet, stateless agents (a fresh machine for every job, so nothing one job
# leaves behind reaches the next), the organization and project, and the pool's creator as its only administrator
# in Azure DevOps (permissionProfile CreatorOnly). Pool names are globally unique ("Name of the pool. It needs to be
# globally unique.", Pools - Create Or Update, api-version 2025-09-20): a name taken elsewhere fails here.
for ring in "${RINGS[@]}"; do
  for role in "${IDENTITY_ROLES[@]}"; do
    pool=$(pool_name "$ring" "$role")
    pool_id="/subscriptions/$subscription/resourceGroups/$pools_rg/providers/Microsoft.DevOpsInfrastructure/pools/$pool"
    arm_put "$pool_id" "$MDP_API" "{\"location\":\"$location\",\"tags\":$tags_json,\
\"identity\":{\"type\":\"UserAssigned\",\"userAssignedIdentities\":{\"${identity_id[$ring-$role]}\":{}}},\
\"properties\":{\"maximumConcurrency\":$pool_max_agents,\"devCenterProjectResourceId\":\"$project_id\",\
\"agentProfile\":{\"kind\":\"Stateless\"},\
\"organizationProfile\":{\"kind\":\"AzureDevOps\",\"organizations\":[{\"url\":\"$ado_org_url\",\
\"projects\":[\"$ado_project\"],\"parallelism\":$pool_max_agents}],\"permissionProfile\":{\"kind\":\"CreatorOnly\"}},\
\"fabricProfile\":{\"kind\":\"Vmss\",\"sku\":{\"name\":\"$POOL_SKU\"},\"images\":[{\"wellKnownImageName\":\"$POOL_IMAGE\"}],\
\"osProfile\":{\"logonType\":\"Service\"},\"networkProfile\":{\"subnetId\":\"${subnet_id[$ring-$role]}\"}}}}" ||
      die "could not create or update pool $pool. Pool names are globally unique: if Azure answers that the name" \
        "is taken, it belongs to someone else, and the naming scheme (NamingScheme.java) needs a decision"
    note "pool $pool with $(identity_name "$ring" "$role")"
  done
done

# ---------------------------------------------------------------------------------------------------------------
log "Custom roles"

# Role definitions live in the tenant, not in a resource group: the state group's lock does not cover them. Each is
# made assignable only on the subscriptions where it is assigned below (plus any an earlier run left, reported), so
# nobody can grant it on another subscription.
mapfile -t ring_scopes < <(printf '/subscriptions/%s\n' "$nonprod_subscription" "$prod_subscription" | sort -u)
ensure_custom_role "$POLICY_OPERATOR_ROLE" "platform-infra deploying identities: create, change and delete the\
 Azure Policy assignments the program makes (the AKS pod security baseline on each cluster), which Contributor\
 cannot. Created by scripts/bootstrap.sh." "${POLICY_OPERATOR_ACTIONS[*]}" "${ring_scopes[@]}"
custom_role_ids[$POLICY_OPERATOR_ROLE]=$custom_role_id
ensure_custom_role "$LOCK_OPERATOR_ROLE" "platform-infra production deploying identity: create and delete the\
 CanNotDelete locks of production's stateful resources, which Contributor cannot and only Owner and User Access\
 Administrator can among built-in roles. Created by scripts/bootstrap.sh." "${LOCK_OPERATOR_ACTIONS[*]}" \
  "/subscriptions/$prod_subscription"
custom_role_ids[$LOCK_OPERATOR_ROLE]=$custom_role_id

# ---------------------------------------------------------------------------------------------------------------
log "Role assignments"

# Delegation condition: the deploying identities may create and delete assignments of the program's roles only
# (PROGRAM_ASSIGNED_ROLES), only to the principal types in DELEGATION_PRINCIPAL_TYPES (service principals: the
# managed identities the program creates; groups: those a stack file names in platform-infra:access), and never
# to one of the four pipeline identities or to one of the cluster admin groups: the deploy identities are members
# of those groups (below), and a role given to a group reaches its members, so without them on the list a deploy
# identity could grant itself a data-plane role (Key Vault Secrets User, Storage Blob Data Contributor) through its
# own group, and every person in it too. Conditions judge the principal ID, not group membership
# (conditions-authorization-actions-attributes.md: RoleDefinitionId, PrincipalId, PrincipalType). So no deploy
# identity can grant itself or another pipeline identity anything. Syntax and attributes: role-based-access-control/delegate-role-assignments-examples.md and
# conditions-authorization-actions-attributes.md (write: @Request RoleDefinitionId, PrincipalId, PrincipalType;
# delete: the same as @Resource, so delete follows the same rules, judged on the existing assignment).
# ForAnyOfAllValues:GuidNotEquals: "at least one value on the left satisfies the comparison with every value on the
# right" (conditions-format.md, cross product comparison operators); PrincipalId has one value, so it must differ
# from each listed ID (ForAnyOfAnyValues would only need it to differ from one, which every ID does). The string
# must stay byte for byte the same for the same lists: ensure_role compares it to the existing assignment's
# condition and replaces the assignment when it differs, so the list is built in the fixed ring and role order.
role_list=$(printf '%s, ' "${PROGRAM_ASSIGNED_ROLES[@]}")
role_list=${role_list%, }
type_list=$(printf "'%s', " "${DELEGATION_PRINCIPAL_TYPES[@]}")
type_list=${type_list%, }
pipeline_list=""
for ring in "${RINGS[@]}"; do
  for role in "${IDENTITY_ROLES[@]}"; do
    pipeline_list+="${pipeline_list:+, }${principal_id[$ring-$role]}"
  done
done
for group in "${nonprod_groups[@]}" "${prod_groups[@]}"; do
  [[ ", $pipeline_list, " == *", $group, "* ]] || pipeline_list+=", $group"
done
delegation=""
for action in write:Request delete:Resource; do
  attributes=${action#*:}   # a new assignment is described by the request, an existing one by the resource
  delegation+="${delegation:+ AND }((!(ActionMatches{'Microsoft.Authorization/roleAssignments/${action%%:*}'}))"
  delegation+=" OR (@${attributes}[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals"
  delegation+=" {${role_list}} AND @${attributes}[Microsoft.Authorization/roleAssignments:PrincipalType]"
  delegation+=" ForAnyOfAnyValues:StringEqualsIgnoreCase {${type_list}} AND"
  delegation+=" @${attributes}[Microsoft.Authorization/roleAssignments:PrincipalId] ForAnyOfAllValues:GuidNotEquals"
  delegation+=" {${pipeline_list}}))"
done

if [[ $nonprod_subscription == "$prod_subscription" ]]; then
  warn "the development deploy identity shares subscription $prod_subscription with production: as Contributor" \
    "there it can change production's resources. It cannot delete the locked ones or lift their locks:" \
    "$LOCK_OPERATOR_ROLE goes to the production deploy identity only. Separate subscriptions remove this."
fi
# Exactly planned_roles, per identity, on its own ring's subscription, container and key.
for ring in "${RINGS[@]}"; do
  s=$(ring_subscription "$ring")
  for role in "${IDENTITY_ROLES[@]}"; do
    identity=$(identity_name "$ring" "$role")
    mapfile -t planned < <(planned_roles "$ring" "$role")
    for entry in "${planned[@]}"; do
      kind=${entry%% *}
      assigned=${entry#* }
      case $kind in
        subscription) scope=/subscriptions/$s ;;
        container) scope=$storage_id/blobServices/default/containers/$(container_name "$ring") ;;
        key) scope=$vault_id/keys/$(key_name "$ring") ;;
      esac
      condition=""
      [[ $assigned != "$ROLE_RBAC_ADMIN" ]] || condition=$delegation
      ensure_role "${principal_id[$ring-$role]}" ServicePrincipal "${custom_role_ids[$assigned]:-$assigned}" \
        "$scope" "$identity: role $assigned on $(scope_name "$ring" "$kind")" "$condition"
    done
  done
done

log "Microsoft Defender for Containers on $prod_subscription"

# Production clusters run the Defender sensor (securityProfile.defender, cluster.defender: true by default;
# Pulumi.dev.yaml turns it off). The sensor is a component of the subscription's Defender for Containers plan:
# Microsoft's AKS guides enable the plan first and list "Defender for Containers enabled on your Azure subscription"
# (or "plan already enabled") as the prerequisite for deploying the sensor (MicrosoftDocs/azure-security-docs,
# articles/defender-for-cloud/defender-for-containers-azure-enable-programmatically.md, ms.date 06/04/2025, and
# defender-for-containers-azure-deploy-portal.md, ms.date 06/04/2025). So production's subscription gets the plan.
# Cost: the plan covers every AKS cluster in the subscription ("activates protection for all Azure Kubernetes
# Service (AKS) clusters ... in that subscription", learn.microsoft.com/training/modules/
# detect-container-risks-defender-containers/3-enable-configure-defender-containers) and is billed per vCore of
# their nodes (https://azure.microsoft.com/pricing/details/defender-for-cloud/). The non-production subscription
# does not get it: its stages turn the sensor off. It is set here rather than by the program because it is a
# subscription-wide billing setting that no single stage owns.
register_providers "$prod_subscription" Microsoft.Security
if [[ $(az security pricing show --name Containers --subscription "$prod_subscription" --query pricingTier -o tsv \
    --only-show-errors 2> /dev/null) == Standard ]]; then
  note "Defender for Containers plan is on"
else
  az security pricing create --name Containers --tier standard --subscription "$prod_subscription" \
    --only-show-errors -o none
  note "Defender for Containers plan turned on (billed per vCore of the subscription's AKS nodes)"
fi
if [[ $nonprod_subscription == "$prod_subscription" ]]; then
  warn "the Defender for Containers plan covers every cluster in $prod_subscription, the non-production ones too:" \
    "their nodes are billed too. Separate subscriptions avoid this (--nonprod-subscription)."
fi

# ---------------------------------------------------------------------------------------------------------------
log "Cluster admin groups"

# The program creates namespaces through the cluster's Azure RBAC: the deploying identity must be in one of the
# stage's cluster.adminGroupObjectIds. Adding members needs group owner or Groups Administrator rights in Entra
# ID, which a subscription Owner may lack: then the command is listed at the end for someone who has them.
add_to_groups() {
  local ring=$1 group p identity
  shift
  p=${principal_id[$ring-deploy]}
  identity=$(identity_name "$ring" deploy)
  for group in "$@"; do
    if [[ $(az ad group member check --group "$group" --member-id "$p" --query value -o tsv --only-show-errors 2> /dev/null) == true ]]; then
      note "$identity is a member of $group"
    elif retry 6 10 az ad group member add --group "$group" --member-id "$p" --only-show-errors; then
      note "$identity added to $group"
    else
      pending+=("az ad group member add --group $group --member-id $p   # $identity")
      warn "could not add $identity to group $group (Entra ID rights?)"
    fi
  done
}
add_to_groups development "${nonprod_groups[@]}"
add_to_groups production "${prod_groups[@]}"

restore_lock
note "read-only lock $lock in place"

# ---------------------------------------------------------------------------------------------------------------
# What to enter in Azure DevOps and in the stack files. Everything below is an identifier, not a secret.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
echo
echo "Bootstrap complete. Enter the following in Azure DevOps, project '$ado_project' ($ado_org_url)."
echo "Step by step, with the reasons: docs/bootstrap.md#azure-devops-steps"
echo
echo "1. Variable groups (Pipelines > Library > + Variable group), plain variables, none secret; Pipeline"
echo "   permissions: only the platform-infra pipelines."
for ring in "${RINGS[@]}"; do
  echo "   $(ado_name "$ring")"
  printf '     %-25s %s\n' ARM_TENANT_ID "$tenant" \
    PULUMI_BACKEND_URL "azblob://$(container_name "$ring")?storage_account=$storage_account" \
    PULUMI_SECRETS_PROVIDER "${secrets_provider[$ring]}" \
    READ_CLIENT_ID "${client_id[$ring-read]}" \
    DEPLOY_CLIENT_ID "${client_id[$ring-deploy]}"
done
echo
echo "2. Environments (Pipelines > Environments > New environment, resource None), then Approvals and checks:"
echo "   $(ado_name development): Exclusive lock"
echo "   $(ado_name production): Exclusive lock, and Approvals (the platform team; approvers may not approve"
echo "   their own runs)."
echo "   $TEARDOWN_ENVIRONMENT: Exclusive lock, and Approvals (who may destroy a development stage," \
  "pipelines/teardown.yml)"
echo "   Create all three before the first run: a deployment job's environment that does not exist is created on the"
echo "   fly, without any check."
echo
echo "3. Agent pools (Project settings > Agent pools; the pools above appear there by themselves), Security >"
echo "   Pipeline permissions: only the platform-infra pipelines, and Approvals and checks:"
echo "   $(pool_name development deploy), $(pool_name production deploy): Branch control, allowed branches"
echo "     refs/heads/main, \"Verify branch protection\" on (if the check is not offered on agent pools: Required"
echo "     template instead, docs/bootstrap.md#first-run-checklist)"
echo "   $(pool_name production read): Approvals (the platform team): a pull request's code decrypts production"
echo "     secrets only after a reviewer approved its production preview"
echo "   $(pool_name development read): pipeline permission only"
echo
echo "4. Required reviewers on main, for every path that decides what runs with a deploy identity (one policy):"
printf '   az repos policy required-reviewer create --org %s --project %q \\\n' "$ado_org_url" "$ado_project"
echo "     --repository-id <ID: az repos show --repository <repository> --query id -o tsv> --branch main \\"
echo "     --blocking true --enabled true --required-reviewer-ids '<platform team>' \\"
echo "     --message 'Changes what runs with the deploy identities: platform team review required' \\"
echo "     --path-filter '$(IFS=';'; printf '%s' "${REVIEWED_PATHS[*]}")'"
echo "   The other branch policies: docs/bootstrap.md#branch-policies-on-main"
echo
echo "5. Stack files, by pull request, replacing the placeholders (docs/configuration.md):"
for f in "$repo_root"/Pulumi.*.yaml; do
  [[ -f $f ]] || continue
  ring=$(stack_ring "$f")
  printf '   %-24s platform-infra:deployers: [%s]   # client ID of %s\n' "${f##*/}" "${client_id[$ring-deploy]}" \
    "$(identity_name "$ring" deploy)"
  printf '   %-24s azure-native:subscriptionId: %s\n' "" "$(ring_subscription "$ring")"
done
echo "   Every stack file's cluster.authorizedIpRanges: $egress_ip/32 (the pools' only egress address)"
echo
echo "6. Before the first merge, check steps 2 to 4 (read-only; exit 1 lists what is missing):"
printf '   scripts/bootstrap.sh --verify-azure-devops --ado-org-url %s --ado-project %q\n' "$ado_org_url" "$ado_project"
if ((${#pending[@]} > 0)); then
  echo
  echo "NOT DONE: run these as someone who may manage the groups' members, then re-run this script:"
  printf '   %s\n' "${pending[@]}"
  exit 1
fi
