#!/usr/bin/env bash
# Runs Pulumi for the stages of the project, inside an AzureCLI@2 task with workload identity federation:
#   pulumi-stages.sh preview <stage>        pulumi preview of one stage, JSON kept as preview-<stage>.json
#   pulumi-stages.sh up <environment type>  pulumi up of every stage of that type, one after another
#   pulumi-stages.sh drift                  pulumi refresh --preview-only --expect-no-changes of every stage
# Stages come from the stack files (`platform-infra stages`); nothing here names a stage. There is deliberately
# no destroy: removing a stack file only removes the stage from these runs (docs/stages.md).
set -euo pipefail

operation="${1:?usage: pulumi-stages.sh preview <stage> | up <environment type> | drift}"
jar="target/platform-infra.jar"

# shellcheck source=pipelines/scripts/pulumi-login.sh
source "$(dirname "${BASH_SOURCE[0]}")/pulumi-login.sh"

# Selects the stage's stack. Its stack file must carry the data key that `pulumi stack init` wrote: a stack
# created here would write that key into the artifact's copy of the file, and it would be lost with the artifact.
select_stack() {
  if ! grep -q '^encryptedkey:' "Pulumi.$1.yaml"; then
    echo "##vso[task.logissue type=error]Stage $1 has no stack yet: initialise it once (docs/stages.md, new stage" \
      "step 5) and commit the secretsprovider and encryptedkey lines to Pulumi.$1.yaml"
    exit 1
  fi
  pulumi stack select --stack "$1"
}

# A first `up` grants the cluster's identity its subnet and then creates the cluster, which Azure may refuse until
# the grant has propagated: "it can take up to 60 minutes for the permissions granted to your cluster's managed
# identity to propagate" (MicrosoftDocs/azure-aks-docs articles/aks/use-managed-identity.md). Such a refusal is
# retried, every 5 minutes for up to an hour; the state keeps what the earlier attempt created, so a
# retry continues where it stopped. AKS's "Another operation ... is in progress" (OperationNotAllowed) is retried
# the same way: AKS starts operations of its own that a pool update can meet (Azure/telescope#1213). Any other
# failure fails at once. (The exact error codes AKS returns for an unpropagated grant are unverified: both ARM's
# AuthorizationFailed family and the wording are matched.)
#
# Every preview and update refreshes first (--refresh). Properties the program ignores after creation (a node
# pool's count, which the autoscaler owns; PostgreSQL's zones, which a failover swaps; the Kubernetes version on the
# stable and rapid channels) are otherwise sent again with the value recorded at creation: "Pulumi uses the
# serialized value from the stack state ... Run pulumi refresh (or pulumi up --refresh)" (pulumi.com/docs/iac/
# concepts/options/ignorechanges, pulumi/docs PR 16161). A preview's refresh is not saved (pulumi/pulumi#12740).
readonly GRANT_RETRIES=12 GRANT_RETRY_SECONDS=300
up_until_grants_propagate() {
  local stage=$1 attempt log
  log=$(mktemp)
  for (( attempt = 1; ; attempt++ )); do
    if pulumi up --stack "$stage" --refresh --yes --diff 2>&1 | tee "$log"; then
      rm -f "$log"
      return 0
    fi
    if (( attempt > GRANT_RETRIES )) ||
      ! grep -Eq 'AuthorizationFailed|does not have authorization to perform action|nother (agentpool )?operation .* is in progress' "$log"; then
      rm -f "$log"
      return 1
    fi
    echo "##vso[task.logissue type=warning]$stage: Azure refused an action for missing authorization (grants take up" \
      "to 60 minutes to propagate) or a running AKS operation. Retry $attempt of $GRANT_RETRIES in" \
      "$((GRANT_RETRY_SECONDS / 60)) minutes."
    sleep "$GRANT_RETRY_SECONDS"
  done
}

case "$operation" in
  preview)
    stage="${2:?usage: pulumi-stages.sh preview <stage>}"
    select_stack "$stage"
    status=0
    pulumi preview --stack "$stage" --refresh --diff --json > "preview-$stage.json" || status=$?
    exit "$status"
    ;;
  up)
    environment_type="${2:?usage: pulumi-stages.sh up <development|production>}"
    stages="$(java -jar "$jar" stages --environment-type "$environment_type")"
    for stage in $stages; do
      echo "=== pulumi up: $stage"
      select_stack "$stage"
      up_until_grants_propagate "$stage"
    done
    ;;
  drift)
    drifted=()
    for stage in $(java -jar "$jar" stages); do
      echo "=== drift check: $stage"
      if ! pulumi stack select --stack "$stage"; then
        drifted+=("$stage (no state: never released)")
      elif ! pulumi refresh --stack "$stage" --preview-only --expect-no-changes --diff; then
        drifted+=("$stage")
      fi
    done
    if (( ${#drifted[@]} > 0 )); then
      echo "##vso[task.logissue type=error]Drift in: ${drifted[*]} (the diffs above name the resources)"
      exit 1
    fi
    ;;
  *)
    echo "unknown operation '$operation': preview, up or drift" >&2
    exit 2
    ;;
esac
