#!/usr/bin/env bash
# The Go backend build: generates what the executable embeds (the entry bundle via `npm run build:server`, and a
# copy of src/plugin.json for the HTTP bridge's routes), then builds plugin.json's "executable" for the platforms
# Grafana runs on into dist/ (gpx_dora_<os>_<arch>[.exe], CGO off). Needs Go 1.26+ and Node only.
#   bash scripts/build-backend.sh           the four platforms: linux/amd64 linux/arm64 darwin/arm64 windows/amd64
#   bash scripts/build-backend.sh --host    this machine's platform only (development)
#   bash scripts/build-backend.sh --embed   only the embedded files (what `go test ./...` needs)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
case "$mode" in all | --host | --embed) ;; *)
  echo "build-backend: unknown option '$mode'; use --host, --embed or nothing" >&2
  exit 2
  ;;
esac
if ! command -v go >/dev/null; then
  echo "build-backend: Go 1.26+ is needed to build the backend (https://go.dev/dl/)" >&2
  exit 1
fi

npm run --silent build:server
cp src/plugin.json pkg/plugin/runtime/plugin.json
[ "$mode" = --embed ] && exit 0

read -r executable version < <(node -e '
  const p = require("./src/plugin.json"), pkg = require("./package.json");
  if (!p.executable) { console.error("build-backend: src/plugin.json has no \"executable\""); process.exit(1); }
  console.log(p.executable, pkg.version);')
targets="linux/amd64 linux/arm64 darwin/arm64 windows/amd64"
[ "$mode" = --host ] && targets="$(go env GOOS)/$(go env GOARCH)"
info="{\"time\":$(date +%s)000,\"pluginID\":\"opendora-dora-datasource\",\"version\":\"$version\"}"
mkdir -p dist
for target in $targets; do
  os=${target%/*}
  arch=${target#*/}
  ext=""
  [ "$os" = windows ] && ext=.exe
  out="dist/${executable}_${os}_${arch}${ext}"
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath \
    -ldflags "-w -s -X 'github.com/grafana/grafana-plugin-sdk-go/build/buildinfo.buildInfoJSON=$info'" \
    -o "$out" ./pkg
  echo "build-backend: $out ($(du -h "$out" | cut -f1))"
done
