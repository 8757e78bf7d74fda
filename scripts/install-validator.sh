#!/usr/bin/env bash
# Installs plugincheck2, Grafana's plugin validator, pinned to v0.45.6, with `go install`.
# Exit 0: installed (or already there). Exit 3: it cannot be had on this machine: the Go module proxy that our
# machines reach refuses github.com/grafana/plugin-validator (403) and the npm package only downloads a release
# binary from GitHub. Then `npm run validate` says the check was skipped (README "Plugin validator").
set -euo pipefail
VERSION=v0.45.6
BIN_DIR="$(go env GOPATH)/bin"
STAMP="$BIN_DIR/.plugincheck2-version"
export PATH="$PATH:$BIN_DIR"

if command -v plugincheck2 >/dev/null && [ "$(cat "$STAMP" 2>/dev/null)" = "$VERSION" ]; then
  echo "validator: plugincheck2 $VERSION is installed ($(command -v plugincheck2))"
  exit 0
fi
if go install "github.com/grafana/plugin-validator/pkg/cmd/plugincheck2@$VERSION" 2>/tmp/plugincheck2-install.log; then
  echo "$VERSION" > "$STAMP"
  echo "validator: installed plugincheck2 $VERSION"
  exit 0
fi
echo "validator: cannot install plugincheck2 $VERSION with go install:"
sed 's/^/  /' /tmp/plugincheck2-install.log | head -5
exit 3
