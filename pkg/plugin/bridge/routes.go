// Package bridge is the server side of the sources' HTTP seam: a request the entry addresses to a proxy route
// (`/<route path>/<rest>`) is resolved through plugin.json's routes, its url and header templates rendered with
// the instance's jsonData and secure data, and sent with the SDK's HTTP client.
package bridge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

// Route is one entry of plugin.json "routes" (the fields the proxy uses).
type Route struct {
	Path    string `json:"path"`
	Method  string `json:"method"`
	URL     string `json:"url"`
	Headers []struct {
		Name    string `json:"name"`
		Content string `json:"content"`
	} `json:"headers"`
}

type compiledRoute struct {
	Route
	url        *template.Template
	headers    []*template.Template
	secureKeys []string
}

var secureRef = regexp.MustCompile(`\.SecureJsonData\.([A-Za-z0-9_]+)`)

// ParseRoutes reads the routes of a plugin.json and compiles their templates.
func ParseRoutes(pluginJSON []byte) ([]compiledRoute, error) {
	var manifest struct {
		Routes []Route `json:"routes"`
	}
	if err := json.Unmarshal(pluginJSON, &manifest); err != nil {
		return nil, fmt.Errorf("plugin.json: %w", err)
	}
	routes := make([]compiledRoute, 0, len(manifest.Routes))
	for _, r := range manifest.Routes {
		c := compiledRoute{Route: r}
		c.Path = strings.Trim(r.Path, "/")
		var err error
		if c.url, err = parseTemplate(r.Path+" url", r.URL); err != nil {
			return nil, err
		}
		keys := map[string]bool{}
		for _, m := range secureRef.FindAllStringSubmatch(r.URL, -1) {
			keys[m[1]] = true
		}
		for _, h := range r.Headers {
			t, err := parseTemplate(r.Path+" header "+h.Name, h.Content)
			if err != nil {
				return nil, err
			}
			c.headers = append(c.headers, t)
			for _, m := range secureRef.FindAllStringSubmatch(h.Content, -1) {
				keys[m[1]] = true
			}
		}
		for k := range keys {
			c.secureKeys = append(c.secureKeys, k)
		}
		sort.Strings(c.secureKeys)
		routes = append(routes, c)
	}
	// longest path first, so "github/graphql" wins over a hypothetical "github"
	sort.SliceStable(routes, func(i, j int) bool { return len(routes[i].Path) > len(routes[j].Path) })
	return routes, nil
}

func parseTemplate(name, text string) (*template.Template, error) {
	t, err := template.New(name).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("plugin.json route %s: %w", name, err)
	}
	return t, nil
}

// templateData is what route templates see, as in Grafana's data source proxy.
type templateData struct {
	JsonData       map[string]any    //nolint:revive // the name route templates use
	SecureJsonData map[string]string //nolint:revive
}

func render(t *template.Template, data templateData) (string, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// match finds the route for a proxy path ("github/rest/repos/o/r"), returning the rest after the route path.
func match(routes []compiledRoute, path string) (*compiledRoute, string, bool) {
	for i := range routes {
		r := &routes[i]
		if path == r.Path {
			return r, "", true
		}
		if strings.HasPrefix(path, r.Path+"/") {
			return r, path[len(r.Path):], true
		}
	}
	return nil, "", false
}
