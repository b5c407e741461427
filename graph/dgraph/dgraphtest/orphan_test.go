package dgraphtest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// envOrphan tells the test binary, run again by TestNoOrphans, to start a
// dgraph process and die in the way it names.
const envOrphan = "DGRAPHTEST_ORPHAN"

// TestNoOrphans (issue 16): a test binary that dies while its dgraph
// processes run (a -timeout panic, a test's panic with no cleanup
// registered, a SIGKILL) takes them with it: the test binary is run again
// to start a dgraph zero through the harness, print its process ID and
// die, and the zero must be gone within seconds.
func TestNoOrphans(t *testing.T) {
	Binary(t)
	for _, how := range []string{"timeout", "panic", "sigkill"} {
		t.Run(how, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestOrphanHelper$", "-test.timeout=3s", "-test.count=1")
			cmd.Env = append(os.Environ(), envOrphan+"="+how, "DGRAPHTEST_ORPHAN_DIR="+t.TempDir())
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			pid := 0
			sc := bufio.NewScanner(out)
			var seen []string
			for sc.Scan() {
				seen = append(seen, sc.Text())
				if v, ok := strings.CutPrefix(sc.Text(), "dgraph pid "); ok {
					pid, _ = strconv.Atoi(v)
					break
				}
			}
			if pid == 0 {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				t.Fatalf("the helper printed no dgraph pid: %q %s", seen, stderr.String())
			}
			if !alive(pid) {
				t.Fatalf("dgraph %d is not running before its test binary dies", pid)
			}
			if how == "sigkill" {
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
			}
			go func() { _, _ = bufio.NewReader(out).WriteTo(&bytes.Buffer{}) }()
			err = cmd.Wait()
			if err == nil {
				t.Fatalf("the helper test binary passed; it should have died (%s): %s", how, stderr.String())
			}
			want := map[string]string{"timeout": "test timed out", "panic": "panic: dgraphtest orphan helper"}[how]
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("the helper died otherwise than by %s (%v): %.2000s", how, err, stderr.String())
			}
			deadline := time.Now().Add(10 * time.Second)
			for alive(pid) {
				if time.Now().After(deadline) {
					_ = syscall.Kill(pid, syscall.SIGKILL)
					t.Fatalf("dgraph %d still runs 10 s after its test binary died (%s)", pid, how)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}

// alive tells whether the process runs (a zombie, dead and not yet
// reaped, does not).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return syscall.Kill(pid, 0) == nil
	}
	// pid (comm) state …: the state follows the last ')'
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// TestOrphanHelper is TestNoOrphans's test binary run again: it starts a
// dgraph zero as the harness starts every dgraph process, prints its
// process ID and dies as envOrphan says. Run otherwise, it is skipped.
func TestOrphanHelper(t *testing.T) {
	how := os.Getenv(envOrphan)
	if how == "" {
		t.Skip("run by TestNoOrphans")
	}
	c := &Cluster{bin: Binary(t), dir: os.Getenv("DGRAPHTEST_ORPHAN_DIR")}
	off, err := freeOffset(nil, 5080, 6080)
	if err != nil {
		t.Fatal(err)
	}
	addr := "127.0.0.1:" + strconv.Itoa(5080+off)
	p, err := c.run("zero", "zero", "--my", addr, "--port_offset", strconv.Itoa(off),
		"--wal", c.dir+"/zw", "--bindall=false", "--telemetry", "reports=false; sentry=false;")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("dgraph pid %d\n", p.cmd.Process.Pid)
	switch how {
	case "panic":
		panic("dgraphtest orphan helper")
	default: // the -timeout panic, or the SIGKILL, ends it
		select {}
	}
}
