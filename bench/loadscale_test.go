package bench

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"eventgraph/bench/procmem"
	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

// Environment of the load benchmarks (make bench-load sets them):
//
//	EVENTGRAPH_LOAD_SIZES     corpus sizes in articles (default "2000 20000")
//	EVENTGRAPH_LOAD_JOBS      --jobs values (default: the binary's default)
//	EVENTGRAPH_LOAD_BASELINE  another eventgraph binary, run alternately
//	                          with this one on the same corpus
//	EVENTGRAPH_LOAD_ROUNDS    rounds of each binary (default 1; the median
//	                          is reported)
//	EVENTGRAPH_JSONL_FILES, EVENTGRAPH_JSONL_MB, EVENTGRAPH_JSONL_SECONDS
//	                          BenchmarkLoadJSONLStop's corpus and how long
//	                          it loads before SIGINT (default 20, 30, 60)
func envInts(b *testing.B, name string, def []int) []int {
	v := strings.Fields(os.Getenv(name))
	if len(v) == 0 {
		return def
	}
	var out []int
	for _, s := range v {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			b.Fatalf("%s=%q: want numbers", name, os.Getenv(name))
		}
		out = append(out, n)
	}
	return out
}

// scaleCorpus writes n made-up articles (about 365 words each) as text
// files, 100 a folder, generated 10,000 at a time so that the benchmark
// itself stays small; URLs and titles are numbered across the corpus.
func scaleCorpus(b *testing.B, n int) (dir string) {
	dir, err := tempDir(fmt.Sprintf("scale%d", n))
	if err != nil {
		b.Fatal(err)
	}
	err = eachScaleDoc(n, func(k int, d read.Document) error {
		sub := filepath.Join(dir, fmt.Sprintf("%05d", k/100))
		if k%100 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		body := strings.TrimPrefix(d.Text, d.Title+"\n\n")
		text := fmt.Sprintf("title: %s\npublished: %s\nsource: %s\nurl: %s\n---\n%s\n", d.Title, d.Published, d.Source, d.URL, body)
		return os.WriteFile(filepath.Join(sub, fmt.Sprintf("%07d.txt", k)), []byte(text), 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// loadRun is one `eventgraph load` measured from outside.
type loadRun struct {
	words   int
	elapsed time.Duration
	cpu     time.Duration // user + system time of the process
	peaks   procmem.Peaks
	summary string
}

func (r loadRun) rate() float64 { return float64(r.words) / r.elapsed.Seconds() }

var wordsRe = regexp.MustCompile(`, (\d+) words in `)

// runLoad runs bin load into a new database and samples its memory.
// stopAfter > 0 sends SIGINT after that long; the run's elapsed time is
// then the time from the signal to the exit.
func runLoad(b *testing.B, bin string, jobs int, stopAfter time.Duration, paths ...string) loadRun {
	work, err := tempDir("loaddb")
	if err != nil {
		b.Fatal(err)
	}
	defer removeAll(work)
	args := []string{"load", "--db", filepath.Join(work, "db")}
	if jobs > 0 {
		args = append(args, "--jobs", strconv.Itoa(jobs))
	}
	cmd := exec.Command(bin, append(args, paths...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	done := make(chan struct{})
	peaks := make(chan procmem.Peaks, 1)
	go func() { peaks <- procmem.Sample(cmd.Process.Pid, done) }()
	var signalled time.Time
	if stopAfter > 0 {
		t := time.AfterFunc(stopAfter, func() {
			signalled = time.Now()
			_ = cmd.Process.Signal(syscall.SIGINT)
		})
		defer t.Stop()
	}
	err = cmd.Wait()
	r := loadRun{elapsed: time.Since(start), summary: strings.TrimSpace(out.String())}
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
	}
	close(done)
	r.peaks = <-peaks
	if stopAfter > 0 {
		if signalled.IsZero() {
			b.Fatalf("%s: the load ended before the signal: %s", bin, r.summary)
		}
		r.elapsed = time.Since(signalled)
		if lines := strings.Count(errb.String(), "\n"); lines != 1 {
			b.Errorf("%s: %d lines on stderr after SIGINT, want one summary line:\n%.2000s", bin, lines, errb.String())
		}
	} else if err != nil {
		b.Fatalf("%s load: %v\n%s\n%.2000s", bin, err, out.String(), errb.String())
	}
	m := wordsRe.FindStringSubmatch(r.summary)
	if m == nil {
		b.Fatalf("%s: no summary line in %q", bin, r.summary)
	}
	r.words, _ = strconv.Atoi(m[1])
	return r
}

// loadBinaries builds this eventgraph and returns it with the baseline
// binary (EVENTGRAPH_LOAD_BASELINE), if any, by name.
func loadBinaries(b *testing.B) [][2]string {
	binOnce.Do(func() {
		d, err := tempDir("bin")
		if err != nil {
			b.Fatal(err)
		}
		binOnce.path = buildBinary(b, d)
	})
	bins := [][2]string{{"this", binOnce.path}}
	if base := os.Getenv("EVENTGRAPH_LOAD_BASELINE"); base != "" {
		bins = append(bins, [2]string{"baseline", base})
	}
	return bins
}

// median runs is the run of median rate.
func median(runs []loadRun) loadRun {
	slices.SortFunc(runs, func(a, c loadRun) int { return cmp.Compare(a.rate(), c.rate()) })
	return runs[len(runs)/2]
}

// BenchmarkLoadScale runs `eventgraph load` of 2,000 and 20,000 synthetic
// articles (EVENTGRAPH_LOAD_SIZES; 200,000 is about 73 M words) into an
// empty database on disk, in a subprocess, and reports its words per
// second (of wall time, and of the process's CPU time, which a busy
// machine disturbs less) and its peak resident memory (VmHWM; anonymous and file-backed
// peaks beside it), beside the baseline binary's when one is given: a
// load's rate and memory should not depend on the corpus's size.
func BenchmarkLoadScale(b *testing.B) {
	bins := loadBinaries(b)
	rounds := envInts(b, "EVENTGRAPH_LOAD_ROUNDS", []int{1})[0]
	for _, n := range envInts(b, "EVENTGRAPH_LOAD_SIZES", []int{2000, 20000}) {
		corpus := scaleCorpus(b, n)
		for _, jobs := range envInts(b, "EVENTGRAPH_LOAD_JOBS", []int{0}) {
			b.Run(fmt.Sprintf("articles=%d/jobs=%d", n, jobs), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					runs := make([][]loadRun, len(bins))
					for r := 0; r < max(rounds, 1); r++ {
						for k, bin := range bins {
							runs[k] = append(runs[k], runLoad(b, bin[1], jobs, 0, corpus))
						}
					}
					for k, bin := range bins {
						m := median(runs[k])
						prefix := ""
						if k > 0 {
							prefix = bin[0] + "-"
						}
						b.ReportMetric(m.rate(), prefix+"words/s")
						b.ReportMetric(float64(m.words)/m.cpu.Seconds(), prefix+"words/cpu-s")
						b.ReportMetric(float64(m.peaks.HWM)/1024, prefix+"peak-MiB")
						b.ReportMetric(float64(m.peaks.Anon)/1024, prefix+"anon-MiB")
						b.ReportMetric(float64(m.peaks.File)/1024, prefix+"file-MiB")
						b.Logf("%-8s %7d articles --jobs %d: %.3f M words/s (%.3f M words per CPU second), peak RSS %.0f MiB (anon %.0f, file %.0f): %s",
							bin[0], n, jobs, m.rate()/1e6, float64(m.words)/m.cpu.Seconds()/1e6, float64(m.peaks.HWM)/1024, float64(m.peaks.Anon)/1024, float64(m.peaks.File)/1024, m.summary)
					}
				}
			})
		}
		removeAll(corpus)
	}
}

// jsonlCorpus writes files JSON Lines files of about mb MiB of made-up
// articles each.
func jsonlCorpus(b *testing.B, files, mb int) string {
	dir, err := tempDir("jsonl")
	if err != nil {
		b.Fatal(err)
	}
	k := 0
	for f := 0; f < files; f++ {
		var buf bytes.Buffer
		for seed := int64(f * 1000); buf.Len() < mb<<20; seed++ {
			for _, d := range synth.Generate(500, seed) {
				fmt.Fprintf(&buf, `{"title":%s,"text":%s,"published":%q,"url":"https://synthetic.example/j%d"}`+"\n", jsonString(d.Title), jsonString(d.Text), d.Published, k)
				k++
				if buf.Len() >= mb<<20 {
					break
				}
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("feed%02d.jsonl", f)), buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkLoadJSONLStop loads 20 JSON Lines files of 30 MB each (issue
// 14) for a minute, then sends SIGINT: it reports the peak resident
// memory of the load, how long it took to stop after the signal (the
// load must print one summary line) and the words it stored per second
// of its CPU time (the load's rate, which a busy machine disturbs less
// than the words per second of wall time), beside the baseline binary's
// when one is given, alternating EVENTGRAPH_LOAD_ROUNDS times (medians).
func BenchmarkLoadJSONLStop(b *testing.B) {
	bins := loadBinaries(b)
	files := envInts(b, "EVENTGRAPH_JSONL_FILES", []int{20})[0]
	mb := envInts(b, "EVENTGRAPH_JSONL_MB", []int{30})[0]
	secs := envInts(b, "EVENTGRAPH_JSONL_SECONDS", []int{60})[0]
	rounds := max(envInts(b, "EVENTGRAPH_LOAD_ROUNDS", []int{1})[0], 1)
	corpus := jsonlCorpus(b, files, mb)
	defer removeAll(corpus)
	for i := 0; i < b.N; i++ {
		runs := make([][]loadRun, len(bins))
		for r := 0; r < rounds; r++ {
			for k, bin := range bins {
				run := runLoad(b, bin[1], 0, time.Duration(secs)*time.Second, corpus)
				runs[k] = append(runs[k], run)
				b.Logf("%-8s round %d: %d × %d MB JSON Lines, SIGINT after %d s: peak RSS %.0f MiB (anon %.0f, file %.0f), stopped %.2f s after the signal, %.0f words per CPU second: %s",
					bin[0], r+1, files, mb, secs, float64(run.peaks.HWM)/1024, float64(run.peaks.Anon)/1024, float64(run.peaks.File)/1024,
					run.elapsed.Seconds(), float64(run.words)/run.cpu.Seconds(), run.summary)
			}
		}
		for k, bin := range bins {
			prefix := ""
			if k > 0 {
				prefix = bin[0] + "-"
			}
			b.ReportMetric(medianOf(runs[k], func(r loadRun) float64 { return float64(r.peaks.HWM) / 1024 }), prefix+"peak-MiB")
			b.ReportMetric(medianOf(runs[k], func(r loadRun) float64 { return r.elapsed.Seconds() }), prefix+"stop-s")
			b.ReportMetric(medianOf(runs[k], func(r loadRun) float64 { return float64(r.words) / r.cpu.Seconds() }), prefix+"words/cpu-s")
		}
	}
}

// medianOf is the median of f over runs.
func medianOf(runs []loadRun, f func(loadRun) float64) float64 {
	v := make([]float64, len(runs))
	for i, r := range runs {
		v[i] = f(r)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func jsonString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
