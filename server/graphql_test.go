package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"eventgraph/schema"
	"eventgraph/schema/schematest"
)

func newGraphQLServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	srv, err := New(schematest.OpenHand(t), nil, cfg) // exact counts: the hand-made fixture
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

type gqlResponse struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func do(t *testing.T, req *http.Request) (*http.Response, gqlResponse) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatalf("response is not JSON: %v\n%s", err, b)
		}
	}
	return resp, out
}

func post(t *testing.T, ts *httptest.Server, body string) (*http.Response, gqlResponse) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return do(t, req)
}

func TestGraphQLHTTP(t *testing.T) {
	ts := newGraphQLServer(t, Config{})

	t.Run("POST", func(t *testing.T) {
		resp, out := post(t, ts, `{"query":"query Q($n: String) { actor(name: $n) { name } }","variables":{"n":"ABDUL-AMIR al shammari"},"operationName":"Q"}`)
		if resp.StatusCode != 200 || len(out.Errors) > 0 {
			t.Fatalf("%d %v", resp.StatusCode, out.Errors)
		}
		if got := out.Data["actor"].(map[string]any)["name"]; got != "Abdul Amir al-Shammari" {
			t.Errorf("actor %v", got)
		}
	})
	t.Run("POST variables as a string", func(t *testing.T) {
		_, out := post(t, ts, `{"query":"query($f: Int) { events(first: $f) { totalCount } }","variables":"{\"f\": 2}"}`)
		if len(out.Errors) > 0 {
			t.Fatal(out.Errors)
		}
	})
	t.Run("POST application/graphql", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(`{ stats { events } }`))
		req.Header.Set("Content-Type", "application/graphql")
		resp, out := do(t, req)
		if resp.StatusCode != 200 || out.Data["stats"].(map[string]any)["events"] != 10.0 {
			t.Fatalf("%d %v %v", resp.StatusCode, out.Data, out.Errors)
		}
	})
	t.Run("GET ?query", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/graphql?query="+url.QueryEscape(`query($t: String) { events(text: $t) { totalCount } }`)+"&variables="+url.QueryEscape(`{"t":"memorandum"}`), nil)
		req.Header.Set("Accept", "text/html,application/json") // a query wins over the IDE
		resp, out := do(t, req)
		if resp.StatusCode != 200 || out.Data["events"].(map[string]any)["totalCount"] != 2.0 {
			t.Fatalf("%d %v %v", resp.StatusCode, out.Data, out.Errors)
		}
	})
	t.Run("IDE", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/graphql", nil)
		req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		page := string(b)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		for _, want := range []string{"<textarea id=\"query\"", "IDEIntrospection", "ctrlKey", "grid-template-columns"} {
			if !strings.Contains(page, want) {
				t.Errorf("IDE page lacks %q", want)
			}
		}
		for _, bad := range []string{"/*CSS*/", "/*JS*/", "https://", "http://"} {
			if strings.Contains(page, bad) {
				t.Errorf("IDE page contains %q (not inlined, or a remote resource)", bad)
			}
		}
	})
	t.Run("GET without query, not a browser", func(t *testing.T) {
		resp, out := do(t, mustReq(http.MethodGet, ts.URL+"/graphql", ""))
		if resp.StatusCode != 400 || len(out.Errors) != 1 || !strings.Contains(out.Errors[0].Message, "no query") {
			t.Fatalf("%d %v", resp.StatusCode, out.Errors)
		}
	})
	t.Run("unparsable body", func(t *testing.T) {
		resp, out := post(t, ts, `{"query": "{ stats { events } }"`)
		if resp.StatusCode != 400 || len(out.Errors) != 1 || !strings.Contains(out.Errors[0].Message, "not valid JSON") {
			t.Fatalf("%d %v", resp.StatusCode, out.Errors)
		}
		resp, out = post(t, ts, `{"query": "{ stats { events } }", "variables": [1]}`)
		if resp.StatusCode != 400 || !strings.Contains(out.Errors[0].Message, "variables must be a JSON object") {
			t.Fatalf("%d %v", resp.StatusCode, out.Errors)
		}
		resp, _ = post(t, ts, `{}`)
		if resp.StatusCode != 400 {
			t.Fatalf("empty query: %d", resp.StatusCode)
		}
	})
	t.Run("oversized body", func(t *testing.T) {
		big := `{"query": "{ stats { events } }` + strings.Repeat(" ", 2<<20) + `"}`
		resp, out := post(t, ts, big)
		if resp.StatusCode != http.StatusRequestEntityTooLarge || len(out.Errors) != 1 || !strings.Contains(out.Errors[0].Message, "request body too large") {
			t.Fatalf("%d %v", resp.StatusCode, out.Errors)
		}
	})
	t.Run("1 MB query", func(t *testing.T) {
		q := "{ stats { events } }" + strings.Repeat(" ", 1_000_000)
		b, _ := json.Marshal(map[string]string{"query": q})
		resp, out := post(t, ts, string(b))
		if resp.StatusCode != 200 || len(out.Errors) != 1 || !strings.Contains(out.Errors[0].Message, "exceeds the maximum allowed query length") {
			t.Fatalf("%d %v", resp.StatusCode, out.Errors)
		}
	})
	t.Run("GraphQL errors are 200", func(t *testing.T) {
		resp, out := post(t, ts, `{"query": "{ events(first: 100000, from: \"2024-5\") { totalCount } }"}`)
		if resp.StatusCode != 200 || len(out.Errors) != 1 || out.Data != nil && out.Data["events"] != nil {
			t.Fatalf("%d %v %v", resp.StatusCode, out.Errors, out.Data)
		}
		if e := out.Errors[0]; !strings.Contains(e.Message, "is not a date") || len(e.Path) != 1 || e.Path[0] != "events" || e.Extensions["code"] != schema.CodeBadInput {
			t.Errorf("%+v", e)
		}
	})
	t.Run("method", func(t *testing.T) {
		resp, _ := do(t, mustReq(http.MethodPut, ts.URL+"/graphql", "{}"))
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Fatalf("%d", resp.StatusCode)
		}
	})
}

func mustReq(method, u, body string) *http.Request {
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		panic(err)
	}
	return req
}

func TestGraphQLTimeout(t *testing.T) {
	old := schemaOptions
	t.Cleanup(func() { schemaOptions = old })
	schemaOptions = schema.Options{BeforeResolve: func(ctx context.Context, field string) error {
		if field == "stats" {
			<-ctx.Done() // a slow resolver
			return ctx.Err()
		}
		return nil
	}}
	ts := newGraphQLServer(t, Config{QueryTimeout: 200 * time.Millisecond})
	t0 := time.Now()
	resp, out := post(t, ts, `{"query": "{ stats { events } }"}`)
	if d := time.Since(t0); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	if resp.StatusCode != 200 || len(out.Errors) != 1 || !strings.Contains(out.Errors[0].Message, "query timed out") ||
		!strings.Contains(out.Errors[0].Message, "200ms") {
		t.Fatalf("%d %v", resp.StatusCode, out.Errors)
	}
}

func TestGraphQLCORS(t *testing.T) {
	ts := newGraphQLServer(t, Config{CORSOrigins: []string{"https://notebooks.example.org"}})
	for origin, allowed := range map[string]bool{
		"http://localhost:8888":         true, // Jupyter
		"http://127.0.0.1:8000":         true,
		"https://notebooks.example.org": true, // configured
		"https://evil.example.com":      false,
	} {
		req := mustReq(http.MethodOptions, ts.URL+"/graphql", "")
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, _ := do(t, req)
		got := resp.Header.Get("Access-Control-Allow-Origin")
		if allowed && got != origin || !allowed && got != "" {
			t.Errorf("preflight from %s: Allow-Origin %q", origin, got)
		}
		req = mustReq(http.MethodPost, ts.URL+"/graphql", `{"query":"{ stats { events } }"}`)
		req.Header.Set("Origin", origin)
		req.Header.Set("Content-Type", "application/json")
		resp, _ = do(t, req)
		if got := resp.Header.Get("Access-Control-Allow-Origin"); allowed && got != origin || !allowed && got != "" {
			t.Errorf("POST from %s: Allow-Origin %q", origin, got)
		}
	}
}

// TestGraphQLContentTypes: a POST a web page can send cross-site without a
// preflight (text/plain, a form, no type) is refused with 415.
func TestGraphQLContentTypes(t *testing.T) {
	ts := newGraphQLServer(t, Config{})
	for _, c := range []struct {
		ctype  string
		status int
	}{
		{"application/json", 200},
		{"application/json; charset=utf-8", 200},
		{"text/plain", http.StatusUnsupportedMediaType},
		{"text/plain;charset=UTF-8", http.StatusUnsupportedMediaType},
		{"application/x-www-form-urlencoded", http.StatusUnsupportedMediaType},
		{"multipart/form-data; boundary=x", http.StatusUnsupportedMediaType},
		{"", http.StatusUnsupportedMediaType},
	} {
		req := mustReq(http.MethodPost, ts.URL+"/graphql", `{"query":"{ stats { events } }"}`)
		if c.ctype != "" {
			req.Header.Set("Content-Type", c.ctype)
		}
		resp, out := do(t, req)
		if resp.StatusCode != c.status {
			t.Errorf("Content-Type %q: status %d, want %d", c.ctype, resp.StatusCode, c.status)
		}
		if c.status != 200 && (len(out.Errors) != 1 || !strings.Contains(out.Errors[0].Message, "send application/json")) {
			t.Errorf("Content-Type %q: errors %v", c.ctype, out.Errors)
		}
	}
}

// TestGraphQLByteBudget: aliases multiplying article texts are cut with
// RESULT_TOO_LARGE instead of building a huge response.
func TestGraphQLByteBudget(t *testing.T) {
	old := schemaOptions
	t.Cleanup(func() { schemaOptions = old })
	schemaOptions = schema.Options{MaxBytes: 4096}
	ts := newGraphQLServer(t, Config{})
	q := `{ a: events(first: 500) { nodes { evidence { article { text } } } } b: events(first: 500) { nodes { evidence { article { text } } } } }`
	b, _ := json.Marshal(map[string]string{"query": q})
	resp, out := post(t, ts, string(b))
	if resp.StatusCode != 200 || len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != schema.CodeTooLarge {
		t.Fatalf("%d %v", resp.StatusCode, out.Errors)
	}
	if out.Data != nil {
		t.Errorf("data returned: %v", out.Data)
	}
}
