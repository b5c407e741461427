package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"eventgraph/graph/backend"
	"eventgraph/graph/dgraph/dgraphtest"
)

// TestMain stops the cluster the Dgraph tests share (dgraphtest.Shared).
func TestMain(m *testing.M) { dgraphtest.Main(m) }

// TestDgraphCommands: the seeds loaded with `load --db dgraph://…` answer
// the README's queries, the timeline and the JSON Lines export, and `serve`
// the README's example and /timeline over HTTP, with the same bytes as the
// embedded store (the test binary's cluster, emptied for the test; the
// test is skipped without bin/dgraph, and fails without it in CI).
func TestDgraphCommands(t *testing.T) {
	c := dgraphtest.Shared(t)
	dsn := "dgraph://" + c.GRPC + "?sslmode=disable"
	dir := seedDB(t)
	eventgraph(t, "", "load", "--db", dsn, seeds).check(t, 0, []string{"loaded 7 articles"}, nil)
	// loading again adds nothing
	eventgraph(t, "", "load", "--db", dsn, seeds).check(t, 0, []string{"7 already stored"}, nil)
	for _, args := range [][]string{
		{"query", `{ agreements { name kind date { value } place { name } parties { name } signatories { name } topics } }`},
		{"query", `{ actor(name: "Shammari") { name aliases roles { title from } } }`},
		{"query", `{ events(first: 500) { totalCount pageInfo { hasNextPage endCursor } nodes { id type cameo title date { value start precision } place { name countryCode } participants { role actor { name } } } } }`},
		{"query", `{ events(from: "2024-05", to: "2024-06", first: 3) { totalCount edges { cursor node { title } } } }`},
		{"query", `{ stats { byMonth { month count } } }`},
		{"timeline", "--from", "2024-01-01", "--to", "2024-12-31"},
		{"export", "--format", "jsonl"},
	} {
		t.Run(args[0], func(t *testing.T) {
			embedded := eventgraph(t, "", append([]string{args[0], "--db", dir}, args[1:]...)...)
			cluster := eventgraph(t, "", append([]string{args[0], "--db", dsn}, args[1:]...)...)
			if embedded.code != 0 || cluster.code != 0 {
				t.Fatalf("exit %d (embedded), %d (dgraph): %.300s %.300s", embedded.code, cluster.code, embedded.stderr, cluster.stderr)
			}
			if embedded.stdout != cluster.stdout {
				t.Errorf("dgraph answers differ from the embedded store's:\nembedded: %.800s\ndgraph:   %.800s", embedded.stdout, cluster.stdout)
			}
			if len(embedded.stdout) < 20 {
				t.Errorf("answer too short to compare: %q", embedded.stdout)
			}
		})
	}

	// serve on each store: the README's example over HTTP, and /timeline
	embeddedURL, stopE := serveOn(t, dir)
	clusterURL, stopD := serveOn(t, dsn)
	get := func(base, path, body string) string {
		var resp *http.Response
		var err error
		if body == "" {
			resp, err = http.Get(base + path)
		} else {
			resp, err = http.Post(base+path, "application/json", strings.NewReader(body))
		}
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Errorf("%s%s: %s %.200s", base, path, resp.Status, b)
		}
		return string(b)
	}
	for _, c := range []struct{ path, body string }{
		{"/graphql", `{"query":"{ agreements { name kind date { value } place { name } parties { name } signatories { name } topics } }"}`},
		{"/timeline?from=2024-01-01&to=2024-12-31", ""},
	} {
		e, d := get(embeddedURL, c.path, c.body), get(clusterURL, c.path, c.body)
		if e != d || len(e) < 50 {
			t.Errorf("serve %s: dgraph answers differ from the embedded store's:\nembedded: %.500s\ndgraph:   %.500s", c.path, e, d)
		}
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	stopE()
	stopD()
}

// serveOn starts `eventgraph serve --db db` on a free port and returns its
// base URL and a function that waits for it to end (after a SIGHUP).
func serveOn(t *testing.T, db string) (string, func()) {
	t.Helper()
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), pw, &errb)
		pw.Close()
		done <- code
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !strings.Contains(line, "serving on http://") {
		t.Fatalf("serve --db %s did not start: %q %v %s", db, line, err, errb.String())
	}
	go io.Copy(io.Discard, pr)
	url := strings.Fields(line[strings.Index(line, "http://"):])[0]
	return url, func() {
		if code := <-done; code != 0 {
			t.Errorf("serve --db %s: exit %d: %s", db, code, errb.String())
		}
	}
}

// TestDgraphFrontKilled: two `eventgraph serve` fronts on one cluster; the
// first is SIGKILLed in the middle of a response, and the second goes on
// serving the same data (fronts hold nothing of their own), which still
// passes Check.
func TestDgraphFrontKilled(t *testing.T) {
	c := dgraphtest.Shared(t)
	dsn := "dgraph://" + c.GRPC + "?sslmode=disable"
	eventgraph(t, "", "load", "--db", dsn, seeds).check(t, 0, []string{"loaded 7 articles"}, nil)
	work := t.TempDir()
	bin := filepath.Join(work, "eventgraph")
	if out, err := exec.Command("go", "build", "-o", bin, "eventgraph/cmd/eventgraph").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	front := func() (*exec.Cmd, string) {
		cmd := exec.Command(bin, "serve", "--db", dsn, "--addr", "127.0.0.1:0")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		// started as the cluster's own processes are: killed with the test
		// binary however it dies, so no front outlives a failed run
		if err := dgraphtest.StartChild(cmd); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || !strings.Contains(line, "serving on http://") {
			t.Fatalf("front did not start: %q %v", line, err)
		}
		go io.Copy(io.Discard, out)
		return cmd, strings.Fields(line[strings.Index(line, "http://"):])[0]
	}
	a, urlA := front()
	_, urlB := front()
	const query = `{"query":"{ agreements { name date { value } parties { name } } events(first: 500) { totalCount nodes { id title } } }"}`
	post := func(url string) (string, error) {
		resp, err := http.Post(url+"/graphql", "application/json", strings.NewReader(query))
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), err
	}
	before, err := post(urlA)
	if err != nil || !strings.Contains(before, "totalCount") {
		t.Fatalf("front A: %v %.200s", err, before)
	}
	// a long response from A, killed after its first bytes
	resp, err := http.Get(urlA + "/export/graph.gexf")
	if err != nil {
		t.Fatal(err)
	}
	first := make([]byte, 64)
	if _, err := io.ReadFull(resp.Body, first); err != nil {
		t.Fatal(err)
	}
	if err := a.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_, _ = io.ReadAll(resp.Body) // cut short, or whole if A had sent it all
	resp.Body.Close()
	if _, err := post(urlA); err == nil {
		t.Errorf("front A still answers after SIGKILL")
	}
	after, err := post(urlB)
	if err != nil || after != before {
		t.Errorf("front B after A's loss: %v\nbefore: %.300s\nafter:  %.300s", err, before, after)
	}
	st, err := backend.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Errorf("check after the front's loss: %v", err)
	}
}
