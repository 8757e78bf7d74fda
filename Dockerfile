# Grafana with the DORA Metrics plugin built from source, frontend and Go backend: no local Node or Go needed.
# The build stage runs exactly the commands of scripts/build-plugin.sh, which .ci/run also runs
# (scripts/check-compose.sh checks that they stay identical).

FROM golang:1.26-bookworm AS go

FROM node:20-bookworm AS build
COPY --from=go /usr/local/go /usr/local/go
ENV PATH=/usr/local/go/bin:$PATH
WORKDIR /src
COPY package.json package-lock.json ./
COPY .config ./.config
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
RUN npm run build:backend

FROM grafana/grafana:12.4.0
# The plugin is not signed yet: allow exactly this one unsigned plugin.
ENV GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS=opendora-dora-datasource
COPY --from=build /src/dist /var/lib/grafana/plugins/opendora-dora-datasource
COPY provisioning /etc/grafana/provisioning
