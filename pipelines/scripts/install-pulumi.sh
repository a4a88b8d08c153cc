#!/usr/bin/env bash
# Installs one pinned version of the Pulumi CLI, checked against the release's published SHA-256 checksums.
#   install-pulumi.sh <version> <directory>
set -euo pipefail

version="${1:?usage: install-pulumi.sh <version> <directory>}"
directory="${2:?usage: install-pulumi.sh <version> <directory>}"
archive="pulumi-v${version}-linux-x64.tar.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

curl -fsSL --retry 3 -o "$work/$archive" "https://get.pulumi.com/releases/sdk/$archive"
curl -fsSL --retry 3 -o "$work/checksums.txt" \
  "https://github.com/pulumi/pulumi/releases/download/v${version}/pulumi-${version}-checksums.txt"
(cd "$work" && grep " ${archive}\$" checksums.txt | sha256sum --check --strict)

mkdir -p "$directory"
tar -xzf "$work/$archive" -C "$work"
cp "$work"/pulumi/* "$directory/"
"$directory/pulumi" version
