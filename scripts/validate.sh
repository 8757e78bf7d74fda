#!/usr/bin/env bash
# `npm run validate`: builds the plugin, packages dist/ as the plugin catalog expects (a zip holding one folder
# named after the plugin id), and runs Grafana's plugin validator (plugincheck2) on it together with the source
# code. Fails on any error, and on any warning not explained in scripts/validator-warnings.txt.
#   SKIP_BUILD=1  use the existing dist/ (CI builds it just before).
# The validator runs without network (its own network namespace, where we are root): checks that need
# grafana.com or other sites are skipped instead of reaching out (README "Plugin validator").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
PLUGIN_ID="$(node -p "require('./src/plugin.json').id")"
OUT="$ROOT/artifacts"
ZIP="$OUT/$PLUGIN_ID.zip"
REPORT="$OUT/plugincheck2.json"

export PATH="$PATH:$(go env GOPATH)/bin"
set +e
bash scripts/install-validator.sh
installed=$?
set -e
if [ "$installed" = "3" ]; then
  echo "validate: SKIPPED: plugincheck2 is not available on this machine (see above and README \"Plugin validator\")."
  exit 0
fi
[ "$installed" = "0" ] || exit "$installed"

if [ "${SKIP_BUILD:-}" != "1" ]; then
  npm run build
fi
[ -f dist/plugin.json ] || { echo "validate: dist/plugin.json is missing; run npm run build"; exit 1; }

rm -rf "$OUT/package" "$ZIP"
mkdir -p "$OUT/package/$PLUGIN_ID"
cp -R dist/. "$OUT/package/$PLUGIN_ID/"
(cd "$OUT/package" && zip -qr "$ZIP" "$PLUGIN_ID")
echo "validate: packaged $ZIP ($(du -h "$ZIP" | cut -f1))"

offline=()
if [ "$(id -u)" = "0" ] && unshare -n true 2>/dev/null; then
  offline=(unshare -n)
fi
set +e
"${offline[@]}" plugincheck2 -jsonOutput -sourceCodeUri "file://$ROOT" "$ZIP" > "$REPORT"
status=$?
set -e

node scripts/validator-report.js "$REPORT" scripts/validator-warnings.txt "$status"
