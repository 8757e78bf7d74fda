#!/usr/bin/env bash
# Static checks of the docker compose setup (no Docker engine runs on our machines):
# 1. the compose file is valid (Debian's docker-compose validates with `config`);
# 2. the Dockerfile's build-stage commands are the ones CI runs (scripts/build-plugin.sh), in the same order;
# 3. everything the Dockerfile copies exists.
set -euo pipefail
cd "$(dirname "$0")/.."
docker-compose -f docker-compose.yaml config -q
echo "compose: docker-compose.yaml is valid"

docker_cmds=$(awk '/^FROM .* AS build/{s=1;next} /^FROM /{s=0} s && /^RUN /{sub(/^RUN /,""); print}' Dockerfile)
ci_cmds=$(grep -E '^npm ' scripts/build-plugin.sh)
if [ "$docker_cmds" != "$ci_cmds" ]; then
  echo "compose: the Dockerfile build stage runs:"; echo "$docker_cmds"
  echo "but scripts/build-plugin.sh (what CI runs) runs:"; echo "$ci_cmds"
  echo "Make them identical."
  exit 1
fi
echo "compose: Dockerfile build stage = scripts/build-plugin.sh"

for p in $(awk '/^COPY /{ if ($2 !~ /^--from/) { for (i=2;i<NF;i++) print $i } }' Dockerfile); do
  [ -e "$p" ] || { echo "compose: the Dockerfile copies '$p', which does not exist"; exit 1; }
done
grep -q 'opendora-dora-datasource' provisioning/datasources/*.yml || { echo "compose: no provisioned DORA data source"; exit 1; }
ls provisioning/dashboards/*.yml >/dev/null 2>&1 || { echo "compose: no dashboard provider in provisioning/dashboards"; exit 1; }
echo "compose: provisioning present"
