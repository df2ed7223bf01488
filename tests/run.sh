#!/usr/bin/env bash
# The test command (README): installs what the tests need on a fresh Debian machine, idempotently, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build ShopAdsBot.sln -c Release --nologo -warnaserror
dotnet test ShopAdsBot.sln -c Release --no-build --nologo
