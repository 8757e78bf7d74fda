#!/usr/bin/env bash
# Installs plugincheck2, Grafana's plugin validator, pinned to v0.45.6, into $(go env GOPATH)/bin.
# Built from tools/plugin-validator (a pinned copy of its source: the Go module proxy does not serve the validator;
# see tools/plugin-validator/README.md). Needs Go >= 1.26 and the Go module proxy for its dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=v0.45.6
BIN_DIR="$(go env GOPATH)/bin"
BIN="$BIN_DIR/plugincheck2"
STAMP="$BIN_DIR/.plugincheck2-version"

if [ -x "$BIN" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$VERSION" ]; then
  echo "validator: plugincheck2 $VERSION is installed ($BIN)"
  exit 0
fi
mkdir -p "$BIN_DIR"
echo "validator: building plugincheck2 $VERSION from tools/plugin-validator"
(cd tools/plugin-validator && go build -trimpath -o "$BIN" ./pkg/cmd/plugincheck2)
echo "$VERSION" > "$STAMP"
echo "validator: installed $BIN"
