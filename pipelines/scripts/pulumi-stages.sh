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

# Selects the stage's stack; a new stage's stack is created on first use with the project's secrets provider.
select_stack() {
  pulumi stack select --create --secrets-provider "$PULUMI_SECRETS_PROVIDER" --stack "$1"
}

case "$operation" in
  preview)
    stage="${2:?usage: pulumi-stages.sh preview <stage>}"
    select_stack "$stage"
    status=0
    pulumi preview --stack "$stage" --diff --json > "preview-$stage.json" || status=$?
    exit "$status"
    ;;
  up)
    environment_type="${2:?usage: pulumi-stages.sh up <development|production>}"
    stages="$(java -jar "$jar" stages --environment-type "$environment_type")"
    for stage in $stages; do
      echo "=== pulumi up: $stage"
      select_stack "$stage"
      pulumi up --stack "$stage" --yes --diff
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
