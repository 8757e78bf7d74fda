// Package frames turns the entry's plain frame descriptions (SERVER-CONTRACT "Frame") into SDK data frames:
// time, nullable float64, string and bool fields with labels and field config, and frame meta with notices.
package frames

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Frame is one frame as the entry describes it.
type Frame struct {
	Name   string  `json:"name"`
	RefID  string  `json:"refId"`
	Meta   *Meta   `json:"meta"`
	Fields []Field `json:"fields"`
}

// Meta is the frame meta the entry may set.
type Meta struct {
	Type                      string          `json:"type"`
	TypeVersion               []uint          `json:"typeVersion"`
	Notices                   []Notice        `json:"notices"`
	PreferredVisualisation    string          `json:"preferredVisualisationType"`
	PreferredVisualisationAlt string          `json:"preferredVisualizationType"`
	ExecutedQueryString       string          `json:"executedQueryString"`
	Custom                    json.RawMessage `json:"custom"`
}

// Notice is a frame notice.
type Notice struct {
	Severity string `json:"severity"`
	Text     string `json:"text"`
	Link     string `json:"link"`
}

// Field is one column.
type Field struct {
	Name   string            `json:"name"`
	Type   string            `json:"type"`
	Values json.RawMessage   `json:"values"`
	Labels map[string]string `json:"labels"`
	Config json.RawMessage   `json:"config"`
}

// Convert builds SDK frames; text passes every string the frames carry (names, labels, values, notices) so the
// caller can redact. An invalid description is an error naming the frame and field.
func Convert(in []Frame, text func(string) string) (data.Frames, error) {
	if text == nil {
		text = func(s string) string { return s }
	}
	out := make(data.Frames, 0, len(in))
	for i, f := range in {
		frame, err := convertFrame(f, text)
		if err != nil {
			name := f.Name
			if name == "" {
				name = fmt.Sprintf("#%d", i)
			}
			return nil, fmt.Errorf("frame %s: %w", name, err)
		}
		out = append(out, frame)
	}
	return out, nil
}

func convertFrame(f Frame, text func(string) string) (*data.Frame, error) {
	frame := data.NewFrame(text(f.Name))
	frame.RefID = f.RefID
	length := -1
	for _, fd := range f.Fields {
		field, err := convertField(fd, text)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", fd.Name, err)
		}
		if length >= 0 && field.Len() != length {
			return nil, fmt.Errorf("field %q has %d values, the frame's other fields %d", fd.Name, field.Len(), length)
		}
		length = field.Len()
		frame.Fields = append(frame.Fields, field)
	}
	if f.Meta != nil {
		meta, err := convertMeta(f.Meta, text)
		if err != nil {
			return nil, err
		}
		frame.Meta = meta
	}
	return frame, nil
}

func convertField(fd Field, text func(string) string) (*data.Field, error) {
	values := fd.Values
	if len(values) == 0 {
		values = json.RawMessage("[]")
	}
	var labels data.Labels
	if len(fd.Labels) > 0 {
		labels = data.Labels{}
		for k, v := range fd.Labels {
			labels[text(k)] = text(v)
		}
	}
	name := text(fd.Name)
	var field *data.Field
	switch fd.Type {
	case "time":
		var ms []*float64
		if err := json.Unmarshal(values, &ms); err != nil {
			return nil, fmt.Errorf("time values must be epoch milliseconds or null: %v", err)
		}
		field = timeField(name, labels, ms)
	case "number":
		var v []*float64
		if err := json.Unmarshal(values, &v); err != nil {
			return nil, fmt.Errorf("number values must be numbers or null: %v", err)
		}
		field = data.NewField(name, labels, v)
	case "string":
		var v []*string
		if err := json.Unmarshal(values, &v); err != nil {
			return nil, fmt.Errorf("string values must be strings or null: %v", err)
		}
		for _, s := range v {
			if s != nil {
				*s = text(*s)
			}
		}
		field = nullableOrPlain(name, labels, v)
	case "boolean":
		var v []*bool
		if err := json.Unmarshal(values, &v); err != nil {
			return nil, fmt.Errorf("boolean values must be true, false or null: %v", err)
		}
		field = nullableOrPlain(name, labels, v)
	default:
		return nil, fmt.Errorf("type %q is not one of time, number, string, boolean", fd.Type)
	}
	if len(fd.Config) > 0 && string(fd.Config) != "null" {
		var config data.FieldConfig
		if err := json.Unmarshal([]byte(text(string(fd.Config))), &config); err != nil {
			return nil, fmt.Errorf("config: %v", err)
		}
		field.Config = &config
	}
	return field, nil
}

// timeField: non-nullable when every value is set (what time series and alerting expect).
func timeField(name string, labels data.Labels, ms []*float64) *data.Field {
	nullable := false
	for _, v := range ms {
		if v == nil {
			nullable = true
			break
		}
	}
	if nullable {
		ts := make([]*time.Time, len(ms))
		for i, v := range ms {
			if v != nil {
				t := toTime(*v)
				ts[i] = &t
			}
		}
		return data.NewField(name, labels, ts)
	}
	ts := make([]time.Time, len(ms))
	for i, v := range ms {
		ts[i] = toTime(*v)
	}
	return data.NewField(name, labels, ts)
}

func toTime(ms float64) time.Time {
	return time.UnixMilli(int64(ms)).Add(time.Duration((ms - float64(int64(ms))) * float64(time.Millisecond))).UTC()
}

func nullableOrPlain[T any](name string, labels data.Labels, v []*T) *data.Field {
	for _, p := range v {
		if p == nil {
			return data.NewField(name, labels, v)
		}
	}
	plain := make([]T, len(v))
	for i, p := range v {
		plain[i] = *p
	}
	return data.NewField(name, labels, plain)
}

var severities = map[string]data.NoticeSeverity{
	"info":    data.NoticeSeverityInfo,
	"warning": data.NoticeSeverityWarning,
	"error":   data.NoticeSeverityError,
}

func convertMeta(m *Meta, text func(string) string) (*data.FrameMeta, error) {
	meta := &data.FrameMeta{
		Type:                data.FrameType(m.Type),
		ExecutedQueryString: text(m.ExecutedQueryString),
	}
	if len(m.TypeVersion) == 2 {
		meta.TypeVersion = data.FrameTypeVersion{m.TypeVersion[0], m.TypeVersion[1]}
	}
	vis := m.PreferredVisualisation
	if vis == "" {
		vis = m.PreferredVisualisationAlt
	}
	meta.PreferredVisualization = data.VisType(vis)
	for _, n := range m.Notices {
		severity, ok := severities[strings.ToLower(n.Severity)]
		if !ok {
			severity = data.NoticeSeverityInfo
		}
		meta.Notices = append(meta.Notices, data.Notice{Severity: severity, Text: text(n.Text), Link: n.Link})
	}
	if len(m.Custom) > 0 && string(m.Custom) != "null" {
		var custom any
		if err := json.Unmarshal([]byte(text(string(m.Custom))), &custom); err != nil {
			return nil, fmt.Errorf("meta.custom: %v", err)
		}
		meta.Custom = custom
	}
	return meta, nil
}
