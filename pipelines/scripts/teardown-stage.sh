#!/usr/bin/env bash
# Destroys one development stage, inside the approved teardown pipeline (pipelines/teardown.yml):
#   teardown-stage.sh <stage>
# A production stage is refused: its stateful resources are never destroyed by automation.
set -euo pipefail

stage="${1:?usage: teardown-stage.sh <stage>}"
jar="target/platform-infra.jar"

if ! java -jar "$jar" stages --environment-type development | grep -qx -- "$stage"; then
  echo "##vso[task.logissue type=error]$stage is not a development stage with a stack file; nothing is destroyed"
  exit 1
fi

# shellcheck source=pipelines/scripts/pulumi-login.sh
source "$(dirname "${BASH_SOURCE[0]}")/pulumi-login.sh"
pulumi stack select --stack "$stage"
pulumi destroy --stack "$stage" --yes
echo "Stage $stage is destroyed; remove Pulumi.$stage.yaml in a pull request."
