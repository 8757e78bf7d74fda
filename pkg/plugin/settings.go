// The instance settings as the entry sees them (SERVER-CONTRACT "settings"): jsonData and the names of the
// secure keys that hold a value. Values never leave Go except through the HTTP bridge.
package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

type entrySettings struct {
	UID        string         `json:"uid"`
	Name       string         `json:"name"`
	JSONData   map[string]any `json:"jsonData"`
	SecureKeys []string       `json:"secureKeys"`
}

// readSettings parses jsonData (an object; empty means none). The error names the problem and the fix.
func readSettings(s backend.DataSourceInstanceSettings) (entrySettings, error) {
	out := entrySettings{UID: s.UID, Name: s.Name, JSONData: map[string]any{}, SecureKeys: []string{}}
	for k, v := range s.DecryptedSecureJSONData {
		if v != "" {
			out.SecureKeys = append(out.SecureKeys, k)
		}
	}
	sort.Strings(out.SecureKeys)
	raw := bytes.TrimSpace(s.JSONData)
	if len(raw) == 0 || string(raw) == "null" {
		return out, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var data map[string]any
	if err := dec.Decode(&data); err != nil || data == nil {
		return out, fmt.Errorf("the data source settings (jsonData) are not a JSON object (%s); open the data source settings and save them again", describeJSONError(err))
	}
	out.JSONData = data
	return out, nil
}

func describeJSONError(err error) string {
	if err == nil {
		return "null"
	}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case asError(err, &syntax):
		return fmt.Sprintf("invalid JSON at byte %d: %s", syntax.Offset, syntax.Error())
	case asError(err, &typ):
		return fmt.Sprintf("found a JSON %s", typ.Value)
	}
	return err.Error()
}
