// Command peers is `make bench-peers` (issue 17): eventgraph beside
// PostgreSQL and the npm NLP library compromise, on the same machine in the
// same run, printing one table with the ratios.
//
//   - extraction: eventgraph's extraction and compromise's people() over the
//     same synthetic articles (loader/synth), words/s on one core, and the
//     person names each finds scored against the names the generator wrote;
//   - store: the synthetic events of the big-store benchmarks (bench/bigfacts,
//     100 an article) built by bench/storebench into a database on disk,
//     beside the same rows \copy'd into a throw-away PostgreSQL cluster with
//     a btree index on the start date (and primary keys);
//   - reads over loopback: `eventgraph serve` answering a GraphQL first page
//     of a month with its totalCount and GET /timeline for a month (every
//     event with its actor, place and article names), beside pgbench running
//     the same reads as SQL (a windowed count, and the joined query);
//   - dump: \copy of every table to CSV beside `eventgraph export` to CSV
//     and GEXF.
//
// It installs nothing: where psql, pgbench and PostgreSQL's server binaries
// (bench/peers/pg.sh finds them) are missing, or node or compromise
// (npm ci in bench/peers), it says so and leaves those rows' peer column
// empty. The PostgreSQL cluster lives in a temporary folder, listens on
// 127.0.0.1 only, and is stopped and removed at the end.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"eventgraph/bench/bigfacts"
	"eventgraph/bench/procmem"
	"eventgraph/graph"
	"eventgraph/loader/extract"
	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

type config struct {
	events, articles, queries, rounds int
	eventgraph, storebench, dir       string
	keep                              bool
}

func main() {
	var c config
	flag.IntVar(&c.events, "events", envInt("EVENTGRAPH_BENCH_EVENTS", 100_000), "synthetic events to store (EVENTGRAPH_BENCH_EVENTS)")
	flag.IntVar(&c.articles, "articles", 400, "synthetic articles for the extraction row (~450 words each)")
	flag.IntVar(&c.queries, "queries", envInt("EVENTGRAPH_BENCH_QUERIES", 300), "month windows timed for each read (EVENTGRAPH_BENCH_QUERIES)")
	flag.IntVar(&c.rounds, "rounds", 3, "extraction rounds, eventgraph and compromise alternating (each rate from its fastest pass, the ratio the median of the rounds' ratios)")
	flag.StringVar(&c.eventgraph, "eventgraph", "bin/eventgraph", "the eventgraph binary")
	flag.StringVar(&c.storebench, "storebench", "", "the bench/storebench binary")
	flag.StringVar(&c.dir, "dir", "bench/peers", "the folder of pg.sh, names.js and node_modules")
	flag.BoolVar(&c.keep, "keep", false, "keep the temporary folder (databases, dumps)")
	flag.Parse()
	log.SetFlags(log.Ltime)
	log.SetPrefix("bench-peers: ")
	if c.storebench == "" {
		log.Fatal("-storebench is required (go build -o X ./bench/storebench)")
	}
	for _, p := range []*string{&c.eventgraph, &c.storebench, &c.dir} {
		abs, err := filepath.Abs(*p)
		if err != nil {
			log.Fatal(err)
		}
		*p = abs
	}
	tmp, err := os.MkdirTemp("", "bench-peers-")
	if err != nil {
		log.Fatal(err)
	}
	// the PostgreSQL server may run as another user (pg.sh, as root): it
	// must reach its folder inside
	if err := os.Chmod(tmp, 0o755); err != nil {
		log.Fatal(err)
	}
	b := &bench{config: c, tmp: tmp}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = b.run(ctx)
	b.stopAll()
	if c.keep {
		log.Printf("kept %s", tmp)
	} else {
		_ = os.RemoveAll(tmp)
	}
	if err != nil {
		log.Fatal(err)
	}
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// row is one line of the table: what, the peer's figure, eventgraph's,
// and how they compare.
type row struct{ what, peer, eg, ratio string }

type bench struct {
	config
	tmp   string
	rows  []row
	notes []string

	pg      *postgres // nil when PostgreSQL is absent
	egDB    string    // the eventgraph store
	serve   *exec.Cmd
	base    string // http://127.0.0.1:port of serve
	windows [][2]string
}

func (b *bench) add(r row) { b.rows = append(b.rows, r) }

func (b *bench) note(format string, a ...any) {
	s := fmt.Sprintf(format, a...)
	log.Print(s)
	b.notes = append(b.notes, s)
}

func (b *bench) run(ctx context.Context) error {
	b.header()
	b.windows = monthWindows(b.queries)
	if err := b.extraction(ctx); err != nil {
		return fmt.Errorf("extraction: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := b.store(ctx); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if err := b.reads(ctx); err != nil {
		return fmt.Errorf("reads: %w", err)
	}
	if err := b.dump(ctx); err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	b.print(os.Stdout)
	return nil
}

// header prints the machine and the versions compared.
func (b *bench) header() {
	cpu := "?"
	if f, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(f), "\n") {
			if strings.HasPrefix(l, "model name") {
				cpu = strings.TrimSpace(l[strings.Index(l, ":")+1:])
				break
			}
		}
	}
	mem := ""
	if f, err := os.ReadFile("/proc/meminfo"); err == nil {
		if fs := strings.Fields(string(f)); len(fs) > 1 {
			if kb, err := strconv.Atoi(fs[1]); err == nil {
				mem = fmt.Sprintf(", %.0f GiB RAM", float64(kb)/(1<<20))
			}
		}
	}
	fmt.Printf("bench-peers %s: %d events, %d month windows; %d CPUs (%s)%s, %s, load average %s\n",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), b.events, b.queries, runtime.NumCPU(), cpu, mem,
		runtime.Version(), loadavg())
}

func loadavg() string {
	f, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(f))[:3], " ")
}

// print writes the table and the notes.
func (b *bench) print(w io.Writer) {
	fmt.Fprintf(w, "\n| | peer | eventgraph | ratio |\n| --- | --- | --- | --- |\n")
	for _, r := range b.rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", r.what, r.peer, r.eg, r.ratio)
	}
	fmt.Fprintf(w, "\nload average at the end: %s\n", loadavg())
	for _, n := range b.notes {
		fmt.Fprintf(w, "- %s\n", n)
	}
}

// faster says which of two durations (or rates turned into durations) is
// the shorter, and by how much.
func faster(peer, eg float64, peerName string) string {
	switch {
	case peer <= 0 || eg <= 0:
		return ""
	case peer < eg:
		return fmt.Sprintf("%s %.1f× faster", peerName, eg/peer)
	default:
		return fmt.Sprintf("eventgraph %.1f× faster", peer/eg)
	}
}

// ---- extraction ----

// extraction times eventgraph's extraction and compromise's people() over
// the same synthetic articles, each on one core, in b.rounds alternating
// rounds after untimed passes, and scores the person names each finds.
func (b *bench) extraction(ctx context.Context) error {
	docs := synth.Generate(b.articles, 1)
	words := synth.Words(docs)
	gold := make([][]string, len(docs))
	for i, d := range docs {
		gold[i] = synth.PersonNames(d.Text)
	}
	log.Printf("extraction: %d synthetic articles, %d words", len(docs), words)
	// the two alternate, round by round (an eventgraph pass, then a node
	// run of one pass after its own untimed one), so that a busy machine
	// slows both alike; the ratio is the median of the rounds' ratios
	persons := make([][]string, len(docs))
	egPass := func(collect bool) time.Duration {
		prev := runtime.GOMAXPROCS(1)
		defer runtime.GOMAXPROCS(prev)
		runtime.GC()
		t := time.Now()
		for i, d := range docs {
			f := extract.Article(d)
			if collect {
				for _, a := range f.Actors {
					if a.Kind == graph.Person {
						persons[i] = append(persons[i], a.Name)
					}
				}
			}
		}
		return time.Since(t)
	}
	egPass(false) // untimed
	var egSec, cmSec []float64
	var cmNames [][]string
	version := ""
	var cmErr error
	for r := 0; r < b.rounds; r++ {
		egSec = append(egSec, egPass(r == 0).Seconds())
		if cmErr == nil {
			var sec float64
			sec, cmNames, version, cmErr = b.compromise(ctx, docs)
			if cmErr == nil {
				cmSec = append(cmSec, sec)
			}
		}
	}
	egRate := float64(words) / slices.Min(egSec)
	egP, egR := score(gold, persons)
	egQ := fmt.Sprintf("precision %.2f, recall %.2f", egP, egR)

	peer, peerQ, ratio := "", "", ""
	if cmErr != nil {
		b.note("compromise row skipped: %v", cmErr)
		peer = "(not run: " + short(cmErr) + ")"
	} else {
		p, r := score(gold, cmNames)
		cmRate := float64(words) / slices.Min(cmSec)
		peer = fmt.Sprintf("compromise %s: %s", version, rate(cmRate))
		peerQ = fmt.Sprintf("precision %.2f, recall %.2f", p, r)
		ratios := make([]float64, len(cmSec))
		for i := range cmSec {
			ratios[i] = cmSec[i] / egSec[i]
		}
		sort.Float64s(ratios)
		ratio = fmt.Sprintf("eventgraph %.1f× faster (median of %d alternating rounds; %.1f–%.1f×)", ratios[len(ratios)/2], len(ratios), ratios[0], ratios[len(ratios)-1])
	}
	b.add(row{fmt.Sprintf("extraction, words/s on one core (%d synthetic articles, %s words; compromise: names only)", len(docs), count(words)),
		peer, rate(egRate) + " (events, names, dates)", ratio})
	b.add(row{"person names found, against the names the generator wrote", peerQ, egQ, ""})
	return nil
}

// compromise runs names.js over docs with node (an untimed pass, then a
// timed one) and returns the timed pass's seconds.
func (b *bench) compromise(ctx context.Context, docs []read.Document) (seconds float64, names [][]string, version string, err error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return 0, nil, "", errors.New("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(b.dir, "node_modules", "compromise")); err != nil {
		return 0, nil, "", fmt.Errorf("compromise is not installed (npm ci in %s)", b.dir)
	}
	in := filepath.Join(b.tmp, "articles.jsonl")
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i, d := range docs {
		if err := enc.Encode(map[string]string{"id": strconv.Itoa(i), "text": d.Text}); err != nil {
			return 0, nil, "", err
		}
	}
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		return 0, nil, "", err
	}
	cmd := exec.CommandContext(ctx, node, filepath.Join(b.dir, "names.js"), in, "1")
	cmd.Dir = b.dir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, nil, "", fmt.Errorf("node names.js: %w", err)
	}
	var res struct {
		Version string              `json:"version"`
		Seconds float64             `json:"seconds"`
		Names   map[string][]string `json:"names"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return 0, nil, "", fmt.Errorf("node names.js output: %w", err)
	}
	names = make([][]string, len(docs))
	for i := range docs {
		names[i] = res.Names[strconv.Itoa(i)]
	}
	return res.Seconds, names, res.Version, nil
}

// score compares the names found in each article with the gold names,
// after trimming punctuation and spaces: micro-averaged precision and
// recall over (article, name) pairs.
func score(gold, found [][]string) (precision, recall float64) {
	var tp, nf, ng int
	for i := range gold {
		g := map[string]bool{}
		for _, n := range gold[i] {
			g[normName(n)] = true
		}
		f := map[string]bool{}
		for _, n := range found[i] {
			if n = normName(n); n != "" {
				f[n] = true
			}
		}
		for n := range f {
			if g[n] {
				tp++
			}
		}
		nf += len(f)
		ng += len(g)
	}
	if nf > 0 {
		precision = float64(tp) / float64(nf)
	}
	if ng > 0 {
		recall = float64(tp) / float64(ng)
	}
	return precision, recall
}

func normName(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// ---- store ----

// store builds the eventgraph store with bench/storebench and loads the
// same rows into PostgreSQL.
func (b *bench) store(ctx context.Context) error {
	b.egDB = filepath.Join(b.tmp, "eventgraph-db")
	log.Printf("store: eventgraph, %d events (bench/storebench)", b.events)
	cmd := exec.CommandContext(ctx, b.storebench, "-events", strconv.Itoa(b.events), "-db", b.egDB, "-keep", "-label", "eventgraph")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("storebench: %w", err)
	}
	kv := map[string]float64{}
	for _, f := range strings.Fields(string(out)) {
		if k, v, ok := strings.Cut(f, "="); ok {
			kv[k], _ = strconv.ParseFloat(v, 64)
		}
	}
	egSec := kv["seconds"]
	eg := fmt.Sprintf("%.1f s, %s events/s, peak RSS %.0f MB, %.0f MiB on disk", egSec, count(int(kv["events/s"])), kv["peak-rss-MB"], kv["disk-MB"])

	peer, ratio := "", ""
	if pg, err := startPostgres(ctx, b.dir, b.tmp); err != nil {
		b.note("PostgreSQL rows skipped: %v", err)
		peer = "(not run: " + short(err) + ")"
	} else {
		b.pg = pg
		sec, rows, size, err := b.pgLoad(ctx)
		if err != nil {
			return err
		}
		peer = fmt.Sprintf("`\\copy` %.1f s, %s rows/s, %.0f MiB on disk", sec, count(int(float64(rows)/sec)), float64(size)/(1<<20))
		ratio = faster(sec, egSec, "PG")
	}
	b.add(row{fmt.Sprintf("store %s events (eventgraph: bench/storebench, batches of 100 articles)", count(b.events)), peer, eg, ratio})
	return nil
}

// pgSchema holds the synthetic rows: an event's two participants are its
// source and target columns, its evidence sentence a column; the article
// text is stored as eventgraph stores it.
const pgSchema = `
CREATE TABLE actors (id text, name text, kind text);
CREATE TABLE places (id text, name text, kind text, country text, lat float8, lon float8);
CREATE TABLE articles (id text, title text, url text, published date, body text);
CREATE TABLE events (id text, article_id text, type text, cameo text, title text, date_value text,
	start_date date, end_date date, precision text, status text, source_id text, target_id text,
	place_id text, sentence text);
`

// pgLoad writes the rows as CSV (untimed), then times psql's \copy of
// every table, the index builds and VACUUM ANALYZE, and returns the seconds, the rows
// copied and the database's size.
func (b *bench) pgLoad(ctx context.Context) (sec float64, rows int, size int64, err error) {
	dir := filepath.Join(b.tmp, "csv")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, 0, err
	}
	rows, err = writeCSV(dir, b.events)
	if err != nil {
		return 0, 0, 0, err
	}
	if _, err := b.pg.psql(ctx, pgSchema); err != nil {
		return 0, 0, 0, err
	}
	var script strings.Builder
	for _, t := range []string{"actors", "places", "articles", "events"} {
		fmt.Fprintf(&script, "\\copy %s FROM '%s' (FORMAT csv)\n", t, filepath.Join(dir, t+".csv"))
	}
	script.WriteString(`ALTER TABLE actors ADD PRIMARY KEY (id);
ALTER TABLE places ADD PRIMARY KEY (id);
ALTER TABLE articles ADD PRIMARY KEY (id);
ALTER TABLE events ADD PRIMARY KEY (id);
CREATE INDEX events_start ON events USING btree (start_date);
VACUUM ANALYZE;
`)
	log.Printf("store: PostgreSQL \\copy of %d rows, then the indexes and VACUUM ANALYZE", rows)
	t := time.Now()
	if _, err := b.pg.psql(ctx, script.String()); err != nil {
		return 0, 0, 0, err
	}
	sec = time.Since(t).Seconds()
	out, err := b.pg.psql(ctx, "SELECT pg_database_size(current_database()), (SELECT count(*) FROM events)")
	if err != nil {
		return 0, 0, 0, err
	}
	f := strings.Split(strings.TrimSpace(out), "|")
	if len(f) == 2 {
		size, _ = strconv.ParseInt(f[0], 10, 64)
		if n, _ := strconv.Atoi(f[1]); n != b.eventsWritten() {
			return 0, 0, 0, fmt.Errorf("PostgreSQL holds %d events, %d written", n, b.eventsWritten())
		}
	}
	return sec, rows, size, nil
}

// eventsWritten is the number of events of the synthetic articles: whole
// articles of bigfacts.EventsPerArticle, as storebench writes them.
func (b *bench) eventsWritten() int {
	a := (b.events + bigfacts.EventsPerArticle - 1) / bigfacts.EventsPerArticle
	return a * bigfacts.EventsPerArticle
}

// writeCSV writes the rows of the synthetic articles storebench stores
// (the same stream: seed 1, article by article) as CSV files, one a table,
// and returns the number of rows.
func writeCSV(dir string, events int) (int, error) {
	files := map[string]*csv.Writer{}
	var closers []func() error
	for _, t := range []string{"actors", "places", "articles", "events"} {
		f, err := os.Create(filepath.Join(dir, t+".csv"))
		if err != nil {
			return 0, err
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		w := csv.NewWriter(bw)
		files[t] = w
		closers = append(closers, func() error {
			w.Flush()
			if err := w.Error(); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			return f.Close()
		})
	}
	r := rand.New(rand.NewSource(1))
	seenA, seenP := map[string]bool{}, map[string]bool{}
	rows := 0
	write := func(t string, rec ...string) error {
		rows++
		return files[t].Write(rec)
	}
	for a := 0; a*bigfacts.EventsPerArticle < events; a++ {
		f := bigfacts.Article(r, a)
		art := f.Article
		if err := write("articles", art.ID, art.Title, art.URL, art.Published, art.Text); err != nil {
			return rows, err
		}
		for _, x := range f.Actors {
			if !seenA[x.ID] {
				seenA[x.ID] = true
				if err := write("actors", x.ID, x.Name, string(x.Kind)); err != nil {
					return rows, err
				}
			}
		}
		for _, p := range f.Places {
			if !seenP[p.ID] {
				seenP[p.ID] = true
				if err := write("places", p.ID, p.Name, p.Kind, p.Country, ftoa(p.Lat), ftoa(p.Lon)); err != nil {
					return rows, err
				}
			}
		}
		for _, e := range f.Events {
			if err := write("events", e.ID, art.ID, e.Type, e.CAMEO, e.Title, e.Date.Value, e.Date.Start, e.Date.End,
				string(e.Date.Precision), string(e.Status), e.Participants[0].ActorID, e.Participants[1].ActorID,
				e.PlaceID, e.Evidence[0].Sentence); err != nil {
				return rows, err
			}
		}
	}
	for _, c := range closers {
		if err := c(); err != nil {
			return rows, err
		}
	}
	return rows, nil
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// ---- reads ----

// monthWindows draws n random months of the synthetic range, as the
// timeline benchmarks do (bench/timeline_test.go: seed 2).
func monthWindows(n int) [][2]string {
	r := rand.New(rand.NewSource(2))
	w := make([][2]string, n)
	for i := range w {
		d := bigfacts.From.AddDate(0, r.Intn(12*26), 0)
		w[i] = [2]string{d.Format("2006-01-02"), d.AddDate(0, 1, -1).Format("2006-01-02")}
	}
	return w
}

const pageQuery = `query($from: String, $to: String) { events(from: $from, to: $to, first: 100) {
	totalCount edges { node { id title date { value start end } } } } }`

// The same reads in SQL, for pgbench: :m is a random month of the range.
// The page is two queries, as a PostgreSQL client would send them: the
// count (an index-only scan after VACUUM) and the first 100 in the index's
// order (one query with count(*) OVER () reads every row of the month
// from the heap: 17 ms at 1 M events).
// A month's events are those starting in it (the synthetic events last a
// day or a calendar month, so these are the events eventgraph's window
// returns; checked below on a few months).
const (
	pgMonth   = "\\set m random(0, 311)\n"
	pgWindow  = "start_date BETWEEN (date '2000-01-01' + make_interval(months => :m))::date AND (date '2000-01-01' + make_interval(months => :m + 1) - interval '1 day')::date"
	pgPageSQL = pgMonth + "SELECT count(*) FROM events WHERE " + pgWindow + ";\n" +
		"SELECT id, title, date_value, start_date, end_date FROM events WHERE " + pgWindow + " ORDER BY start_date LIMIT 100;\n"
	pgMonthSQL = pgMonth + `SELECT e.id, e.title, e.type, e.cameo, e.date_value, e.start_date, e.end_date, e.precision, e.status,
 s.id, s.name, s.kind, t.id, t.name, t.kind, p.id, p.name, p.kind, p.country, p.lat, p.lon,
 e.sentence, a.id, a.title, a.url, a.published
FROM events e JOIN actors s ON s.id = e.source_id JOIN actors t ON t.id = e.target_id
 JOIN places p ON p.id = e.place_id JOIN articles a ON a.id = e.article_id
WHERE e.` + pgWindow + " ORDER BY e.start_date, e.id;\n"
)

func (b *bench) reads(ctx context.Context) error {
	if err := b.startServe(ctx); err != nil {
		return err
	}
	client := &http.Client{Timeout: 5 * time.Minute}
	graphql := func(from, to string) (int, error) {
		body, _ := json.Marshal(map[string]any{"query": pageQuery, "variables": map[string]any{"from": from, "to": to}})
		resp, err := client.Post(b.base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		var out struct {
			Data struct {
				Events struct {
					TotalCount int `json:"totalCount"`
				} `json:"events"`
			} `json:"data"`
			Errors []any `json:"errors"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK || len(out.Errors) > 0 {
			return 0, fmt.Errorf("POST /graphql %s..%s: %d %v %v", from, to, resp.StatusCode, err, out.Errors)
		}
		return out.Data.Events.TotalCount, nil
	}
	timeline := func(from, to string) (int, error) {
		resp, err := client.Get(b.base + "/timeline?from=" + url.QueryEscape(from) + "&to=" + url.QueryEscape(to))
		if err != nil {
			return 0, err
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("GET /timeline %s..%s: %d %v", from, to, resp.StatusCode, err)
		}
		return int(n), nil
	}

	// the same events: PostgreSQL's count of a few months against
	// eventgraph's totalCount
	if b.pg != nil {
		for _, w := range b.windows[:min(5, len(b.windows))] {
			egN, err := graphql(w[0], w[1])
			if err != nil {
				return err
			}
			out, err := b.pg.psql(ctx, fmt.Sprintf("SELECT count(*) FROM events WHERE start_date BETWEEN '%s' AND '%s'", w[0], w[1]))
			if err != nil {
				return err
			}
			if pgN, _ := strconv.Atoi(strings.TrimSpace(out)); pgN != egN {
				b.note("%s..%s: PostgreSQL counts %d events, eventgraph %d (eventgraph merged %.1f%% of the month's synthetic events into others)", w[0], w[1], pgN, egN, 100*float64(pgN-egN)/float64(pgN))
			}
		}
	}

	log.Printf("reads: GraphQL first page of a month, %d windows", len(b.windows))
	gq, err := b.timeHTTP(graphql)
	if err != nil {
		return err
	}
	peer, ratio := "", ""
	if b.pg != nil {
		pq, err := b.pg.bench(ctx, b.tmp, "page", pgPageSQL, len(b.windows))
		if err != nil {
			return err
		}
		peer = fmt.Sprintf("pgbench, `count(*)` then `LIMIT 100`: %s", pq)
		ratio = faster(pq.p50, gq.p50, "PG") + " (p50)"
	}
	b.add(row{"first 100 events of a month + count, over the wire (pgbench: simple protocol, each query parsed and planned as each GraphQL query is parsed)", peer, "GraphQL over HTTP: " + gq.String(), ratio})

	log.Printf("reads: a month with names, %d windows", len(b.windows))
	var bytesRead int
	tq, err := b.timeHTTP(func(from, to string) (int, error) {
		n, err := timeline(from, to)
		bytesRead += n
		return n, err
	})
	if err != nil {
		return err
	}
	rss := procmem.Peaks{}
	if p, err := procmem.Read(b.serve.Process.Pid); err == nil {
		rss = p
	}
	cur := currentRSS(b.serve.Process.Pid)
	peer, ratio = "", ""
	if b.pg != nil {
		pq, err := b.pg.bench(ctx, b.tmp, "month", pgMonthSQL, len(b.windows))
		if err != nil {
			return err
		}
		peer = "joined query: " + pq.String()
		ratio = faster(pq.p50, tq.p50, "PG") + " (p50)"
	}
	b.add(row{fmt.Sprintf("a month with actor, place and article names (%.0f events, %.1f MB of JSON a month)",
		float64(b.eventsWritten())/312, float64(bytesRead)/float64(2*len(b.windows))/1e6), peer, "`GET /timeline`: " + tq.String(), ratio})
	b.add(row{"`eventgraph serve` memory after the timeline runs", "", fmt.Sprintf("RSS %.0f MiB (peak %.0f MiB)", float64(cur)/1024, float64(rss.HWM)/1024), ""})
	return b.stopServe()
}

// latencies are p50 and p99 in milliseconds.
type latencies struct{ p50, p99 float64 }

func (l latencies) String() string { return fmt.Sprintf("p50 %.2f ms / p99 %.2f ms", l.p50, l.p99) }

func percentiles(ms []float64) latencies {
	sort.Float64s(ms)
	at := func(p float64) float64 { return ms[int(p*float64(len(ms)-1))] }
	return latencies{at(0.50), at(0.99)}
}

// timeHTTP runs q over the windows once untimed (to warm caches, as the
// benchmarks do) and once timing each.
func (b *bench) timeHTTP(q func(from, to string) (int, error)) (latencies, error) {
	for _, w := range b.windows {
		if _, err := q(w[0], w[1]); err != nil {
			return latencies{}, err
		}
	}
	ms := make([]float64, 0, len(b.windows))
	for _, w := range b.windows {
		t := time.Now()
		if _, err := q(w[0], w[1]); err != nil {
			return latencies{}, err
		}
		ms = append(ms, float64(time.Since(t).Microseconds())/1000)
	}
	return percentiles(ms), nil
}

// startServe runs `eventgraph serve` on the store, on a free loopback
// port, in the environment of this process (GOGC, GOMEMLIMIT apply), and
// waits for /healthz.
func (b *bench) startServe(ctx context.Context) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := l.Addr().String()
	l.Close()
	b.serve = exec.Command(b.eventgraph, "serve", "--db", b.egDB, "--addr", addr)
	b.serve.Stdout, b.serve.Stderr = io.Discard, os.Stderr
	if err := b.serve.Start(); err != nil {
		return fmt.Errorf("eventgraph serve: %w", err)
	}
	b.base = "http://" + addr
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get(b.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("eventgraph serve did not answer /healthz: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (b *bench) stopServe() error {
	if b.serve == nil {
		return nil
	}
	_ = b.serve.Process.Signal(os.Interrupt)
	err := b.serve.Wait()
	b.serve = nil
	if err != nil {
		return fmt.Errorf("eventgraph serve: %w", err)
	}
	return nil
}

func (b *bench) stopAll() {
	if b.serve != nil {
		_ = b.serve.Process.Kill()
		_ = b.serve.Wait()
		b.serve = nil
	}
	if b.pg != nil {
		if err := b.pg.stop(); err != nil {
			log.Printf("stopping PostgreSQL: %v", err)
		}
		b.pg = nil
	}
}

// currentRSS is a process's resident memory now, in KiB.
func currentRSS(pid int) int64 {
	st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(st), "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == "VmRSS:" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	return 0
}

// ---- dump ----

// dump times \copy of every table to CSV (without the article texts, which
// eventgraph's exports leave out too) beside `eventgraph export` to CSV and
// GEXF, each in a subprocess whose peak memory is sampled.
func (b *bench) dump(ctx context.Context) error {
	dir := filepath.Join(b.tmp, "dump")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	var egCSV, egGEXF float64
	var egCSVSize, egGEXFSize int64
	var eg []string
	for _, format := range []string{"csv", "gexf"} {
		out := filepath.Join(dir, "graph-"+format)
		if format == "gexf" {
			out += ".gexf"
		}
		log.Printf("dump: eventgraph export --format %s", format)
		cmd := exec.CommandContext(ctx, b.eventgraph, "export", "--db", b.egDB, "--format", format, "--out", out)
		var msg bytes.Buffer
		cmd.Stdout, cmd.Stderr = &msg, &msg
		t := time.Now()
		if err := cmd.Start(); err != nil {
			return err
		}
		done := make(chan struct{})
		peaks := make(chan procmem.Peaks, 1)
		go func() { peaks <- procmem.Sample(cmd.Process.Pid, done) }()
		err := cmd.Wait()
		sec := time.Since(t).Seconds()
		close(done)
		pk := <-peaks
		if err != nil {
			return fmt.Errorf("export %s: %v\n%s", format, err, msg.Bytes())
		}
		size := dirSize(dir, filepath.Base(out))
		eg = append(eg, fmt.Sprintf("%s %.1f s (%.0f MiB, peak RSS %.0f MiB)", strings.ToUpper(format), sec, float64(size)/(1<<20), float64(pk.HWM)/1024))
		if format == "csv" {
			egCSV, egCSVSize = sec, size
		} else {
			egGEXF, egGEXFSize = sec, size
		}
	}
	peer, ratio := "", ""
	if b.pg != nil {
		var script strings.Builder
		for _, t := range []struct{ name, sel string }{
			{"events", "events"}, {"actors", "actors"}, {"places", "places"},
			{"articles", "(SELECT id, title, url, published FROM articles)"},
		} {
			fmt.Fprintf(&script, "\\copy %s TO '%s' (FORMAT csv, HEADER)\n", t.sel, filepath.Join(dir, "pg-"+t.name+".csv"))
		}
		log.Print("dump: PostgreSQL \\copy to CSV")
		t := time.Now()
		if _, err := b.pg.psql(ctx, script.String()); err != nil {
			return err
		}
		sec := time.Since(t).Seconds()
		size := dirSize(dir, "pg-")
		peer = fmt.Sprintf("`\\copy` to CSV %.1f s (%.0f MiB)", sec, float64(size)/(1<<20))
		ratio = fmt.Sprintf("%s (CSV); per byte written: %s (CSV), %s (GEXF)", faster(sec, egCSV, "PG"),
			faster(sec/float64(size), egCSV/float64(egCSVSize), "PG"), faster(sec/float64(size), egGEXF/float64(egGEXFSize), "PG"))
	}
	b.add(row{"dump every event", peer, strings.Join(eg, ", "), ratio})
	return nil
}

// dirSize sums the sizes of the files in dir whose names start with prefix.
func dirSize(dir, prefix string) int64 {
	var n int64
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasPrefix(e.Name(), prefix) {
			if fi, err := e.Info(); err == nil {
				n += fi.Size()
			}
		}
	}
	return n
}

// ---- PostgreSQL ----

// postgres is a throw-away cluster started by pg.sh.
type postgres struct {
	script, dir string
	port        int
	psqlBin     string
	pgbench     string
}

func startPostgres(ctx context.Context, scriptDir, tmp string) (*postgres, error) {
	psql, err := exec.LookPath("psql")
	if err != nil {
		return nil, errors.New("psql is not installed (Debian: postgresql)")
	}
	pgbench, err := exec.LookPath("pgbench")
	if err != nil {
		return nil, errors.New("pgbench is not installed (Debian: postgresql)")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	dir := filepath.Join(tmp, "pg")
	if err := os.Mkdir(dir, 0o700); err != nil {
		return nil, err
	}
	pg := &postgres{script: filepath.Join(scriptDir, "pg.sh"), dir: dir, port: port, psqlBin: psql, pgbench: pgbench}
	cmd := exec.CommandContext(ctx, "sh", pg.script, "start", dir, strconv.Itoa(port))
	var msg bytes.Buffer
	cmd.Stdout, cmd.Stderr = &msg, &msg
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 3 {
			return nil, errors.New("no PostgreSQL server binaries (Debian: postgresql)")
		}
		return nil, fmt.Errorf("pg.sh start: %v: %s", err, msg.Bytes())
	}
	out, err := pg.psql(ctx, "SHOW server_version")
	if err != nil {
		_ = pg.stop()
		return nil, err
	}
	log.Printf("PostgreSQL %s on 127.0.0.1:%d", strings.TrimSpace(out), port)
	return pg, nil
}

func (pg *postgres) stop() error {
	out, err := exec.Command("sh", pg.script, "stop", pg.dir).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg.sh stop: %v: %s", err, out)
	}
	return nil
}

func (pg *postgres) conn() []string {
	return []string{"-h", "127.0.0.1", "-p", strconv.Itoa(pg.port), "-U", "bench", "-d", "postgres"}
}

// psql runs script (SQL and psql commands) and returns its unaligned,
// tuples-only output.
func (pg *postgres) psql(ctx context.Context, script string) (string, error) {
	cmd := exec.CommandContext(ctx, pg.psqlBin, append(pg.conn(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", "-")...)
	cmd.Stdin = strings.NewReader(script)
	var out, msg bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &msg
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("psql: %v: %s", err, msg.Bytes())
	}
	return out.String(), nil
}

// bench runs script n times with pgbench on one connection, once untimed
// and once logging each transaction's latency, and returns the p50/p99.
func (pg *postgres) bench(ctx context.Context, tmp, name, script string, n int) (latencies, error) {
	f := filepath.Join(tmp, "pgbench-"+name+".sql")
	if err := os.WriteFile(f, []byte(script), 0o644); err != nil {
		return latencies{}, err
	}
	logDir := filepath.Join(tmp, "pgbench-"+name)
	if err := os.MkdirAll(logDir, 0o755); err != nil {
		return latencies{}, err
	}
	for _, logged := range []bool{false, true} {
		args := append(pg.conn(), "-n", "-c", "1", "-j", "1", "-t", strconv.Itoa(n), "-f", f, "--random-seed", "2")
		if logged {
			args = append(args, "-l", "--log-prefix", filepath.Join(logDir, "tx"))
		}
		cmd := exec.CommandContext(ctx, pg.pgbench, args...)
		cmd.Dir = logDir
		var msg bytes.Buffer
		cmd.Stdout, cmd.Stderr = &msg, &msg
		if err := cmd.Run(); err != nil {
			return latencies{}, fmt.Errorf("pgbench: %v: %s", err, msg.Bytes())
		}
	}
	logs, _ := filepath.Glob(filepath.Join(logDir, "tx.*"))
	var ms []float64
	for _, l := range logs {
		data, err := os.ReadFile(l)
		if err != nil {
			return latencies{}, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			// client_id transaction_no time script_no time_epoch time_us
			if f := strings.Fields(line); len(f) >= 3 {
				us, err := strconv.ParseFloat(f[2], 64)
				if err == nil {
					ms = append(ms, us/1000)
				}
			}
		}
	}
	if len(ms) != n {
		return latencies{}, fmt.Errorf("pgbench logged %d transactions, %d run", len(ms), n)
	}
	return percentiles(ms), nil
}

// ---- formatting ----

func rate(perSec float64) string {
	switch {
	case perSec >= 1e6:
		return fmt.Sprintf("%.2f M", perSec/1e6)
	case perSec >= 1e3:
		return fmt.Sprintf("%.1f k", perSec/1e3)
	}
	return fmt.Sprintf("%.0f", perSec)
}

// count writes n with thin separators of thousands (100,000).
func count(n int) string {
	s := strconv.Itoa(n)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

func short(err error) string {
	s := err.Error()
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return s
}
