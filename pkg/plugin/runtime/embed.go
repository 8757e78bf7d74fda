// Package runtime holds the generated files the backend embeds (built by scripts/build-backend.sh, gitignored):
// dora.js, the esbuild bundle of src/server/entry.ts, and plugin.json, a copy of src/plugin.json for the routes.
// The package compiles without them (so vet and unit tests need no Node build); the executable then refuses to
// start its engine with a message saying how to build it.
package runtime

import (
	"embed"
	"fmt"
)

//go:embed *
var files embed.FS

const howToBuild = "build the backend with `npm run build:backend` (scripts/build-backend.sh), which generates it first"

// Bundle is the entry bundle; it defines the global `dora`.
func Bundle() (string, error) {
	b, err := files.ReadFile("dora.js")
	if err != nil {
		return "", fmt.Errorf("this backend was built without its engine bundle (pkg/plugin/runtime/dora.js): %s", howToBuild)
	}
	return string(b), nil
}

// PluginJSON is the plugin's plugin.json (its routes tell the HTTP bridge where requests go).
func PluginJSON() ([]byte, error) {
	b, err := files.ReadFile("plugin.json")
	if err != nil {
		return nil, fmt.Errorf("this backend was built without its plugin.json (pkg/plugin/runtime/plugin.json): %s", howToBuild)
	}
	return b, nil
}
