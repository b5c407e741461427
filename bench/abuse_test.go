package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"eventgraph/bench/procmem"
	"eventgraph/loader/synth"
)

// BenchmarkGraphQLAmplification (issue 14) serves five articles of about
// 400 KB and sends the queries that once took the server to 2.2, 4.3 and
// 14 GiB: every event's evidence with its article's text, once and under
// 4 and 16 aliases. Each must be refused (RESULT_TOO_LARGE); it reports the
// seconds each took and the server's peak resident memory (VmHWM) over
// all of them.
func BenchmarkGraphQLAmplification(b *testing.B) {
	work, err := tempDir("abuse")
	if err != nil {
		b.Fatal(err)
	}
	defer removeAll(work)
	bin := buildBinary(b, work)
	// five long articles, each the text of many synthetic ones
	corpus := filepath.Join(work, "corpus")
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		b.Fatal(err)
	}
	docs := synth.Generate(5000, 7)
	for a := 0; a < 5; a++ {
		var text strings.Builder
		for _, d := range docs[a*1000:] {
			if text.Len() > 400<<10 {
				break
			}
			text.WriteString(strings.TrimPrefix(d.Text, d.Title+"\n\n"))
			text.WriteString("\n\n")
		}
		body := fmt.Sprintf("title: Long report %d\npublished: %s\nsource: synthetic\n---\n%s", a, docs[a*1000].Published, text.String())
		if err := os.WriteFile(filepath.Join(corpus, fmt.Sprintf("long%d.txt", a)), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	db := filepath.Join(work, "db")
	if out, err := exec.Command(bin, "load", "--db", db, corpus).CombinedOutput(); err != nil {
		b.Fatalf("load: %v\n%s", err, out)
	}
	srv := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
	stdout, err := srv.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	addr := ""
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if m := regexp.MustCompile(`serving on (http://\S+)`).FindStringSubmatch(sc.Text()); m != nil {
			addr = m[1]
			break
		}
	}
	if addr == "" {
		b.Fatal("the server did not say where it listens")
	}
	done := make(chan struct{})
	peaks := make(chan procmem.Peaks, 1)
	go func() { peaks <- procmem.Sample(srv.Process.Pid, done) }()
	field := `events(first: 500) { nodes { evidence { article { text } } } }`
	for i := 0; i < b.N; i++ {
		for _, aliases := range []int{1, 4, 16} {
			var q strings.Builder
			q.WriteString("{ ")
			for k := 0; k < aliases; k++ {
				fmt.Fprintf(&q, "a%d: %s ", k, field)
			}
			q.WriteString("}")
			body, _ := json.Marshal(map[string]string{"query": q.String()})
			start := time.Now()
			resp, err := http.Post(addr+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			var out struct {
				Data   json.RawMessage
				Errors []struct {
					Message    string
					Extensions map[string]any
				}
			}
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			took := time.Since(start)
			if err != nil {
				b.Fatal(err)
			}
			code := ""
			if len(out.Errors) > 0 {
				code = fmt.Sprint(out.Errors[0].Extensions["code"])
			}
			if code != "RESULT_TOO_LARGE" {
				b.Errorf("%d aliases: errors %v, want RESULT_TOO_LARGE", aliases, out.Errors)
			}
			b.ReportMetric(took.Seconds(), fmt.Sprintf("s-%d-aliases", aliases))
			b.Logf("%2d aliases (%d bytes of query): %s in %.3f s", aliases, q.Len(), code, took.Seconds())
		}
	}
	close(done)
	pk := <-peaks
	b.ReportMetric(float64(pk.HWM)/1024, "server-peak-MiB")
	b.Logf("server peak RSS %.0f MiB (anon %.0f, file %.0f)", float64(pk.HWM)/1024, float64(pk.Anon)/1024, float64(pk.File)/1024)
}
