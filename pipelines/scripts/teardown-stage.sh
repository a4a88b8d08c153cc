#!/usr/bin/env bash
# Destroys one development stage, inside the approved teardown pipeline (pipelines/teardown.yml), on the
# development deploy pool as its identity (pulumi-login.sh), then purges the
# stage's soft-deleted key vault so the stage can be created again under the same names:
#   teardown-stage.sh <stage>
# A production stage is refused: its stateful resources are never destroyed by automation.
set -euo pipefail

stage="${1:?usage: teardown-stage.sh <stage>}"
jar="target/platform-infra.jar"
readonly VAULT_TYPE="azure-native:keyvault:Vault"

if ! java -jar "$jar" stages --environment-type development | grep -qx -- "$stage"; then
  echo "##vso[task.logissue type=error]$stage is not a development stage with a stack file; nothing is destroyed"
  exit 1
fi
# jq reads the stack's state and the plan below; checked first, as nothing can be looked up once destroy has run.
if ! command -v jq > /dev/null; then
  echo "##vso[task.logissue type=error]jq is not installed; nothing is destroyed"
  exit 1
fi

# shellcheck source=pipelines/scripts/pulumi-login.sh
source "$(dirname "${BASH_SOURCE[0]}")/pulumi-login.sh"
pulumi stack select --stack "$stage"

# The stage's vaults, named before destroy takes them out of the state: the Azure names in the stack's state (an
# adopted vault keeps its own name) and the name the program gives the stage's vault (NamingConvention: fixed per
# workload, stage and region), which finds it again when an earlier run destroyed the stage but did not purge.
state_vaults=$(pulumi stack export --stack "$stage" |
  jq -r --arg type "$VAULT_TYPE" '.deployment.resources[]? | select(.type == $type) | .outputs.name // empty')
planned_vault=$(java -jar "$jar" plan --stack "$stage" --format json |
  jq -r --arg type "$VAULT_TYPE" '.resources[] | select(.type == $type) | .azureName // empty') ||
  {
    echo "##vso[task.logissue type=warning]could not plan $stage to name its vault; only the state's vaults are purged"
    planned_vault=""
  }
mapfile -t vaults < <(printf '%s\n' "$state_vaults" "$planned_vault" | grep -v '^$' | sort -u)

pulumi destroy --stack "$stage" --yes

# Key Vault keeps a deleted vault for its soft-delete retention (7 to 90 days; development stages set 7), and "you
# can't reuse the name of a key vault that was soft-deleted, until the retention period expires" (MicrosoftDocs/
# azure-security-docs, articles/key-vault/general/soft-delete-overview.md, ms.date 02/20/2024). The vault's name is
# fixed per stage, so re-creating the stage would fail until then: purge it. With purge protection on, nobody can
# purge it ("When purge protection is on, a vault ... in the deleted state can't be purged until the retention
# period has passed", same page): then the name frees up on its scheduledPurgeDate.
# Permission: purging needs Microsoft.KeyVault/locations/deletedVaults/purge/action at subscription level
# (articles/key-vault/general/key-vault-recovery.md, ms.date 02/20/2024). The development ring's identity is
# Contributor, whose Actions are "*" and whose NotActions name nothing in Microsoft.KeyVault (articles/
# role-based-access-control/built-in-roles/privileged.md, ms.date 07/01/2026), so it has that action.
# The stage's own subscription, from its stack file (azure-native:subscriptionId, which the provider used for it).
subscription=$(pulumi config get azure-native:subscriptionId --stack "$stage")
az_login_as_pool_identity
# Location, purge protection, the day Azure purges it by itself, and the stage it was tagged with, one line.
deleted_query="[properties.location, to_string(properties.purgeProtectionEnabled),\
 to_string(properties.scheduledPurgeDate), to_string(properties.tags.stage)] | join('|', @)"
purge_failed=false
cannot_purge=false
for vault in "${vaults[@]}"; do
  deleted=""
  # The deleted vault is listed once Resource Manager has finished the delete: usually at once, rarely a minute. A
  # name only the plan gave (no vault in the state) is looked up once.
  attempts=1
  grep -qx -- "$vault" <<< "$state_vaults" && attempts=6
  for ((attempt = 1; attempt <= attempts; attempt++)); do
    deleted=$(az keyvault show-deleted --name "$vault" --subscription "$subscription" --only-show-errors -o tsv \
      --query "$deleted_query" 2> /dev/null) && [[ -n $deleted ]] && break
    deleted=""
    if az keyvault show --name "$vault" --subscription "$subscription" --only-show-errors -o none 2> /dev/null; then
      break   # still an active vault: not this stage's to purge (the destroy above removed the stage's)
    fi
    ((attempt == attempts)) || sleep 10
  done
  if [[ -z $deleted ]]; then
    echo "Key vault $vault: not soft-deleted in subscription $subscription; nothing to purge."
    continue
  fi
  IFS='|' read -r location protected purge_date tagged_stage <<< "$deleted"
  if [[ $tagged_stage != "$stage" ]]; then
    # Purging is irreversible: only a vault this stage created (the program tags every resource with its stage).
    echo "##vso[task.logissue type=error]deleted key vault $vault is tagged stage '$tagged_stage', not '$stage':" \
      "not purged"
    purge_failed=true
  elif [[ $protected == true ]]; then
    echo "##vso[task.logissue type=warning]key vault $vault has purge protection: it cannot be purged, by anyone. Its" \
      "name is free again after $purge_date; stage $stage cannot be created again before then. A stage that is torn" \
      "down and re-created sets platform-infra:secretStore.purgeProtection: false (docs/stages.md)."
    cannot_purge=true
  elif az keyvault purge --name "$vault" --location "$location" --subscription "$subscription" --only-show-errors; then
    echo "Key vault $vault purged: the stage's vault name is free again."
  else
    echo "##vso[task.logissue type=error]could not purge key vault $vault: an Owner of subscription $subscription can" \
      "run: az keyvault purge --name $vault --location $location --subscription $subscription"
    purge_failed=true
  fi
done

echo "Stage $stage is destroyed; remove Pulumi.$stage.yaml in a pull request, or keep it to have the next release" \
  "create the stage again."
if [[ $purge_failed == true ]]; then
  exit 1
elif [[ $cannot_purge == true ]]; then
  echo "##vso[task.complete result=SucceededWithIssues;]stage destroyed; its key vault stays soft-deleted"
fi
