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
