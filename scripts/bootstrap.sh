#!/usr/bin/env bash
# Creates what must exist before the first `pulumi up` of platform-infra: the state backend (storage account and
# container), the secrets provider key (Key Vault), the pipeline identities with their federated credentials for
# Azure DevOps, their role assignments (with two custom roles), and the production subscription's Defender for
# Containers plan. Run once by a subscription Owner; safe to re-run (every step checks before it creates, and
# settings are re-applied, so a re-run also repairs drift). Creates and prints no secret.
#   scripts/bootstrap.sh --help
# What it creates and why, and the manual Azure DevOps steps: docs/bootstrap.md.
set -euo pipefail

readonly SERVICE_CONNECTIONS=(platform-infra-read platform-infra-deploy-nonprod platform-infra-deploy-prod)
readonly CONTAINER=state
readonly KEY_NAME=pulumi-secrets
readonly VARIABLE_GROUP=platform-infra-state
readonly MIN_AZ_VERSION=2.53.0
# Versions, then soft-deleted blobs and containers, are kept this long: a damaged or deleted state file can be
# restored from any point in this window.
readonly RETENTION_DAYS=30
readonly ADO_AUDIENCE=api://AzureADTokenExchange
# Azure DevOps' application ID in Entra ID: the token audience for its REST API.
readonly ADO_RESOURCE=499b84ac-1321-427f-aa17-267ca6975798

# Built-in role definition IDs: the same in every tenant, and unambiguous where display names are localized.
readonly ROLE_READER=acdd72a7-3385-48ef-bd42-f606fba81ae7
readonly ROLE_CONTRIBUTOR=b24988ac-6180-42a0-ab88-20f7382dd24c
readonly ROLE_RBAC_ADMIN=f58310d9-a9f6-439a-9e8d-f62e7b41a168            # Role Based Access Control Administrator
readonly ROLE_BLOB_DATA_CONTRIBUTOR=ba92f5b4-2d11-453d-a403-e96b0029c9fe  # Storage Blob Data Contributor
readonly ROLE_KV_CRYPTO_USER=12338af0-0e69-4776-bea7-57ae8d297424         # Key Vault Crypto User
readonly ROLE_KV_CRYPTO_OFFICER=14b46e9e-c2b7-41b4-b07b-48a6ebf60603      # Key Vault Crypto Officer
readonly ROLE_AKS_CLUSTER_USER=4abbcc35-e782-43d8-92c5-2d3f1bd2253f       # Azure Kubernetes Service Cluster User Role
readonly ROLE_AKS_RBAC_READER=7f6c6a51-bcf8-42ba-9220-52d62157d7db        # Azure Kubernetes Service RBAC Reader
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
# privileged.md, ms.date 07/01/2026). components/src/main/java/io/platforminfra/azure/Deployer.java describes the same
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
# no locks, and deploy-nonprod must never be able to lift production's.
readonly LOCK_OPERATOR_ROLE="platform-infra Lock Operator"
readonly LOCK_OPERATOR_ACTIONS=(
  Microsoft.Authorization/locks/read
  Microsoft.Authorization/locks/write
  Microsoft.Authorization/locks/delete
)

usage() {
  cat <<'EOF'
Usage: scripts/bootstrap.sh [options]

Creates, once, what platform-infra's pipelines need before the first `pulumi up`, in the subscription given by
--subscription: resource group rg-<prefix>-state (read-only lock), storage account for Pulumi state (container
"state"), Key Vault with RSA key "pulumi-secrets" (secrets provider), and managed identities for the service
connections platform-infra-read, platform-infra-deploy-nonprod and platform-infra-deploy-prod with federated
credentials for Azure DevOps and least-privilege role assignments, including two custom roles (policy assignments
for both deploying identities, locks for production's only), and the Microsoft Defender for Containers plan on the
production subscription. Prints what to enter in Azure DevOps.
Safe to re-run. Needs the Azure CLI, signed in (az login) as an Owner of every subscription named.

Every option can also be given as an environment variable (shown after it).

Required:
  --subscription ID            BOOTSTRAP_SUBSCRIPTION   subscription for state, key and identities
  --location REGION            BOOTSTRAP_LOCATION       Azure region, e.g. westeurope
  --prefix NAME                BOOTSTRAP_PREFIX         naming prefix, 2-8 lowercase letters/digits, e.g. plat
  --ado-org-url URL            BOOTSTRAP_ADO_ORG_URL    https://dev.azure.com/<organization>
  --ado-project NAME           BOOTSTRAP_ADO_PROJECT    Azure DevOps project holding the service connections
  --nonprod-admin-groups IDS   BOOTSTRAP_NONPROD_ADMIN_GROUPS
                               object IDs (comma-separated) of the Entra ID groups in cluster.adminGroupObjectIds
                               of the non-production stack files; deploy-nonprod is added to them
  --prod-admin-groups IDS      BOOTSTRAP_PROD_ADMIN_GROUPS
                               the same for the production stack files; deploy-prod is added to them
  and exactly one of:
  --agent-ip-ranges CIDRS      BOOTSTRAP_AGENT_IP_RANGES
                               public IPv4 egress ranges of the pipeline agents (comma-separated); the state
                               account and the vault accept no other network
  --allow-all-networks         BOOTSTRAP_ALLOW_ALL_NETWORKS=true
                               no firewall on state account and vault (Microsoft-hosted agents have no fixed
                               addresses); access then rests on Entra ID and RBAC alone

Optional:
  --nonprod-subscription ID    BOOTSTRAP_NONPROD_SUBSCRIPTION  subscription of the non-production stages
                                                               (default: --subscription)
  --prod-subscription ID       BOOTSTRAP_PROD_SUBSCRIPTION     subscription of the production stages
                                                               (default: --subscription)
  --allow-shared-subscription  BOOTSTRAP_ALLOW_SHARED_SUBSCRIPTION=true
                               accept non-production and production stages in one subscription: then
                               deploy-nonprod can change production resources too
  --ado-org-id GUID            BOOTSTRAP_ADO_ORG_ID     organization ID for the issuer
                               https://vstoken.dev.azure.com/<GUID> (default: looked up with your az login)
  --entra-subject NAME=SUBJECT BOOTSTRAP_ENTRA_SUBJECTS (space-separated NAME=SUBJECT entries)
                               repeatable: for a service connection that uses the Microsoft Entra issuer, the
                               "Subject identifier" Azure DevOps shows for it; adds a second federated credential
                               with issuer https://login.microsoftonline.com/<tenant>/v2.0
  --storage-sku SKU            BOOTSTRAP_STORAGE_SKU    Standard_ZRS (default) or Standard_GZRS, Standard_RAGZRS
  -h, --help                   this help

Example (one subscription for everything):
  scripts/bootstrap.sh --subscription 00000000-0000-0000-0000-000000000000 --location westeurope --prefix plat \
    --ado-org-url https://dev.azure.com/contoso --ado-project platform \
    --nonprod-admin-groups 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b --prod-admin-groups 7a2b3c4d-5e6f-4a70-8b9c-0d1e2f3a4b5c \
    --agent-ip-ranges 198.51.100.16/28 --allow-shared-subscription
EOF
}

log() { printf '==> %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'bootstrap.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# Parameters: flags override environment variables.

subscription=${BOOTSTRAP_SUBSCRIPTION:-}
nonprod_subscription=${BOOTSTRAP_NONPROD_SUBSCRIPTION:-}
prod_subscription=${BOOTSTRAP_PROD_SUBSCRIPTION:-}
location=${BOOTSTRAP_LOCATION:-}
prefix=${BOOTSTRAP_PREFIX:-}
ado_org_url=${BOOTSTRAP_ADO_ORG_URL:-}
ado_project=${BOOTSTRAP_ADO_PROJECT:-}
ado_org_id=${BOOTSTRAP_ADO_ORG_ID:-}
nonprod_admin_groups=${BOOTSTRAP_NONPROD_ADMIN_GROUPS:-}
prod_admin_groups=${BOOTSTRAP_PROD_ADMIN_GROUPS:-}
agent_ip_ranges=${BOOTSTRAP_AGENT_IP_RANGES:-}
allow_all_networks=${BOOTSTRAP_ALLOW_ALL_NETWORKS:-false}
allow_shared_subscription=${BOOTSTRAP_ALLOW_SHARED_SUBSCRIPTION:-false}
storage_sku=${BOOTSTRAP_STORAGE_SKU:-Standard_ZRS}
entra_subjects=()
if [[ -n ${BOOTSTRAP_ENTRA_SUBJECTS:-} ]]; then
  read -r -a entra_subjects <<< "$BOOTSTRAP_ENTRA_SUBJECTS"
fi

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
    --subscription) subscription=$(value "$@"); shift 2 ;;
    --nonprod-subscription) nonprod_subscription=$(value "$@"); shift 2 ;;
    --prod-subscription) prod_subscription=$(value "$@"); shift 2 ;;
    --location) location=$(value "$@"); shift 2 ;;
    --prefix) prefix=$(value "$@"); shift 2 ;;
    --ado-org-url) ado_org_url=$(value "$@"); shift 2 ;;
    --ado-project) ado_project=$(value "$@"); shift 2 ;;
    --ado-org-id) ado_org_id=$(value "$@"); shift 2 ;;
    --nonprod-admin-groups) nonprod_admin_groups=$(value "$@"); shift 2 ;;
    --prod-admin-groups) prod_admin_groups=$(value "$@"); shift 2 ;;
    --agent-ip-ranges) agent_ip_ranges=$(value "$@"); shift 2 ;;
    --allow-all-networks) allow_all_networks=true; shift ;;
    --allow-shared-subscription) allow_shared_subscription=true; shift ;;
    --entra-subject) entra_subjects+=("$(value "$@")"); shift 2 ;;
    --storage-sku) storage_sku=$(value "$@"); shift 2 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done

# Empty arrays under `set -u` and ${var,,} need bash 4.4; macOS ships 3.2.
if ((BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 4))); then
  die "needs bash 4.4 or later (this is $BASH_VERSION; on macOS: brew install bash, or use Azure Cloud Shell)"
fi

# ---------------------------------------------------------------------------------------------------------------
# Validation: every problem at once, before anything is created.

readonly GUID='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
readonly IPV4='^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}$'
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
if [[ -n $subscription && $nonprod_subscription == "$prod_subscription" && $allow_shared_subscription != true ]]; then
  problem "non-production and production stages share subscription $prod_subscription: deploy-nonprod could" \
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
[[ -z $ado_org_id || $ado_org_id =~ $GUID ]] || problem "--ado-org-id must be a GUID (value: '$ado_org_id')"
ado_org_id=${ado_org_id,,}

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
    [[ $g != "$p" ]] || warn "group $g administers non-production and production clusters: deploy-nonprod becomes" \
      "cluster admin of production too. Give each ring its own admin group (cluster.adminGroupObjectIds)."
  done
done

agent_ranges=()
if [[ -n $agent_ip_ranges && $allow_all_networks == true ]]; then
  problem "give either --agent-ip-ranges or --allow-all-networks, not both"
elif [[ -z $agent_ip_ranges && $allow_all_networks != true ]]; then
  problem "--agent-ip-ranges (the pipeline agents' public egress ranges) or --allow-all-networks is required"
fi
IFS=, read -r -a ranges <<< "$agent_ip_ranges"
for r in "${ranges[@]}"; do
  r=${r//[[:space:]]/}
  [[ -z $r ]] && continue
  address=${r%/*}
  bits=32
  [[ $r == */* ]] && bits=${r#*/}
  if [[ ! $address =~ $IPV4 || ! $bits =~ ^([89]|[12][0-9]|3[0-2])$ ]]; then
    problem "--agent-ip-ranges: '$r' is not an IPv4 address or CIDR range (/8 to /32)"
  elif [[ $address =~ ^(10\.|192\.168\.|172\.(1[6-9]|2[0-9]|3[01])\.) ]]; then
    problem "--agent-ip-ranges: '$r' is a private range; the firewall sees the agents' public egress address"
  elif ((bits == 31)); then
    # The storage firewall takes single addresses and ranges of /30 or wider, nothing in between.
    problem "--agent-ip-ranges: '$r': give a /31 as its two single addresses"
  elif ((bits == 32)); then
    agent_ranges+=("$address")
  else
    agent_ranges+=("$r")
  fi
done

case $storage_sku in
  Standard_ZRS | Standard_GZRS | Standard_RAGZRS) ;;
  *) problem "--storage-sku must be Standard_ZRS, Standard_GZRS or Standard_RAGZRS (value: '$storage_sku')" ;;
esac

for entry in "${entra_subjects[@]}"; do
  name=${entry%%=*}
  [[ $entry == *=?* && " ${SERVICE_CONNECTIONS[*]} " == *" $name "* ]] ||
    problem "--entra-subject must be <service connection>=<subject identifier>, the connection one of" \
      "${SERVICE_CONNECTIONS[*]} (value: '$entry')"
done

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
readonly storage_account="st${prefix}state${suffix}"
readonly vault="kv-${prefix}-state-${suffix}"
readonly lock="${rg}-readonly"
readonly tags=(repository=platform-infra purpose=pulumi-state)
identity_name() { printf 'id-%s-%s' "$prefix" "${1#platform-infra-}"; }

declare -A client_id principal_id
pending=()          # steps this run could not do; listed at the end, and the exit status is 1
lock_lifted=false   # set while the resource group's read-only lock is off

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

# ensure_federated_credential IDENTITY NAME ISSUER SUBJECT
ensure_federated_credential() {
  local identity=$1 name=$2 issuer=$3 subject=$4 current
  local where=(--identity-name "$identity" --resource-group "$rg" --subscription "$subscription")
  current=$(az identity federated-credential show --name "$name" "${where[@]}" --only-show-errors \
    --query "[issuer, subject] | join(' ', @)" -o tsv 2> /dev/null || true)
  if [[ $current == "$issuer $subject" ]]; then
    note "federated credential exists: $identity/$name ($subject)"
  elif [[ -z $current ]]; then
    az identity federated-credential create --name "$name" "${where[@]}" --issuer "$issuer" --subject "$subject" \
      --audiences "$ADO_AUDIENCE" --only-show-errors -o none
    note "federated credential created: $identity/$name ($subject)"
  else
    az identity federated-credential update --name "$name" "${where[@]}" --issuer "$issuer" --subject "$subject" \
      --audiences "$ADO_AUDIENCE" --only-show-errors -o none
    note "federated credential updated: $identity/$name ($subject)"
  fi
}

# set_network_acls RESOURCE_ID API_VERSION IP_RULE_FIELDS: the firewall exactly as given, replacing any other
# rules (a range removed from --agent-ip-ranges is removed from the firewall on the next run).
set_network_acls() {
  local id=$1 api=$2 fields=$3 rules="" r default=Deny
  [[ $allow_all_networks == true ]] && default=Allow
  for r in "${agent_ranges[@]}"; do
    rules+="${rules:+,}{\"value\":\"$r\"$fields}"
  done
  # Trusted Azure services bypass the firewall, as on the stages' own vaults and accounts (SecretStore,
  # ObjectStorage): Resource Manager creates the key through it. Every request still needs an Entra ID token and
  # an RBAC role.
  az rest --method patch --url "https://management.azure.com${id}?api-version=${api}" --only-show-errors -o none \
    --body "{\"properties\":{\"publicNetworkAccess\":\"Enabled\",\"networkAcls\":{\"defaultAction\":\"$default\",\
\"bypass\":\"AzureServices\",\"ipRules\":[${rules}],\"virtualNetworkRules\":[]}}}"
}

restore_lock() {
  if [[ $lock_lifted == true ]]; then
    az lock create --name "$lock" --lock-type ReadOnly --resource-group "$rg" --subscription "$subscription" \
      --notes "Pulumi state and secrets key of platform-infra: change only with scripts/bootstrap.sh" \
      --only-show-errors -o none ||
      warn "could not restore the read-only lock: az lock create --name $lock --lock-type ReadOnly -g $rg --subscription $subscription"
    lock_lifted=false
  fi
}
trap restore_lock EXIT

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
note "tenant $tenant; state in $subscription; non-production $nonprod_subscription; production $prod_subscription"

runner_type=$(az account show --query user.type -o tsv)
if [[ $runner_type == user ]]; then
  runner_id=$(az ad signed-in-user show --query id -o tsv --only-show-errors)
  runner_type=User
else
  runner_id=$(az ad sp show --id "$(az account show --query user.name -o tsv)" --query id -o tsv --only-show-errors)
  runner_type=ServicePrincipal
fi

if [[ -z $ado_org_id ]]; then
  # The organization ID is what the issuer https://vstoken.dev.azure.com/<ID> names; connectionData returns it
  # as instanceId to any member of the organization.
  ado_org_id=$(az rest --method get --resource "$ADO_RESOURCE" --url "$ado_org_url/_apis/connectionData" \
    --query instanceId -o tsv --only-show-errors 2> /dev/null || true)
  [[ $ado_org_id =~ $GUID ]] || die "could not look up the ID of organization '$ado_org' with your az login;" \
    "give --ado-org-id (shown as the issuer https://vstoken.dev.azure.com/<ID> in a service connection dialog)"
fi
note "Azure DevOps organization $ado_org ($ado_org_id), project $ado_project"

# Resource providers: those this script uses, and those the program needs in the stages' subscriptions (a
# registration needs more rights than the deploying identities should have).
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
register_providers "$subscription" Microsoft.Storage Microsoft.KeyVault Microsoft.ManagedIdentity
for s in $(printf '%s\n' "$nonprod_subscription" "$prod_subscription" | sort -u); do
  register_providers "$s" Microsoft.ContainerService Microsoft.DBforPostgreSQL Microsoft.Network \
    Microsoft.OperationalInsights Microsoft.Insights Microsoft.KeyVault Microsoft.Storage Microsoft.ManagedIdentity
done

# ---------------------------------------------------------------------------------------------------------------
log "Resource group $rg"

if az group show --name "$rg" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
  note "exists"
else
  az group create --name "$rg" --location "$location" --subscription "$subscription" --tags "${tags[@]}" \
    --only-show-errors -o none
  note "created"
fi
# The read-only lock stops control-plane changes to everything here (account settings, vault, key, identities and
# their federated credentials) by anyone who cannot remove locks (only Owner and User Access Administrator can),
# such as a deploying identity that is Contributor on this subscription. Data-plane access (state blobs,
# encrypt/decrypt) is not affected. This script lifts the lock while it works and restores it on exit, also on
# failure.
if az lock show --name "$lock" --resource-group "$rg" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
  az lock delete --name "$lock" --resource-group "$rg" --subscription "$subscription" --only-show-errors
  note "read-only lock lifted for this run"
fi
lock_lifted=true

# ---------------------------------------------------------------------------------------------------------------
log "Storage account $storage_account (Pulumi state)"

# Shared key access is disabled: Pulumi's azblob backend signs in with Entra ID when no account key is set
# (azblob://<container>?storage_account=<account> uses the Azure CLI login of the pipeline's Azure CLI task), so
# no key exists that could leak, and every access is by an identity with a role, in the logs.
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
note "firewall: ${agent_ranges[*]:-all networks (--allow-all-networks)}"
az storage account blob-service-properties update --account-name "$storage_account" --resource-group "$rg" \
  --subscription "$subscription" --enable-versioning true \
  --enable-delete-retention true --delete-retention-days "$RETENTION_DAYS" \
  --enable-container-delete-retention true --container-delete-retention-days "$RETENTION_DAYS" \
  --only-show-errors -o none
note "blob versioning on; deleted blobs and containers kept $RETENTION_DAYS days"

# container-rm goes through Resource Manager: no data-plane role and no network path to the account needed.
if az storage container-rm show --storage-account "$storage_account" --resource-group "$rg" \
    --subscription "$subscription" --name "$CONTAINER" --only-show-errors -o none 2> /dev/null; then
  note "container $CONTAINER exists"
else
  az storage container-rm create --storage-account "$storage_account" --resource-group "$rg" \
    --subscription "$subscription" --name "$CONTAINER" --public-access off --only-show-errors -o none
  note "container $CONTAINER created"
fi
container_scope="$storage_id/blobServices/default/containers/$CONTAINER"

# ---------------------------------------------------------------------------------------------------------------
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
note "firewall: ${agent_ranges[*]:-all networks (--allow-all-networks)}"

# The key is created through Resource Manager ("create if not exist": never a second version). On an RBAC vault
# the caller still needs a data-plane role to create a key: the person running this script gets Key Vault Crypto
# Officer on the vault for that step only, and loses it again right after. Nobody keeps standing key access.
key_url="https://management.azure.com${vault_id}/keys/${KEY_NAME}?api-version=2023-07-01"
key_uri=$(az rest --method get --url "$key_url" --query properties.keyUriWithVersion -o tsv --only-show-errors 2> /dev/null || true)
if [[ -n $key_uri ]]; then
  note "key $KEY_NAME exists"
else
  officer="Key Vault Crypto Officer on $vault for you, to create $KEY_NAME"
  ensure_role "$runner_id" "$runner_type" "$ROLE_KV_CRYPTO_OFFICER" "$vault_id" "$officer"
  granted=$role_created
  # RSA 3072, only the operations Pulumi's secrets provider uses (it wraps each stack's data key).
  retry 12 15 az rest --method put --url "$key_url" --only-show-errors -o none \
    --body '{"properties":{"kty":"RSA","keySize":3072,"keyOps":["encrypt","decrypt","wrapKey","unwrapKey"]}}' ||
    die "could not create key $KEY_NAME in $vault. If the error names the client address, the vault firewall" \
      "blocked the request: re-run from a network in --agent-ip-ranges."
  key_uri=$(az rest --method get --url "$key_url" --query properties.keyUriWithVersion -o tsv --only-show-errors)
  note "key $KEY_NAME created"
  [[ $granted == false ]] || remove_role "$runner_id" "$ROLE_KV_CRYPTO_OFFICER" "$vault_id" "$officer"
fi
key_scope="$vault_id/keys/$KEY_NAME"
# The provider URL names the key version. With a versionless URL Pulumi decrypts with whatever version is current,
# so the first new version of the key would lock every stack out of its secrets (pulumi/pulumi#22338).
secrets_provider="azurekeyvault://${key_uri#https://}"

# ---------------------------------------------------------------------------------------------------------------
log "Identities and federated credentials"

# User-assigned managed identities rather than app registrations: they have no secrets or certificates at all,
# need no Entra ID application-administration rights, and live (and are locked) in this resource group.
for connection in "${SERVICE_CONNECTIONS[@]}"; do
  identity=$(identity_name "$connection")
  if az identity show --name "$identity" --resource-group "$rg" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
    note "identity $identity exists"
  else
    az identity create --name "$identity" --resource-group "$rg" --subscription "$subscription" \
      --location "$location" --tags "${tags[@]}" --only-show-errors -o none
    note "identity $identity created"
  fi
  pair=$(az identity show --name "$identity" --resource-group "$rg" --subscription "$subscription" \
    --query "[clientId, principalId] | join(' ', @)" -o tsv --only-show-errors)
  [[ ${pair#* } =~ $GUID ]] || die "identity $identity has no principal ID yet: re-run in a minute"
  client_id[$connection]=${pair% *}
  principal_id[$connection]=${pair#* }
  # Azure DevOps issuer: trusts exactly this service connection of this project (subject), nothing else.
  ensure_federated_credential "$identity" azure-devops "https://vstoken.dev.azure.com/$ado_org_id" \
    "sc://$ado_org/$ado_project/$connection"
  for entry in "${entra_subjects[@]}"; do
    [[ ${entry%%=*} == "$connection" ]] || continue
    ensure_federated_credential "$identity" azure-devops-entra "https://login.microsoftonline.com/$tenant/v2.0" \
      "${entry#*=}"
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
policy_operator_id=$custom_role_id
ensure_custom_role "$LOCK_OPERATOR_ROLE" "platform-infra production deploying identity: create and delete the\
 CanNotDelete locks of production's stateful resources, which Contributor cannot and only Owner and User Access\
 Administrator can among built-in roles. Created by scripts/bootstrap.sh." "${LOCK_OPERATOR_ACTIONS[*]}" \
  "/subscriptions/$prod_subscription"
lock_operator_id=$custom_role_id

# ---------------------------------------------------------------------------------------------------------------
log "Role assignments"

# Delegation condition: the deploying identities may create and delete assignments of the program's roles only
# (PROGRAM_ASSIGNED_ROLES), and only to the principal types in DELEGATION_PRINCIPAL_TYPES: service principals (the
# managed identities the program creates) and groups (the Entra ID groups a stack file names in
# platform-infra:access, which get Reader and AKS Cluster User). Never Owner, never themselves a wider role, never a
# single user. The string must stay byte for byte the same for the same lists: ensure_role compares it to the
# existing assignment's condition and replaces the assignment when it differs.
role_list=$(printf '%s, ' "${PROGRAM_ASSIGNED_ROLES[@]}")
role_list=${role_list%, }
type_list=$(printf "'%s', " "${DELEGATION_PRINCIPAL_TYPES[@]}")
type_list=${type_list%, }
delegation=""
for action in write:Request delete:Resource; do
  attributes=${action#*:}   # a new assignment is described by the request, an existing one by the resource
  delegation+="${delegation:+ AND }((!(ActionMatches{'Microsoft.Authorization/roleAssignments/${action%%:*}'}))"
  delegation+=" OR (@${attributes}[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals"
  delegation+=" {${role_list}} AND @${attributes}[Microsoft.Authorization/roleAssignments:PrincipalType]"
  delegation+=" ForAnyOfAnyValues:StringEqualsIgnoreCase {${type_list}}))"
done

# State and key: every pipeline identity reads and writes state (a preview takes the stack's lock in the
# container and reads its checkpoint) and decrypts the stack's data key. Scoped to the one container and the one
# key, not the account or vault.
for connection in "${SERVICE_CONNECTIONS[@]}"; do
  p=${principal_id[$connection]}
  ensure_role "$p" ServicePrincipal "$ROLE_BLOB_DATA_CONTRIBUTOR" "$container_scope" \
    "$connection: Storage Blob Data Contributor on the state container"
  ensure_role "$p" ServicePrincipal "$ROLE_KV_CRYPTO_USER" "$key_scope" \
    "$connection: Key Vault Crypto User on the $KEY_NAME key"
done

# Read: previews and drift checks. Subscription scope because the stages' resource groups are created by the
# program. Reader sees the resources; a preview also lists the cluster's user kubeconfig (no credentials in it:
# local accounts are off), which Reader lacks, and reads namespaces and service accounts through the cluster's
# Azure RBAC.
for s in $(printf '%s\n' "$nonprod_subscription" "$prod_subscription" | sort -u); do
  p=${principal_id[platform-infra-read]}
  ensure_role "$p" ServicePrincipal "$ROLE_READER" "/subscriptions/$s" "platform-infra-read: Reader on $s"
  ensure_role "$p" ServicePrincipal "$ROLE_AKS_CLUSTER_USER" "/subscriptions/$s" \
    "platform-infra-read: Azure Kubernetes Service Cluster User Role on $s"
  ensure_role "$p" ServicePrincipal "$ROLE_AKS_RBAC_READER" "/subscriptions/$s" \
    "platform-infra-read: Azure Kubernetes Service RBAC Reader on $s"
done

# Deploy, per ring: Contributor creates and changes resources (it cannot assign roles); Role Based Access Control
# Administrator, under the condition above, lets the program grant its identities their data-plane roles.
# Neither has User Access Administrator's or Owner's unconditioned rights.
for ring in nonprod prod; do
  connection=platform-infra-deploy-$ring
  s=$nonprod_subscription
  [[ $ring == prod ]] && s=$prod_subscription
  p=${principal_id[$connection]}
  ensure_role "$p" ServicePrincipal "$ROLE_CONTRIBUTOR" "/subscriptions/$s" "$connection: Contributor on $s"
  ensure_role "$p" ServicePrincipal "$ROLE_RBAC_ADMIN" "/subscriptions/$s" \
    "$connection: Role Based Access Control Administrator on $s, limited to the program's roles" "$delegation"
  ensure_role "$p" ServicePrincipal "$policy_operator_id" "/subscriptions/$s" \
    "$connection: $POLICY_OPERATOR_ROLE on $s"
done

# Locks: the production deploying identity only, on the production subscription only (DeployerMatchesBootstrapTest
# fails if this role is assigned any other way).
if [[ $nonprod_subscription == "$prod_subscription" ]]; then
  warn "platform-infra-deploy-nonprod shares subscription $prod_subscription with production: as Contributor there" \
    "it can change production's resources. It cannot delete the locked ones or lift their locks: $LOCK_OPERATOR_ROLE" \
    "goes to platform-infra-deploy-prod only. Separate subscriptions remove this (--nonprod-subscription)."
fi
ensure_role "${principal_id[platform-infra-deploy-prod]}" ServicePrincipal "$lock_operator_id" \
  "/subscriptions/$prod_subscription" "platform-infra-deploy-prod: $LOCK_OPERATOR_ROLE on $prod_subscription"

# ---------------------------------------------------------------------------------------------------------------
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
  local connection=$1 group p
  shift
  p=${principal_id[$connection]}
  for group in "$@"; do
    if [[ $(az ad group member check --group "$group" --member-id "$p" --query value -o tsv --only-show-errors 2> /dev/null) == true ]]; then
      note "$connection is a member of $group"
    elif retry 6 10 az ad group member add --group "$group" --member-id "$p" --only-show-errors; then
      note "$connection added to $group"
    else
      pending+=("az ad group member add --group $group --member-id $p   # $connection")
      warn "could not add $connection to group $group (Entra ID rights?)"
    fi
  done
}
add_to_groups platform-infra-deploy-nonprod "${nonprod_groups[@]}"
add_to_groups platform-infra-deploy-prod "${prod_groups[@]}"

restore_lock
note "read-only lock $lock in place"

# ---------------------------------------------------------------------------------------------------------------
# What to enter in Azure DevOps. Everything below is an identifier, not a secret.

subscription_of() {
  case $1 in
    platform-infra-deploy-prod) printf '%s' "$prod_subscription" ;;
    *) printf '%s' "$nonprod_subscription" ;;
  esac
}

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
stages=()
production=()
deployers=()
for f in "$repo_root"/Pulumi.*.yaml; do
  [[ -f $f ]] || continue
  stage=${f##*/Pulumi.}
  stage=${stage%.yaml}
  stages+=("platform-infra-$stage")
  ring=platform-infra-deploy-nonprod
  if grep -Eq '^[[:space:]]*platform-infra:environmentType:[[:space:]]*production' "$f"; then
    production+=("platform-infra-$stage")
    ring=platform-infra-deploy-prod
  fi
  # The program refuses an update by any identity not in the stage's platform-infra:deployers (docs/pipelines.md).
  deployers+=("$(printf '%-24s - %s   # %s' "${f##*/}" "${principal_id[$ring]}" "$(identity_name "$ring")")")
done

echo
echo "Bootstrap complete. Enter the following in Azure DevOps, project '$ado_project' ($ado_org_url)."
echo "Step by step, with the reasons: docs/bootstrap.md#azure-devops-steps"
echo
echo "1. Service connections: Project settings > Service connections > New service connection > Azure Resource"
echo "   Manager > App registration or managed identity (manual) > Workload identity federation; scope level"
echo "   Subscription. Grant access to all pipelines: off. Tenant (directory) ID for all three: $tenant"
echo
printf '   %-31s %-38s %s\n' "Service connection name" "Client (application) ID" "Subscription ID (name)"
for connection in "${SERVICE_CONNECTIONS[@]}"; do
  s=$(subscription_of "$connection")
  printf '   %-31s %-38s %s (%s)\n' "$connection" "${client_id[$connection]}" "$s" \
    "$(az account show --subscription "$s" --query name -o tsv)"
done
echo
echo "   Each identity trusts the Azure DevOps issuer https://vstoken.dev.azure.com/$ado_org_id with subject"
echo "   sc://$ado_org/$ado_project/<service connection name>. If the dialog shows the Microsoft Entra issuer"
echo "   https://login.microsoftonline.com/$tenant/v2.0 instead, keep the draft, re-run this script with"
echo "   --entra-subject <service connection name>=<the subject identifier shown>, then verify and save."
if [[ $nonprod_subscription != "$prod_subscription" ]]; then
  echo "   platform-infra-read can also read $prod_subscription: the pipeline selects each stage's subscription."
fi
echo "   On platform-infra-deploy-nonprod and platform-infra-deploy-prod: Approvals and checks > Branch control,"
echo "   allowed branches refs/heads/main, verify branch protection on."
echo
echo "2. Variable group '$VARIABLE_GROUP' (Pipelines > Library), plain variables, none secret:"
printf '   %-28s %s\n' PULUMI_BACKEND_URL "azblob://$CONTAINER?storage_account=$storage_account"
printf '   %-28s %s\n' PULUMI_SECRETS_PROVIDER "$secrets_provider"
printf '   %-28s %s\n' ARM_TENANT_ID "$tenant"
if [[ $nonprod_subscription == "$prod_subscription" ]]; then
  printf '   %-28s %s\n' ARM_SUBSCRIPTION_ID "$prod_subscription"
else
  printf '   %-28s %s\n' ARM_SUBSCRIPTION_ID_NONPROD "$nonprod_subscription"
  printf '   %-28s %s\n' ARM_SUBSCRIPTION_ID_PROD "$prod_subscription"
fi
printf '   %-28s %s\n' AZURE_STORAGE_AUTH_MODE login
echo "   Pipeline permissions: only the platform-infra pipeline."
echo
echo "3. Environments (Pipelines > Environments), one per stack file, each with the check Exclusive lock:"
echo "   ${stages[*]:-(no stack files found)}"
echo "   Approvals (platform team) on the production ones: ${production[*]:-(none found)}"
echo
echo "4. Branch policies on main (Repos > Branches > main > Branch policies): docs/bootstrap.md#branch-policies-on-main"
echo
echo "5. Stack files: the only identity that may update each stage (pulumi up) is its ring's deploying identity."
echo "   Set platform-infra:deployers in each file to this principal (object) ID, replacing any placeholder, by"
echo "   pull request (docs/configuration.md#platform-infradeployers):"
printf '   %s\n' "${deployers[@]:-(no stack files found)}"
if ((${#pending[@]} > 0)); then
  echo
  echo "NOT DONE: run these as someone who may manage the groups' members, then re-run this script:"
  printf '   %s\n' "${pending[@]}"
  exit 1
fi
