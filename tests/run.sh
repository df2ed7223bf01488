#!/usr/bin/env bash
# The test command (README): installs what the tests need on a fresh Debian machine, idempotently,
# then builds the solution with warnings as errors and runs every test project.
# Big downloads (chromium, npm packages, the Bicep CLI from NuGet) are cached by their package managers.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

# Node.js and npm: the build fetches the pinned Web Chat bundle, the tests use npm packages (Teams schemas, Azurite).
command -v npm >/dev/null 2>&1 || apt_install nodejs npm
# Debian's chromium for the browser tests (Playwright drives it by path and never downloads a browser).
[ -x /usr/bin/chromium ] || apt_install chromium
# python3 packs the Teams app (deploymentTemplates/teams/package.sh).
command -v python3 >/dev/null 2>&1 || apt_install python3

dotnet build ShopAdsBot.sln -c Release --nologo -warnaserror
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test ShopAdsBot.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for every test project together.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo "tests: $passed passed, $failed failed"
exit "$status"
