// Shared pieces of the harness tests: the built executable (or a skip that says how to build it), a started
// plugin per test, contexts with deadlines, and the checks every response gets (alertable frames, no secret).
package harness

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// token is the secret every test instance holds; it must never come back.
const token = "dora_test_TOKEN_7f3c9a1e5b"

func root(t *testing.T) string {
	t.Helper()
	dir, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// binary is the built executable, or a skip naming the command that builds it.
func binary(t *testing.T) string {
	t.Helper()
	path := BinaryPath(root(t))
	if _, err := fileInfo(path); err != nil {
		t.Skipf("the backend executable %s is not built: run `bash scripts/build-backend.sh --host` (npm run test:go does it), or set %s", path, EnvBinary)
	}
	return path
}

// start runs the executable until the test that owns ctx ends; env adds to the environment.
func start(parent context.Context, t *testing.T, env ...string) *Plugin {
	t.Helper()
	ctx, cancel := context.WithCancel(parent)
	p, err := Start(ctx, binary(t), env...)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		p.Close()
		cancel()
		if strings.Contains(p.Stderr.String(), token) {
			t.Errorf("the plugin's log output contains the token:\n%s", p.Stderr.String())
		}
	})
	return p
}

// tsx is Node's TypeScript runner from the project's packages, or a skip saying what needs it.
func tsx(t *testing.T, what string) string {
	t.Helper()
	path := filepath.Join(root(t), "node_modules", ".bin", "tsx")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s needs Node and the project's packages (%s is missing): run `npm ci`", what, path)
	}
	return path
}

func deadline(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// alertable reports why Grafana's Reduce/Threshold expressions could not use these frames: every frame needs
// a number field, every numeric field's labels must include each of wantLabels, and no two series may carry
// the same label set (one alert instance per series). It returns the label sets, sorted.
func alertable(frames data.Frames, wantLabels ...string) ([]string, error) {
	var sets []string
	seen := map[string]bool{}
	for _, f := range frames {
		numbers := 0
		for _, field := range f.Fields {
			if !field.Type().Numeric() {
				if !field.Type().Time() {
					return nil, fmt.Errorf("frame %q: field %q has type %s; alert frames hold times and numbers", f.Name, field.Name, field.Type())
				}
				continue
			}
			numbers++
			for _, l := range wantLabels {
				if _, ok := field.Labels[l]; !ok {
					return nil, fmt.Errorf("frame %q: field %q has labels %v without %q", f.Name, field.Name, field.Labels, l)
				}
			}
			key := field.Labels.String()
			if seen[key] {
				return nil, fmt.Errorf("two series carry the labels %s; alerting could not tell them apart", key)
			}
			seen[key] = true
			sets = append(sets, key)
		}
		if numbers == 0 {
			return nil, fmt.Errorf("frame %q has no number field", f.Name)
		}
	}
	sort.Strings(sets)
	return sets, nil
}

// leaks lists where a response shows the token: frame names, field names, labels, string values, notices, errors.
func leaks(resp *backend.QueryDataResponse) []string {
	var found []string
	check := func(where, text string) {
		if strings.Contains(text, token) {
			found = append(found, where)
		}
	}
	for ref, r := range resp.Responses {
		if r.Error != nil {
			check(ref+" error", r.Error.Error())
		}
		for _, f := range r.Frames {
			check(ref+" frame name", f.Name)
			if f.Meta != nil {
				for _, n := range f.Meta.Notices {
					check(ref+" notice", n.Text)
				}
			}
			for _, field := range f.Fields {
				check(ref+" field", field.Name+field.Labels.String())
				if field.Type() == data.FieldTypeString || field.Type() == data.FieldTypeNullableString {
					for i := 0; i < field.Len(); i++ {
						if v, ok := field.ConcreteAt(i); ok {
							check(ref+" value", fmt.Sprint(v))
						}
					}
				}
			}
		}
	}
	return found
}

// notices joins the notices of a response's frames.
func notices(r backend.DataResponse) string {
	var texts []string
	for _, f := range r.Frames {
		if f.Meta != nil {
			for _, n := range f.Meta.Notices {
				texts = append(texts, n.Text)
			}
		}
	}
	return strings.Join(texts, " | ")
}

// messages is what Grafana shows of a response: its error, then its frames' notices.
func messages(r backend.DataResponse) string {
	if r.Error != nil {
		return r.Error.Error() + " | " + notices(r)
	}
	return notices(r)
}
