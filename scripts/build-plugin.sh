#!/usr/bin/env bash
# The plugin build (frontend, then the Go backend for every platform), exactly as the Dockerfile's build stage
# runs it (checked by scripts/check-compose.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm run build
npm run build:backend
