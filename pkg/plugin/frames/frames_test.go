// Tests of the frame conversion and of the alerting shape check.
package frames

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

func parse(t *testing.T, s string) []Frame {
	t.Helper()
	var f []Frame
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestConvert(t *testing.T) {
	in := parse(t, `[{"name":"checkout","refId":"A",
	  "meta":{"type":"timeseries-multi","typeVersion":[0,1],"preferredVisualisationType":"graph","executedQueryString":"cfr by service",
	          "notices":[{"severity":"warning","text":"source github failed: token secret123 refused"},{"severity":"odd","text":"x"}],"custom":{"k":1}},
	  "fields":[
	    {"name":"time","type":"time","values":[1700000000000,1700000060000.5]},
	    {"name":"value","type":"number","values":[0.25,null],"labels":{"service":"checkout","team":"payments"},
	     "config":{"unit":"percentunit","displayNameFromDS":"Change fail rate","decimals":1,"min":0,
	               "thresholds":{"mode":"absolute","steps":[{"value":null,"color":"green"},{"value":0.15,"color":"red"}]}}},
	    {"name":"ok","type":"boolean","values":[true,false]},
	    {"name":"note","type":"string","values":["a",null]},
	    {"name":"plain","type":"string","values":["a","b"]}
	  ]}]`)
	frames, err := Convert(in, func(s string) string { return strings.ReplaceAll(s, "secret123", "[redacted]") })
	if err != nil {
		t.Fatal(err)
	}
	f := frames[0]
	if f.Name != "checkout" || f.RefID != "A" || f.Rows() != 2 {
		t.Fatalf("frame %s %s %d", f.Name, f.RefID, f.Rows())
	}
	wantTypes := []data.FieldType{data.FieldTypeTime, data.FieldTypeNullableFloat64, data.FieldTypeBool, data.FieldTypeNullableString, data.FieldTypeString}
	for i, want := range wantTypes {
		if got := f.Fields[i].Type(); got != want {
			t.Errorf("field %d type %s, want %s", i, got, want)
		}
	}
	if got := f.Fields[0].At(1).(time.Time); got.UnixMilli() != 1700000060000 || got.Nanosecond()%1e6 != 5e5 {
		t.Errorf("time %v", got)
	}
	if f.Fields[1].Labels["service"] != "checkout" || f.Fields[1].Config.Unit != "percentunit" || *f.Fields[1].Config.Decimals != 1 {
		t.Errorf("labels/config %+v %+v", f.Fields[1].Labels, f.Fields[1].Config)
	}
	if steps := f.Fields[1].Config.Thresholds.Steps; len(steps) != 2 || steps[1].Color != "red" {
		t.Errorf("thresholds %+v", steps)
	}
	m := f.Meta
	if m.Type != data.FrameTypeTimeSeriesMulti || m.TypeVersion != (data.FrameTypeVersion{0, 1}) || m.PreferredVisualization != data.VisTypeGraph || m.ExecutedQueryString != "cfr by service" {
		t.Errorf("meta %+v", m)
	}
	if len(m.Notices) != 2 || m.Notices[0].Severity != data.NoticeSeverityWarning || m.Notices[0].Text != "source github failed: token [redacted] refused" || m.Notices[1].Severity != data.NoticeSeverityInfo {
		t.Errorf("notices %+v", m.Notices)
	}
	// frames survive the wire format Grafana reads
	if _, err := frames.MarshalArrow(); err != nil {
		t.Fatal(err)
	}
}

func TestConvertRejectsBadDescriptions(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown type", `[{"name":"f","fields":[{"name":"x","type":"decimal","values":[1]}]}]`, `frame f: field "x": type "decimal" is not one of`},
		{"ragged", `[{"name":"f","fields":[{"name":"a","type":"number","values":[1]},{"name":"b","type":"number","values":[1,2]}]}]`, `field "b" has 2 values`},
		{"string in numbers", `[{"fields":[{"name":"a","type":"number","values":["1"]}]}]`, `frame #0: field "a": number values must be numbers or null`},
		{"bad time", `[{"fields":[{"name":"t","type":"time","values":["2024-01-01"]}]}]`, `time values must be epoch milliseconds`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Convert(parse(t, tt.in), nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
		})
	}
}

func TestAlertable(t *testing.T) {
	series := func(service string) string {
		return `{"name":"` + service + `","fields":[{"name":"time","type":"time","values":[1,2]},{"name":"value","type":"number","values":[1,null],"labels":{"service":"` + service + `"}}]}`
	}
	tests := []struct {
		name, in, want string
	}{
		{"series per service", "[" + series("a") + "," + series("b") + "]", ""},
		{"duplicate labels", "[" + series("a") + "," + series("a") + "]", "have the same labels {service=a}"},
		{"numeric table", `[{"fields":[{"name":"service","type":"string","values":["a","b"]},{"name":"cfr","type":"number","values":[0.1,0.2]}]}]`, ""},
		{"table with two numbers", `[{"name":"t","fields":[{"name":"service","type":"string","values":["a"]},{"name":"x","type":"number","values":[1]},{"name":"y","type":"number","values":[1]}]}]`, "alerting needs exactly one"},
		{"table duplicate rows", `[{"name":"t","fields":[{"name":"service","type":"string","values":["a","a"]},{"name":"x","type":"number","values":[1,2]}]}]`, "same labels {service=a}"},
		{"no numbers", `[{"name":"t","fields":[{"name":"service","type":"string","values":["a"]}]}]`, "has no number field"},
		{"booleans", `[{"name":"t","fields":[{"name":"ok","type":"boolean","values":[true]},{"name":"x","type":"number","values":[1]}]}]`, "neither time, number nor string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frames, err := Convert(parse(t, tt.in), nil)
			if err != nil {
				t.Fatal(err)
			}
			err = Alertable(frames)
			if tt.want == "" && err != nil {
				t.Fatalf("unexpected %v", err)
			}
			if tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
		})
	}
}
