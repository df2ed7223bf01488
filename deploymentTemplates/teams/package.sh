#!/usr/bin/env bash
# Builds the Teams app package (the zip uploaded in Teams > Apps > Manage your apps > Upload an app).
#   package.sh <appId> [botId] [--out file.zip] [--host hostname]
# appId  the Teams app id; use the bot's Microsoft App ID (in Azure: the managed identity's client id, output botAppId).
# botId  the bot's Microsoft App ID; defaults to appId.
# --out  where to write the zip (default: deploymentTemplates/teams/dist/ShopAdsBot-teams.zip).
# --host the bot's public host name, e.g. shopadsbot-abc123.azurewebsites.net (output webAppHostName): used for the
#        developer links and validDomains. Without it, the links point to localhost and validDomains is empty.
# The zip holds manifest.json, fr.json and the two icons at its root, as Teams requires. Needs python3 only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

usage() { echo "usage: $0 <appId> [botId] [--out file.zip] [--host hostname]" >&2; }
fail() { echo "package.sh: $*" >&2; exit 2; }

positional=()
out="$here/dist/ShopAdsBot-teams.zip"
host=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) [[ $# -ge 2 && -n "$2" && "$2" != -* ]] || { usage; fail "--out needs a file name"; }; out="$2"; shift 2 ;;
    --host) [[ $# -ge 2 && -n "$2" && "$2" != -* ]] || { usage; fail "--host needs a host name"; }; host="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage; fail "unknown option '$1'" ;;
    *) positional+=("$1"); shift ;;
  esac
done

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if [[ ${#positional[@]} -eq 0 ]]; then
  usage
  fail "the app id is missing: pass the bot's Microsoft App ID (a GUID such as 00000000-0000-0000-0000-000000000000; in Azure the deployment output botAppId)"
fi
[[ ${#positional[@]} -le 2 ]] || { usage; fail "too many arguments: '${positional[*]:2}'"; }
app_id="${positional[0]}"
bot_id="${positional[1]:-$app_id}"
[[ "$app_id" =~ $guid ]] || fail "the app id '$app_id' is not a GUID (expected 8-4-4-4-12 hexadecimal digits, e.g. 00000000-0000-0000-0000-000000000000)"
[[ "$bot_id" =~ $guid ]] || fail "the bot id '$bot_id' is not a GUID (expected 8-4-4-4-12 hexadecimal digits, e.g. 00000000-0000-0000-0000-000000000000)"
if [[ -n "$host" ]]; then
  # A bare host name: no scheme, no path, no port (Teams validDomains and the https links are built from it).
  [[ "$host" =~ ^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$ ]] \
    || fail "--host '$host' is not a host name (give e.g. shopadsbot-abc123.azurewebsites.net, without https:// or a path)"
fi
command -v python3 >/dev/null || fail "python3 is required"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$here/color.png" "$here/outline.png" "$here/fr.json" "$stage/"

# Fill the placeholders in the parsed JSON (not by text) so that the result is always valid JSON.
APP_ID="$app_id" BOT_ID="$bot_id" BOT_HOST="$host" python3 - "$here/manifest.json" "$stage/manifest.json" <<'PY'
import json, os, sys
source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as f:
    manifest = json.load(f)
host = os.environ["BOT_HOST"]
values = {
    "{{MICROSOFT_APP_ID}}": os.environ["APP_ID"].lower(),
    "{{BOT_ID}}": os.environ["BOT_ID"].lower(),
    "{{BOT_HOST}}": host or "localhost",
}
def fill(node):
    if isinstance(node, dict):
        return {k: fill(v) for k, v in node.items()}
    if isinstance(node, list):
        return [fill(v) for v in node]
    if isinstance(node, str):
        for key, value in values.items():
            node = node.replace(key, value)
    return node
manifest = fill(manifest)
if not host:
    manifest["validDomains"] = []
left = [k for k in values if k in json.dumps(manifest)]
if left:
    sys.exit(f"package.sh: placeholders left in manifest.json: {left}")
with open(target, "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2, ensure_ascii=False)
    f.write("\n")
PY

mkdir -p "$(dirname "$out")"
rm -f "$out"
# Files at the zip root, as Teams expects.
(cd "$stage" && python3 -m zipfile -c "$(cd "$(dirname "$out")" && pwd)/$(basename "$out")" manifest.json fr.json color.png outline.png)
[[ -n "$host" ]] || echo "package.sh: no --host given: developer links point to https://localhost/ and validDomains is empty" >&2
echo "wrote $out (app id $app_id, bot id $bot_id${host:+, host $host})"
