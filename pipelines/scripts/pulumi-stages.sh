#!/usr/bin/env bash
# Runs Pulumi for the stages of one ring (environment type), on that ring's Managed DevOps Pool, as the pool's
# managed identity (pulumi-login.sh):
#   pulumi-stages.sh preview <stage>        pulumi preview of one stage, JSON kept as preview-<stage>.json
#   pulumi-stages.sh up <environment type>  pulumi up of every stage of that type, one after another
#   pulumi-stages.sh init <stage>           creates the stage's stack with the ring's secrets key (init-stage.yml)
# PLATFORM_INFRA_RING names the ring of the job's pool: a stage of another ring is refused, so a production stage
# never runs on a development pool (whose identity cannot reach it anyway) and a development stage never runs as a
# production identity. Stages come from the stack files (`platform-infra stages`); nothing here names a stage.
# There is deliberately no destroy: removing a stack file only removes the stage from these runs (docs/stages.md).
# The nightly drift check is pulumi-drift.sh.
set -euo pipefail

readonly USAGE="usage: pulumi-stages.sh preview <stage> | up <development|production> | init <stage>"
operation="${1:?$USAGE}"
target="${2:?$USAGE}"
jar="target/platform-infra.jar"

# shellcheck source=pipelines/scripts/pulumi-login.sh
source "$(dirname "${BASH_SOURCE[0]}")/pulumi-login.sh"

# The stages of the job's ring, by the environmentType of their stack files.
ring_stages() {
  java -jar "$jar" stages --environment-type "$PLATFORM_INFRA_RING"
}

# Refuses a stage that is not of the job's ring (or has no stack file), before anything reads its state.
require_stage_of_ring() {
  local stage=$1
  if [[ ! -f "Pulumi.$stage.yaml" ]]; then
    echo "##vso[task.logissue type=error]Stage '$stage' has no stack file Pulumi.$stage.yaml on this branch" >&2
    exit 1
  fi
  if ! ring_stages | grep -qxF -- "$stage"; then
    echo "##vso[task.logissue type=error]Stage '$stage' is not a $PLATFORM_INFRA_RING stage" \
      "(platform-infra:environmentType in Pulumi.$stage.yaml): it runs only on its own ring's pool; refused" >&2
    exit 1
  fi
}

# Whether the stage's stack exists: its stack file carries the data key that `pulumi stack init` wrote. A stack
# created here would write that key into the artifact's copy of the file, and it would be lost with the artifact.
# A new stage has none until its stack file is merged and the stage creation run has made the stack (it runs on
# main only): until then its previews and releases are skipped with a warning instead of failing, so the pull
# request that adds the file can merge and the other stages keep being released (docs/stages.md).
has_stack() {
  if grep -q '^encryptedkey:' "Pulumi.$1.yaml"; then
    return 0
  fi
  echo "##vso[task.logissue type=warning]Stage $1 has no stack yet, so it is not $2: after its stack file is merged," \
    "run the stage creation pipeline (pipelines/init-stage.yml, docs/pipelines.md#creating-a-stage) and commit the" \
    "secretsprovider and encryptedkey lines it prints to Pulumi.$1.yaml"
  echo "##vso[task.complete result=SucceededWithIssues;]Stage $1 has no stack yet"
  return 1
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
    stage=$target
    require_stage_of_ring "$stage"
    has_stack "$stage" previewed || exit 0
    pulumi stack select --stack "$stage"
    status=0
    pulumi preview --stack "$stage" --refresh --diff --json > "preview-$stage.json" || status=$?
    exit "$status"
    ;;
  up)
    if [[ $target != "$PLATFORM_INFRA_RING" ]]; then
      echo "##vso[task.logissue type=error]up $target on a $PLATFORM_INFRA_RING pool: refused, each ring is" \
        "released by its own pool's identity" >&2
      exit 1
    fi
    for stage in $(ring_stages); do
      echo "=== pulumi up: $stage"
      has_stack "$stage" released || continue
      pulumi stack select --stack "$stage"
      up_until_grants_propagate "$stage"
    done
    ;;
  init)
    # Creating a stack is the one thing nobody does by hand (issue 11): the ring's key encrypts the stack's data
    # key, and the stack file keeps the result. An existing stack is never re-created: that would write a new data
    # key, and every secret encrypted with the old one could no longer be read.
    stage=$target
    require_stage_of_ring "$stage"
    require_variable PULUMI_SECRETS_PROVIDER "the $group"
    if grep -q '^encryptedkey:' "Pulumi.$stage.yaml" || pulumi stack select --stack "$stage" > /dev/null 2>&1; then
      echo "##vso[task.logissue type=error]Stage $stage already has a stack (an encryptedkey in Pulumi.$stage.yaml" \
        "or a stack in the state): refused, nothing is changed" >&2
      exit 1
    fi
    pulumi stack init --stack "$stage" --secrets-provider "$PULUMI_SECRETS_PROVIDER"
    # Not secret: the data key is encrypted by the vault key, which only the ring's identities may use.
    echo "Commit these lines to Pulumi.$stage.yaml (the stack file is also published as an artifact):"
    grep -E '^(secretsprovider|encryptedkey):' "Pulumi.$stage.yaml"
    ;;
  *)
    echo "unknown operation '$operation': preview, up or init" >&2
    exit 2
    ;;
esac
