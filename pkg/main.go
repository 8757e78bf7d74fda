// The backend's executable: serves the DORA Metrics data source to Grafana (QueryData, CheckHealth).
package main

import (
	"os"

	"github.com/grafana/grafana-plugin-sdk-go/backend/datasource"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/opendora/dora-datasource/pkg/plugin"
)

func main() {
	plugin.ApplyMemoryLimit()
	cfg, err := plugin.ConfigFromEnv()
	if err != nil {
		log.DefaultLogger.Error("the DORA Metrics backend cannot start", "error", err.Error())
		os.Exit(1)
	}
	if err := datasource.Manage(plugin.ID, plugin.NewDatasourceFactory(cfg), datasource.ManageOpts{}); err != nil {
		log.DefaultLogger.Error("the DORA Metrics backend stopped", "error", err.Error())
		os.Exit(1)
	}
}
