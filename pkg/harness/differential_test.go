// Differential: every value the executable returns equals the answer of the browser's pipeline (the same entry
// in Node's V8, bench/backend/nodeAnswers.ts) for the sample events file, the demo data and the benchmark
// generator at 1/100 scale: every query kind and option of the query editor (bench/backend/cases.ts: each metric
// id, groups, intervals, aggregations, scorecards, event lists and annotations, data quality, on call, template
// variable values) and the alert rules' queries.
package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

type nodeField struct {
	Name   string            `json:"name"`
	Type   string            `json:"type"`
	Values []any             `json:"values"`
	Labels map[string]string `json:"labels"`
}

type nodeFrame struct {
	Name string `json:"name"`
	Meta *struct {
		Notices []struct {
			Text string `json:"text"`
		} `json:"notices"`
	} `json:"meta"`
	Fields []nodeField `json:"fields"`
}

type nodeResult struct {
	Frames []nodeFrame `json:"frames"`
	Error  string      `json:"error"`
}

type diffQuery struct {
	RefID         string          `json:"refId"`
	Query         json.RawMessage `json:"query"`
	From          int64           `json:"from"`
	To            int64           `json:"to"`
	IntervalMs    int64           `json:"intervalMs"`
	MaxDataPoints int64           `json:"maxDataPoints"`
}

type diffCase struct {
	Name      string          `json:"name"`
	JSONData  json.RawMessage `json:"jsonData"`
	Now       int64           `json:"now"`
	FromAlert bool            `json:"fromAlert"`
	Queries   []diffQuery     `json:"queries"`
	Answer    struct {
		Results map[string]nodeResult `json:"results"`
	} `json:"answer"`
}

// tally counts what a comparison looked at.
type tally struct{ queries, frames, numbers, times, texts int }

func (a *tally) add(b tally) {
	a.queries += b.queries
	a.frames += b.frames
	a.numbers += b.numbers
	a.times += b.times
	a.texts += b.texts
}

// fixtures: the events files and Node's answers, made once for every test of the package (bench/backend/
// nodeAnswers.ts takes seconds), served on loopback until the package's tests end (TestMain removes them).
var fixtures struct {
	once  sync.Once
	dir   string
	srv   *httptest.Server
	cases []diffCase
	err   error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtures.srv != nil {
		fixtures.srv.Close()
	}
	if fixtures.dir != "" {
		_ = os.RemoveAll(fixtures.dir)
	}
	os.Exit(code)
}

// nodeAnswers returns the cases with Node's answers, their events files served on loopback (skips when the
// executable is not built or Node's packages are not installed).
func nodeAnswers(t *testing.T) []diffCase {
	t.Helper()
	binary(t)
	runner := tsx(t, "the differential")
	fixtures.once.Do(func() { fixtures.cases, fixtures.err = makeFixtures(root(t), runner) })
	if fixtures.err != nil {
		t.Fatal(fixtures.err)
	}
	return fixtures.cases
}

func makeFixtures(repo, tsx string) ([]diffCase, error) {
	dir, err := os.MkdirTemp("", "dora-differential-")
	if err != nil {
		return nil, err
	}
	fixtures.dir = dir
	fixtures.srv = httptest.NewServer(http.FileServer(http.Dir(dir)))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tsx, filepath.Join("bench", "backend", "nodeAnswers.ts"), "--dir", dir, "--base", fixtures.srv.URL)
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("nodeAnswers: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "cases.json"))
	if err != nil {
		return nil, err
	}
	var cases []diffCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		return nil, fmt.Errorf("cases.json: %w", err)
	}
	return cases, nil
}

func TestDifferentialAgainstNode(t *testing.T) {
	cases := nodeAnswers(t)
	if len(cases) < 6 {
		t.Fatalf("%d cases; want the sample file, the demo and the generator, each for dashboards and alerting", len(cases))
	}
	// One process per clock (DORA_FIXED_NOW_MS), as each dataset has its own "now".
	plugins := map[int64]*Plugin{}
	for _, c := range cases {
		if plugins[c.Now] == nil {
			plugins[c.Now] = start(t.Context(), t, fmt.Sprintf("DORA_FIXED_NOW_MS=%d", c.Now))
		}
	}
	var total tally
	// What was compared per query kind, over every case: each kind the cases send must have values in some case
	// (the demo's on-call rota, the sample's data quality findings), so no kind passes by being empty everywhere.
	byKind := map[string]*tally{}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			p := plugins[c.Now]
			uid := strings.NewReplacer(" ", "-", "(", "", ")", "", ".", "-").Replace(c.Name)
			resp, err := p.QueryData(deadline(t, 3*time.Minute), Instance{UID: uid, JSONData: c.JSONData}, c.dataQueries(0), c.FromAlert)
			if err != nil {
				t.Fatal(err)
			}
			var count tally
			refs := make([]string, 0, len(c.Answer.Results))
			for ref := range c.Answer.Results {
				refs = append(refs, ref)
			}
			sort.Strings(refs)
			for _, ref := range refs {
				got, ok := resp.Responses[ref]
				if !ok {
					t.Errorf("%s: the backend gave no answer", ref)
					continue
				}
				if e := c.Answer.Results[ref].Error; e != "" {
					t.Errorf("%s %s: Node refused the query (%s); the differential's queries must be valid", ref, describeQuery(c.Queries, ref), e)
				}
				n, problems := compareResult(c.Answer.Results[ref], got)
				for _, p := range problems {
					t.Errorf("%s %s: %s", ref, describeQuery(c.Queries, ref), p)
				}
				count.add(n)
				kind := kindOf(c.Queries, ref)
				if byKind[kind] == nil {
					byKind[kind] = &tally{}
				}
				byKind[kind].add(n)
			}
			if count.numbers+count.times == 0 {
				t.Fatal("no number was compared")
			}
			t.Logf("%d queries, %d frames: %d numbers, %d times, %d texts equal", count.queries, count.frames, count.numbers, count.times, count.texts)
			total.add(count)
		})
	}
	t.Logf("differential total: %d queries, %d frames: %d numbers, %d times, %d texts equal", total.queries, total.frames, total.numbers, total.times, total.texts)
	kinds := make([]string, 0, len(byKind))
	for kind := range byKind {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		n := byKind[kind]
		t.Logf("kind %s: %d queries, %d frames: %d numbers, %d times, %d texts equal", kind, n.queries, n.frames, n.numbers, n.times, n.texts)
		if n.numbers+n.times+n.texts == 0 {
			t.Errorf("kind %s: %d queries, and no value compared in any case; give a dataset data that fills it", kind, n.queries)
		}
	}
}

// kindOf is the kind of the query with that refId.
func kindOf(queries []diffQuery, ref string) string {
	var model struct {
		Kind string `json:"kind"`
	}
	_ = json.Unmarshal([]byte(describeQuery(queries, ref)), &model)
	return model.Kind
}

// dataQueries are the case's queries as Grafana sends them, the range shifted by shift.
func (c diffCase) dataQueries(shift time.Duration) []backend.DataQuery {
	queries := make([]backend.DataQuery, len(c.Queries))
	for i, q := range c.Queries {
		queries[i] = backend.DataQuery{
			RefID: q.RefID, JSON: q.Query,
			TimeRange:     backend.TimeRange{From: time.UnixMilli(q.From).Add(shift).UTC(), To: time.UnixMilli(q.To).Add(shift).UTC()},
			Interval:      time.Duration(q.IntervalMs) * time.Millisecond,
			MaxDataPoints: q.MaxDataPoints,
		}
	}
	return queries
}

// TestWarmEvaluationEqualsCold: an alert rule's next evaluation (the same queries a minute later, nothing
// changed), answered by a process that has just answered the first one (its caches and attribution reused),
// equals the answer of a fresh process, frame for frame.
func TestWarmEvaluationEqualsCold(t *testing.T) {
	for _, c := range nodeAnswers(t) {
		if !c.FromAlert {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			env := fmt.Sprintf("DORA_FIXED_NOW_MS=%d", c.Now)
			inst := Instance{UID: "warm", JSONData: c.JSONData}
			warm := start(t.Context(), t, env, "DORA_RESULT_CACHE_SECONDS=0")
			if _, err := warm.QueryData(deadline(t, 3*time.Minute), inst, c.dataQueries(0), true); err != nil {
				t.Fatal(err)
			}
			started := time.Now()
			got, err := warm.QueryData(deadline(t, 3*time.Minute), inst, c.dataQueries(time.Minute), true)
			if err != nil {
				t.Fatal(err)
			}
			warmTook := time.Since(started)
			started = time.Now()
			want, err := start(t.Context(), t, env).QueryData(deadline(t, 3*time.Minute), inst, c.dataQueries(time.Minute), true)
			if err != nil {
				t.Fatal(err)
			}
			compared := 0
			for ref, w := range want.Responses {
				wantJSON, err1 := json.Marshal(w.Frames)
				gotJSON, err2 := json.Marshal(got.Responses[ref].Frames)
				if err1 != nil || err2 != nil {
					t.Fatalf("%s: frames do not encode: %v %v", ref, err1, err2)
				}
				if string(wantJSON) != string(gotJSON) || fmt.Sprint(w.Error) != fmt.Sprint(got.Responses[ref].Error) {
					t.Errorf("%s: the warm process answered differently from a fresh one", ref)
				}
				compared += len(wantJSON)
			}
			t.Logf("%d queries, %d bytes of frames equal; warm %s, fresh %s", len(want.Responses), compared, warmTook.Round(time.Millisecond), time.Since(started).Round(time.Millisecond))
		})
	}
}

func describeQuery(queries []diffQuery, ref string) string {
	for _, q := range queries {
		if q.RefID == ref {
			return string(q.Query)
		}
	}
	return ""
}

// compareResult compares one query's answers: error text, frames, fields, labels, every value, notices.
func compareResult(want nodeResult, got backend.DataResponse) (tally, []string) {
	count := tally{queries: 1}
	var problems []string
	gotErr := ""
	if got.Error != nil {
		gotErr = got.Error.Error()
	}
	if want.Error != gotErr {
		problems = append(problems, fmt.Sprintf("error %q; Node: %q", gotErr, want.Error))
	}
	if len(got.Frames) != len(want.Frames) {
		return count, append(problems, fmt.Sprintf("%d frames; Node: %d", len(got.Frames), len(want.Frames)))
	}
	for i, wf := range want.Frames {
		gf := got.Frames[i]
		count.frames++
		if gf.Name != wf.Name {
			problems = append(problems, fmt.Sprintf("frame %d named %q; Node: %q", i, gf.Name, wf.Name))
		}
		var wantNotices, gotNotices []string
		if wf.Meta != nil {
			for _, n := range wf.Meta.Notices {
				wantNotices = append(wantNotices, n.Text)
			}
		}
		if gf.Meta != nil {
			for _, n := range gf.Meta.Notices {
				gotNotices = append(gotNotices, n.Text)
			}
		}
		if !reflect.DeepEqual(wantNotices, gotNotices) {
			problems = append(problems, fmt.Sprintf("frame %q notices %q; Node: %q", wf.Name, gotNotices, wantNotices))
		}
		if len(gf.Fields) != len(wf.Fields) {
			problems = append(problems, fmt.Sprintf("frame %q has %d fields; Node: %d", wf.Name, len(gf.Fields), len(wf.Fields)))
			continue
		}
		for j, wfield := range wf.Fields {
			problems = append(problems, compareField(wf.Name, wfield, gf.Fields[j], &count)...)
		}
	}
	return count, problems
}

func compareField(frame string, want nodeField, got *data.Field, count *tally) []string {
	where := fmt.Sprintf("frame %q field %q", frame, want.Name)
	if got.Name != want.Name {
		return []string{fmt.Sprintf("%s is named %q on the backend", where, got.Name)}
	}
	if !(len(want.Labels) == 0 && len(got.Labels) == 0) && !reflect.DeepEqual(map[string]string(got.Labels), want.Labels) {
		return []string{fmt.Sprintf("%s labels %v; Node: %v", where, got.Labels, want.Labels)}
	}
	if got.Len() != len(want.Values) {
		return []string{fmt.Sprintf("%s has %d values; Node: %d", where, got.Len(), len(want.Values))}
	}
	var problems []string
	for k, wv := range want.Values {
		gv, ok := got.ConcreteAt(k)
		if !ok {
			gv = nil
		}
		if tm, isTime := gv.(time.Time); isTime {
			gv = float64(tm.UnixMilli())
		}
		equal := false
		switch w := wv.(type) {
		case nil:
			equal = gv == nil
		case float64:
			g, isNum := gv.(float64)
			equal = isNum && (g == w || (math.IsNaN(g) && math.IsNaN(w)))
			if want.Type == "time" {
				count.times++
			} else {
				count.numbers++
			}
		default:
			equal = fmt.Sprint(w) == fmt.Sprint(gv)
			count.texts++
		}
		if !equal {
			problems = append(problems, fmt.Sprintf("%s value %d is %v; Node: %v", where, k, gv, wv))
			if len(problems) > 5 {
				return append(problems, "(more differences left out)")
			}
		}
	}
	return problems
}
