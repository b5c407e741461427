package server

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eventgraph/schema/schematest"
)

// TestNotebook executes examples/notebook.ipynb headless against a server
// it starts; the notebook's cells assert what they show (all events paged
// into a DataFrame, al-Shammari found by any spelling with both his roles,
// the MoU signed in Baghdad on 2024-05-12, events per month). It needs Debian's jupyter-nbconvert and
// python3-{ipykernel,requests,pandas,matplotlib}; it skips without them.
func TestNotebook(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the notebook run takes several seconds")
	}
	nbconvert, python := notebookTools(t)
	nb, err := filepath.Abs("../examples/notebook.ipynb")
	if err != nil {
		t.Fatal(err)
	}

	// The data: the seed articles, loaded by the loader (schematest.Open),
	// and enough bulk events that paging takes several pages of 500.
	st := schematest.Open(t)
	if err := schematest.LoadBulk(st, 1100); err != nil {
		t.Fatal(err)
	}
	srv, err := New(st, nil, Config{Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrc, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- srv.ListenAndServe(ctx, func(a string) { addrc <- a }) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
	}()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	}

	out := t.TempDir()
	rctx, rcancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer rcancel()
	cmd := exec.CommandContext(rctx, nbconvert, "--to", "notebook", "--execute",
		"--ExecutePreprocessor.timeout=120", "--output-dir", out, nb)
	cmd.Env = append(os.Environ(),
		"EVENTGRAPH_URL=http://"+addr+"/graphql",
		"HOME="+out, // jupyter's runtime and config files
		"JUPYTER_RUNTIME_DIR="+filepath.Join(out, "runtime"),
		"MPLCONFIGDIR="+filepath.Join(out, "mpl"),
		"PYTHONDONTWRITEBYTECODE=1",
		// the kernel must be the Python that has the modules
		"PATH="+filepath.Dir(python)+string(os.PathListSeparator)+os.Getenv("PATH"),
	)
	t0 := time.Now()
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("notebook failed (%v) after %v:\n%s", err, time.Since(t0).Round(time.Millisecond), tail(string(b), 6000))
	}
	executed := filepath.Join(out, "notebook.ipynb")
	res, err := os.ReadFile(executed)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"output_type": "error"`} {
		if strings.Contains(string(res), want) {
			t.Errorf("executed notebook contains %s", want)
		}
	}
	if !strings.Contains(string(res), "image/png") {
		t.Error("the executed notebook has no plot")
	}
	t.Logf("notebook executed in %v", time.Since(t0).Round(time.Millisecond))
}

// notebookTools finds jupyter-nbconvert and the Python it runs, or skips.
func notebookTools(t *testing.T) (nbconvert, python string) {
	t.Helper()
	for _, c := range []string{"/usr/bin/jupyter-nbconvert", "jupyter-nbconvert"} {
		if p, err := exec.LookPath(c); err == nil {
			nbconvert = p
			break
		}
	}
	if nbconvert == "" {
		t.Skip("jupyter-nbconvert not installed (Debian: apt-get install jupyter-nbconvert python3-ipykernel python3-requests python3-pandas python3-matplotlib)")
	}
	python = "/usr/bin/python3"
	if f, err := os.Open(nbconvert); err == nil {
		line, _ := bufio.NewReader(f).ReadString('\n')
		f.Close()
		if s, ok := strings.CutPrefix(strings.TrimSpace(line), "#!"); ok && strings.HasPrefix(s, "/") && !strings.Contains(s, " ") {
			python = s
		}
	}
	if b, err := exec.Command(python, "-c", "import pandas, requests, matplotlib, ipykernel").CombinedOutput(); err != nil {
		t.Skipf("%s lacks the notebook's modules (python3-ipykernel, python3-requests, python3-pandas, python3-matplotlib): %s", python, tail(string(b), 400))
	}
	return nbconvert, python
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
