#!/usr/bin/env bash
# Nightly drift check of one ring: pulumi-drift.sh <development|production>
#
# Per stage of the ring (from the stack files, `platform-infra stages`), two read-only runs, then the jar's `drift`
# classifier (docs/drift.md):
#   pulumi refresh --preview-only --expect-no-changes --json   Azure against the state: drift. --preview-only writes
#       no state and, on the DIY backend, takes no lock (pulumi/pulumi changelog v3.229.0). With --json it prints the
#       preview digest, a changed resource as an `update` step with its detailedDiff (pulumi/pulumi#16146).
#   pulumi preview --refresh=false --expect-no-changes --json  the program against the state: a merged change that
#       was never released. --refresh=false on purpose, also over a project's `options.refresh: always`
#       (pulumi/pulumi pkg/cmd/pulumi/operations/io.go, getRefreshOption): with a refresh, every drift would show
#       here a second time, as the change that reverts it.
# --expect-no-changes exits 7 when changes were found (pulumi/pulumi pkg/cmd/pulumi/cmd/exit_codes.go, since
# v3.227.0); any other failure (login, network, missing stack) is "cannot check", never clean. Every stage is
# checked even when an earlier one failed; the job fails at the end when any stage is not clean, with one line per
# outcome naming its stages.
set -euo pipefail

environment_type="${1:?usage: pulumi-drift.sh <development|production>}"
jar="target/platform-infra.jar"
scripts="$(dirname "${BASH_SOURCE[0]}")"
ignore_list="$scripts/../drift-ignore.yaml"

# shellcheck source=pipelines/scripts/pulumi-login.sh
source "$scripts/pulumi-login.sh"

stages="$(java -jar "$jar" stages --environment-type "$environment_type")"
if [[ -z "$stages" ]]; then
  echo "##vso[task.logissue type=warning]Ring $environment_type has no stages: nothing to check"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

declare -A stages_by_outcome=()
for stage in $stages; do
  echo "##[group]Drift check of stage $stage: pulumi output"
  refresh_exit=0
  pulumi refresh --stack "$stage" --preview-only --expect-no-changes --json \
    > "$work/$stage-refresh.json" 2> "$work/$stage-refresh.log" || refresh_exit=$?
  preview_exit=0
  pulumi preview --stack "$stage" --refresh=false --expect-no-changes --json \
    > "$work/$stage-preview.json" 2> "$work/$stage-preview.log" || preview_exit=$?
  # Pulumi's own messages (it masks the stack's secrets itself); the classifier below quotes the first error.
  cat "$work/$stage-refresh.log" "$work/$stage-preview.log" >&2
  echo "##[endgroup]"

  classifier_exit=0
  java -jar "$jar" drift --stage "$stage" \
    --refresh "$work/$stage-refresh.json" --refresh-exit "$refresh_exit" --refresh-log "$work/$stage-refresh.log" \
    --preview "$work/$stage-preview.json" --preview-exit "$preview_exit" --preview-log "$work/$stage-preview.log" \
    --ignore "$ignore_list" --outcome "$work/$stage.outcome" || classifier_exit=$?
  case "$classifier_exit" in
    0 | 1 | 3)
      while read -r outcome; do
        stages_by_outcome[$outcome]+=" $stage"
      done < "$work/$stage.outcome"
      ;;
    *)
      # Exit 2 (an ignore list that breaks its rules) or a bug: this stage's result is unknown.
      echo "##vso[task.logissue type=error;code=drift-cannot-check]Stage $stage cannot-check: the drift" \
        "classifier exited $classifier_exit (its message is above)"
      stages_by_outcome[cannot-check]+=" $stage"
      ;;
  esac
done

echo "=== Drift check of ring $environment_type"
status=0
for outcome in clean drift unapplied cannot-check; do
  if [[ -n "${stages_by_outcome[$outcome]:-}" ]]; then
    echo "$outcome:${stages_by_outcome[$outcome]}"
    [[ "$outcome" == clean ]] || status=1
  fi
done
exit "$status"
