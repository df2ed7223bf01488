#!/usr/bin/env bash
# Compiles main.bicep into main.json with the Bicep CLI pinned in BicepCli.proj (restored from NuGet, no other download).
#   build.sh          rewrite main.json (commit it with main.bicep)
#   build.sh --check  compile to a temporary file and fail if main.json differs from it
# Any diagnostic (error or warning, including linter warnings) fails the build: Bicep itself exits 0 on warnings.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

mode="write"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

dotnet restore "$here/BicepCli.proj" --nologo -v quiet >&2
bicep="$(dotnet msbuild "$here/BicepCli.proj" -nologo -t:BicepPath -getProperty:BicepPath)"
if [[ ! -f "$bicep" ]]; then
  echo "build.sh: the Bicep CLI is not at '$bicep' after restore" >&2
  exit 1
fi
[[ -x "$bicep" ]] || chmod +x "$bicep"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Compile a copy so that diagnostics name main.bicep but the output never lands in the repo in check mode.
if ! "$bicep" build "$here/main.bicep" --outfile "$tmp/main.json" 2>"$tmp/diagnostics"; then
  cat "$tmp/diagnostics" >&2
  echo "build.sh: main.bicep does not compile" >&2
  exit 1
fi
if [[ -s "$tmp/diagnostics" ]]; then
  cat "$tmp/diagnostics" >&2
  echo "build.sh: main.bicep compiles with warnings; fix them (warnings are errors here)" >&2
  exit 1
fi

if [[ "$mode" == "check" ]]; then
  if ! diff -u "$here/main.json" "$tmp/main.json" >&2; then
    echo "build.sh: main.json is out of date; run deploymentTemplates/azure/build.sh and commit main.json" >&2
    exit 1
  fi
  echo "main.json matches main.bicep"
else
  cp "$tmp/main.json" "$here/main.json"
  echo "wrote $here/main.json"
fi
