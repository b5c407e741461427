// Package dgraphtest starts a throwaway Dgraph cluster (one zero, one
// alpha; or one zero and a group of three replicated alphas, which a test
// may kill and restart) for tests: the bin/dgraph that `make dgraph` builds from the Go
// module proxy (tools/dgraph), on free loopback ports, with its data in the
// test's temporary folder, stopped when the test ends.
//
// Without the binary the test is skipped with a message saying how to build
// it, except in CI (CI=true), where it fails: CI builds Dgraph first
// (.ci/run), so a missing binary there is a broken build, not a choice.
package dgraphtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// EnvBinary names an environment variable that overrides the path of the
// dgraph binary (default: bin/dgraph at the module's root).
const EnvBinary = "EVENTGRAPH_DGRAPH"

// readyTimeout bounds the wait for a started cluster to answer.
const readyTimeout = 3 * time.Minute

// Binary returns the path of the dgraph binary, or skips the test (fails it
// when CI=true) when there is none. With -short the test is skipped: a
// cluster takes seconds to start.
func Binary(tb testing.TB) string {
	tb.Helper()
	path := os.Getenv(EnvBinary)
	if path == "" {
		root, err := moduleRoot()
		if err != nil {
			tb.Fatalf("dgraphtest: %v", err)
		}
		path = filepath.Join(root, "bin", "dgraph")
	}
	if _, err := os.Stat(path); err != nil {
		msg := fmt.Sprintf("no Dgraph binary at %s: build it with `make dgraph` (about 3 minutes, from the Go module proxy) to run the Dgraph tests", path)
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s (CI=true: the Dgraph tests must run in CI)", msg)
		}
		tb.Skip(msg)
	}
	if testing.Short() {
		tb.Skip("Dgraph tests start a cluster: skipped with -short")
	}
	return path
}

// moduleRoot is the folder of the go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = up
	}
}

// Cluster is one running zero and its alphas (one, or a replicated group
// of three with StartReplicated).
type Cluster struct {
	bin  string
	dir  string
	zero int // port offset of the zero
	off  int // port offset of the first alpha
	// GRPC is the first alpha's gRPC address (host:port), for dgo and
	// dgraph live.
	GRPC string
	// HTTP is the first alpha's HTTP base URL (http://host:port), for
	// /query, /mutate, /alter and /admin.
	HTTP string
	// ZeroGRPC is the zero's gRPC address.
	ZeroGRPC string
	// ZeroHTTP is the zero's HTTP base URL (/state).
	ZeroHTTP string
	// Alphas are every alpha, the first one included.
	Alphas []*Alpha
	procs  []*proc
}

// Alpha is one alpha of a cluster.
type Alpha struct {
	// Name names its log (DIR/Name.log) and its folders.
	Name string
	// GRPC is its gRPC address (host:port).
	GRPC string
	// HTTP is its HTTP base URL.
	HTTP string
	// Internal is its Raft address (host:port), as the zero's /state
	// names it.
	Internal string
	args     []string
	proc     *proc
}

// proc is one running dgraph process; done closes when it has exited.
type proc struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Start starts a zero and an alpha on free loopback ports (binding only
// 127.0.0.1, telemetry off, the admin whitelist 127.0.0.1), waits until
// the alpha's /admin answers that it is healthy, and stops both when the
// test ends. A cluster takes seconds to start (two Raft elections of 2 to
// 4 s each): tests that need an empty cluster of their own, no more, take
// Shared instead.
func Start(tb testing.TB) *Cluster {
	tb.Helper()
	return start(tb, 1)
}

// StartReplicated starts a zero with --replicas 3 and three alphas, which
// form one group of three replicas (each holds every predicate; writes
// need two of them), waits until every alpha's /admin answers healthy, and
// stops them when the test ends.
func StartReplicated(tb testing.TB) *Cluster {
	tb.Helper()
	return start(tb, 3)
}

// start starts a zero with --replicas n and n alphas, in the test's
// temporary folder, stopped when the test ends.
func start(tb testing.TB, n int) *Cluster {
	tb.Helper()
	c := &Cluster{bin: Binary(tb), dir: tb.TempDir()}
	tb.Cleanup(func() { c.Stop(tb) })
	if err := c.launch(n); err != nil {
		c.dumpLogs(tb)
		tb.Fatalf("dgraphtest: %v", err)
	}
	return c
}

// launch starts the zero and n alphas, one at a time, each waited for.
func (c *Cluster) launch(n int) error {
	var err error
	// zero: gRPC 5080+o, HTTP 6080+o; alpha: internal 7080+o, HTTP 8080+o, gRPC 9080+o
	if c.zero, err = freeOffset(nil, 5080, 6080); err != nil {
		return err
	}
	taken := map[int]bool{5080 + c.zero: true, 6080 + c.zero: true}
	c.ZeroGRPC = "127.0.0.1:" + strconv.Itoa(5080+c.zero)
	c.ZeroHTTP = "http://127.0.0.1:" + strconv.Itoa(6080+c.zero)
	z, err := c.run("zero", "zero", "--my", c.ZeroGRPC, "--port_offset", strconv.Itoa(c.zero),
		"--replicas", strconv.Itoa(n),
		"--wal", filepath.Join(c.dir, "zw"), "--bindall=false", "--telemetry", "reports=false; sentry=false;")
	if err != nil {
		return err
	}
	c.procs = append(c.procs, z)
	for i := 0; i < n; i++ {
		off, err := freeOffset(taken, 7080, 8080, 9080)
		if err != nil {
			return err
		}
		for _, b := range []int{7080, 8080, 9080} {
			taken[b+off] = true
		}
		name := "alpha"
		if i > 0 {
			name += strconv.Itoa(i)
		}
		a := &Alpha{Name: name,
			GRPC:     "127.0.0.1:" + strconv.Itoa(9080+off),
			HTTP:     "http://127.0.0.1:" + strconv.Itoa(8080+off),
			Internal: "127.0.0.1:" + strconv.Itoa(7080+off)}
		sub := name // the first alpha keeps the folders it always had
		if i == 0 {
			sub = ""
			c.off = off
			c.GRPC, c.HTTP = a.GRPC, a.HTTP
		}
		a.args = []string{"alpha", "--my", a.Internal, "--zero", c.ZeroGRPC,
			"--port_offset", strconv.Itoa(off), "--postings", filepath.Join(c.dir, sub, "p"), "--wal", filepath.Join(c.dir, sub, "w"),
			"--tmp", filepath.Join(c.dir, sub, "t"), "--bindall=false", "--telemetry", "reports=false; sentry=false;",
			"--security", "whitelist=127.0.0.1;", "--cache", "size-mb=256;"}
		if a.proc, err = c.run(name, a.args...); err != nil {
			return err
		}
		c.procs = append(c.procs, a.proc)
		c.Alphas = append(c.Alphas, a)
		// one at a time: the first becomes the group's leader before the
		// others join it
		if err := c.waitAdmin(a.HTTP); err != nil {
			return err
		}
	}
	return nil
}

// the test binary's shared cluster (Shared, Main)
var shared struct {
	mu   sync.Mutex // held by the test that has the cluster
	main bool       // Main runs the tests
	c    *Cluster
	err  error // the failed start, not tried again
}

// Shared returns the test binary's one cluster (a zero and an alpha),
// started by the first test that asks for it and stopped by Main, emptied
// for each test that takes it (drop_all: no data, no schema, no types, as
// a new cluster), so that a test binary waits for one cluster's start and
// not one a test. The tests that take it run one at a time: Shared waits
// until the test that has it ends. The package's TestMain must call Main.
func Shared(tb testing.TB) *Cluster {
	tb.Helper()
	bin := Binary(tb)
	if !shared.main {
		tb.Fatal("dgraphtest: Shared needs the package's TestMain to call dgraphtest.Main(m), which stops the cluster")
	}
	shared.mu.Lock()
	tb.Cleanup(shared.mu.Unlock)
	if shared.c == nil && shared.err == nil {
		c := &Cluster{bin: bin}
		if c.dir, shared.err = os.MkdirTemp("", "dgraphtest-"); shared.err == nil {
			shared.c = c // stopped by Main even when it failed to start
			shared.err = c.launch(1)
		}
		if shared.err != nil {
			c.dumpLogs(tb)
		}
	}
	if shared.err != nil {
		tb.Fatalf("dgraphtest: the shared cluster did not start: %v", shared.err)
	}
	c := shared.c
	for _, p := range c.procs {
		if p.exited() {
			c.dumpLogs(tb)
			tb.Fatalf("dgraphtest: the shared cluster's %s has exited", p.name)
		}
	}
	if _, err := c.post("/alter", "application/json", `{"drop_all": true}`); err != nil {
		tb.Fatalf("dgraphtest: empty the shared cluster: %v", err)
	}
	tb.Cleanup(func() {
		if tb.Failed() {
			c.dumpLogs(tb)
		}
	})
	return c
}

// Main runs the tests (m.Run), stops the shared cluster if a test started
// it, removes its folder and exits with the tests' code; a package whose
// tests take Shared calls it from TestMain. If the test binary dies
// instead (a panic, -timeout, a signal), its dgraph processes are killed
// with it all the same (see run).
func Main(m *testing.M) {
	shared.main = true
	code := m.Run()
	shared.mu.Lock()
	if c := shared.c; c != nil {
		c.stop()
		_ = os.RemoveAll(c.dir)
	}
	os.Exit(code)
}

// Kill SIGKILLs the alpha (no shutdown: what a lost machine does) and
// waits until it has exited.
func (c *Cluster) Kill(tb testing.TB, a *Alpha) {
	tb.Helper()
	if err := a.proc.cmd.Process.Kill(); err != nil && !a.proc.exited() {
		tb.Fatalf("dgraphtest: kill %s: %v", a.Name, err)
	}
	<-a.proc.done
}

// Restart starts a killed alpha again with its folders and ports and
// waits until its /admin answers healthy.
func (c *Cluster) Restart(tb testing.TB, a *Alpha) {
	tb.Helper()
	if !a.proc.exited() {
		tb.Fatalf("dgraphtest: restart %s: still running", a.Name)
	}
	p, err := c.run(a.Name, a.args...)
	if err != nil {
		tb.Fatalf("dgraphtest: restart: %v", err)
	}
	for i, q := range c.procs {
		if q == a.proc {
			c.procs[i] = p
		}
	}
	a.proc = p
	if err := c.waitAdmin(a.HTTP); err != nil {
		c.dumpLogs(tb)
		tb.Fatalf("dgraphtest: restart: %v", err)
	}
}

// Leader returns the alpha that leads group 1, as the zero's /state
// says, or nil when none does (an election under way).
func (c *Cluster) Leader(tb testing.TB) *Alpha {
	tb.Helper()
	resp, err := http.Get(c.ZeroHTTP + "/state")
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	var st struct {
		Groups map[string]struct {
			Members map[string]struct {
				Addr   string `json:"addr"`
				Leader bool   `json:"leader"`
			} `json:"members"`
		} `json:"groups"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return nil
	}
	for _, m := range st.Groups["1"].Members {
		if !m.Leader {
			continue
		}
		for _, a := range c.Alphas {
			if a.Internal == m.Addr {
				return a
			}
		}
	}
	return nil
}

// run starts dgraph with args, its output appended to DIR/name.log.
func (c *Cluster) run(name string, args ...string) (*proc, error) {
	log, err := os.OpenFile(filepath.Join(c.dir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(c.bin, args...)
	cmd.Dir = c.dir
	cmd.Stdout, cmd.Stderr = log, log
	if err := StartChild(cmd); err != nil {
		log.Close()
		return nil, fmt.Errorf("start dgraph %s: %w", name, err)
	}
	p := &proc{name: name, cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		log.Close()
		close(p.done)
	}()
	return p, nil
}

// spawn is the channel of the goroutine that starts every dgraph process
// (StartChild).
var (
	spawnOnce sync.Once
	spawn     chan spawnJob
)

type spawnJob struct {
	cmd *exec.Cmd
	err chan error
}

// StartChild starts cmd in a process group of its own (a Ctrl-C at the
// terminal reaches the test binary, not dgraph) which the kernel SIGKILLs
// when the test binary dies, however it dies: the end of a test's cleanup
// is not enough, since a -timeout panic or a SIGKILL runs none (issue 16).
// The death signal is tied to the thread that forked the child, not the
// process, and the Go runtime may end threads; so every child is started
// from one goroutine locked to its thread for the life of the binary.
func StartChild(cmd *exec.Cmd) error {
	spawnOnce.Do(func() {
		spawn = make(chan spawnJob)
		go func() {
			runtime.LockOSThread() // never unlocked: the thread lives as long as the binary
			for j := range spawn {
				j.err <- j.cmd.Start()
			}
		}()
	})
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	j := spawnJob{cmd: cmd, err: make(chan error, 1)}
	spawn <- j
	return <-j.err
}

// Stop stops the alphas, then the zero: SIGTERM, then SIGKILL after 20 s.
// Start registers it with the test's cleanup; calling it twice is harmless.
func (c *Cluster) Stop(tb testing.TB) {
	c.stop()
	if tb.Failed() {
		c.dumpLogs(tb)
	}
}

func (c *Cluster) stop() {
	for i := len(c.procs) - 1; i >= 0; i-- {
		p := c.procs[i]
		if p.exited() {
			continue
		}
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(20 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	}
	c.procs = nil
}

// dumpLogs writes the end of the zero's and alphas' logs to the test log.
func (c *Cluster) dumpLogs(tb testing.TB) {
	names := []string{"zero"}
	for _, a := range c.Alphas {
		names = append(names, a.Name)
	}
	if len(c.Alphas) == 0 {
		names = append(names, "alpha")
	}
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(c.dir, name+".log"))
		if err != nil {
			continue
		}
		if len(b) > 4000 {
			b = b[len(b)-4000:]
		}
		tb.Logf("dgraph %s log (end):\n%s", name, b)
	}
}

// freeOffset returns a port offset o such that every base+o is free on the
// loopback and not taken.
func freeOffset(taken map[int]bool, bases ...int) (int, error) {
	for try := 0; try < 200; try++ {
		o := 1000 + rand.IntN(50000)
		ok := true
		for _, b := range bases {
			if b+o > 65535 || taken[b+o] || !portFree(b+o) {
				ok = false
				break
			}
		}
		if ok {
			return o, nil
		}
	}
	return 0, errors.New("no free port offset")
}

func portFree(port int) bool {
	l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// FreeAddr returns a free loopback address (for dgraph live's own HTTP
// server).
func FreeAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("dgraphtest: %v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

// waitAdmin waits until the /admin of the alpha at base answers the health
// query with the alpha healthy: /health answers earlier, before the alpha
// serves queries.
func (c *Cluster) waitAdmin(base string) error {
	deadline := time.Now().Add(readyTimeout)
	var last string
	for time.Now().Before(deadline) {
		for _, p := range c.procs {
			if p.exited() {
				return fmt.Errorf("dgraph %s exited while starting", p.name)
			}
		}
		b, err := postTo(base, "/admin", "application/json", `{"query":"{ health { instance status } }"}`)
		if err == nil {
			var r struct {
				Data struct {
					Health []struct{ Instance, Status string }
				}
				Errors []struct{ Message string }
			}
			if err = json.Unmarshal(b, &r); err == nil {
				for _, h := range r.Data.Health {
					if h.Instance == "alpha" && h.Status == "healthy" && len(r.Errors) == 0 {
						return nil
					}
				}
				last = string(b)
			}
		}
		if err != nil {
			last = err.Error()
		}
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("the alpha's /admin at %s was not ready after %s: %.300s", base, readyTimeout, last)
}

// post sends body to the first alpha's HTTP path and returns the response
// body; a status other than 200 is an error.
func (c *Cluster) post(path, contentType, body string) ([]byte, error) {
	return postTo(c.HTTP, path, contentType, body)
}

// postTo sends body to the HTTP path of the alpha at base.
func postTo(base, path, contentType, body string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return b, fmt.Errorf("POST %s: %s: %.300s", path, resp.Status, b)
	}
	return b, nil
}

// Query runs a DQL query over HTTP (/query) on the first alpha and returns
// its "data" object; an answer with errors fails the test.
func (c *Cluster) Query(tb testing.TB, dql string) json.RawMessage {
	tb.Helper()
	data, err := QueryAt(c.HTTP, dql)
	if err != nil {
		tb.Fatalf("dgraphtest: %v", err)
	}
	return data
}

// QueryAt runs a DQL query over HTTP (/query) on the alpha at base (an
// Alpha's HTTP) and returns its "data" object, or the error it answered.
func QueryAt(base, dql string) (json.RawMessage, error) {
	b, err := postTo(base, "/query", "application/dql", dql)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("query answer: %w: %.300s", err, b)
	}
	if len(r.Errors) > 0 {
		return nil, fmt.Errorf("query %q: %s", dql, r.Errors[0].Message)
	}
	return r.Data, nil
}

// Live loads N-Quads and their schema with dgraph live, upserting on the
// predicate upsert ("" for none), and returns its output.
func (c *Cluster) Live(tb testing.TB, rdf, schema, upsert string) string {
	tb.Helper()
	tmp := filepath.Join(tb.TempDir(), "live")
	args := []string{"live", "--files", rdf, "--schema", schema, "--alpha", c.GRPC,
		"--http", FreeAddr(tb), "--tmp", tmp}
	if upsert != "" {
		args = append(args, "--upsertPredicate", upsert)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.bin, args...)
	cmd.Dir = filepath.Dir(tmp)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := StartChild(cmd)
	if err == nil {
		err = cmd.Wait()
	}
	if err != nil {
		tb.Fatalf("dgraphtest: dgraph live: %v\n%s", err, tail(out.String(), 4000))
	}
	return out.String()
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// Pid is the alpha's process ID, 0 when it is not running.
func (a *Alpha) Pid() int {
	if a.proc == nil || a.proc.exited() {
		return 0
	}
	return a.proc.cmd.Process.Pid
}
