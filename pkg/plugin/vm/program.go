// Package vm runs the embedded TypeScript entry in goja: one compiled program shared by every runtime, runtimes
// with an event loop and the host API (HTTP, clock, log, time zones), and a bounded pool of them.
package vm

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
)

//go:embed host.js
var hostJS string

// Program is the compiled host prelude and entry bundle; compiled once, shared by all runtimes (read-only).
type Program struct {
	name   string
	host   *goja.Program
	bundle *goja.Program
	// global is the name of the object the bundle defines (esbuild --global-name).
	global string
}

// Compile compiles the host prelude and the bundle source. global is the object the bundle defines.
func Compile(name, source, global string) (*Program, error) {
	host, err := goja.Compile("host.js", hostJS, true)
	if err != nil {
		return nil, fmt.Errorf("compile host prelude: %w", err)
	}
	bundle, err := goja.Compile(name, source, false)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", name, err)
	}
	return &Program{name: name, host: host, bundle: bundle, global: global}, nil
}
