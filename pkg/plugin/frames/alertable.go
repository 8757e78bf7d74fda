package frames

import (
	"fmt"
	"sort"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Alertable reports why Grafana's alerting could not use these frames (nil when it can): every frame must be a
// time series (a time field and number fields) or a numeric table (string fields and one number field), and no
// two series may carry the same labels.
func Alertable(frames data.Frames) error {
	seen := map[string]string{}
	for _, f := range frames {
		var times, numbers, strs int
		for _, field := range f.Fields {
			switch {
			case field.Type().Time():
				times++
			case field.Type().Numeric():
				numbers++
			case field.Type() == data.FieldTypeString || field.Type() == data.FieldTypeNullableString:
				strs++
			default:
				return fmt.Errorf("frame %q: field %q of type %s is neither time, number nor string", f.Name, field.Name, field.Type())
			}
		}
		if numbers == 0 {
			return fmt.Errorf("frame %q has no number field", f.Name)
		}
		if times == 0 && numbers > 1 {
			return fmt.Errorf("frame %q is a table with %d number fields; alerting needs exactly one", f.Name, numbers)
		}
		if times > 1 {
			return fmt.Errorf("frame %q has %d time fields", f.Name, times)
		}
		if times == 1 && strs > 0 {
			return fmt.Errorf("frame %q mixes a time field with string fields (long format)", f.Name)
		}
		if times == 1 {
			for _, field := range f.Fields {
				if !field.Type().Numeric() {
					continue
				}
				key := labelKey(field.Labels)
				if prev, dup := seen[key]; dup {
					return fmt.Errorf("series %q and %q have the same labels {%s}", prev, f.Name+"/"+field.Name, key)
				}
				seen[key] = f.Name + "/" + field.Name
			}
		} else {
			for row := 0; row < f.Rows(); row++ {
				var parts []string
				for _, field := range f.Fields {
					if !field.Type().Numeric() {
						v, _ := field.ConcreteAt(row)
						parts = append(parts, field.Name+"="+fmt.Sprint(v))
					}
				}
				sort.Strings(parts)
				key := strings.Join(parts, ", ")
				if prev, dup := seen[key]; dup {
					return fmt.Errorf("rows %q and %q of the table have the same labels {%s}", prev, f.Name, key)
				}
				seen[key] = f.Name
			}
		}
	}
	return nil
}

func labelKey(l data.Labels) string {
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + l[k]
	}
	return strings.Join(parts, ", ")
}
