package graph

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// A process that ends right after CloseWithin, before Badger's close is
// done, leaves a store that opens again with every article written
// before, and nothing else: whether the close never ran (held as a long
// compaction holds it) or ran while the process ended (a memtable flush
// and compactions of its small memtables under way). CloseWithin answers
// ErrCloseLeft when the close is still running after its wait.
func TestCloseWithin(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	corpus := mergeCorpus(closeCorpus, 5)
	ref := openMergeStore(t, true)
	load(t, ref, corpus, false)
	want := dumpOf(t, ref)
	for _, mode := range []string{"held", "running", "running"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestCloseWithinChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "EVENTGRAPH_CLOSE_DIR="+dir, "EVENTGRAPH_CLOSE_MODE="+mode)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			said := string(out)
			switch {
			case mode == "held" && !strings.Contains(said, "close: "+ErrCloseLeft.Error()):
				t.Fatalf("CloseWithin with its close held: %s, want ErrCloseLeft", said)
			case !strings.Contains(said, "close: "):
				t.Fatalf("child: %s", said)
			}
			s, err := openSmall(t, dir, false)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Check(); err != nil {
				t.Error(err)
			}
			sameDumps(t, dumpOf(t, s), want)
		})
	}
}

// TestCloseWithinChild is TestCloseWithin's process: it loads the corpus
// into EVENTGRAPH_CLOSE_DIR with small memtables, closes it with
// CloseWithin (its close held forever, or let run with no wait) and
// exits at once, as eventgraph load does after a signal.
func TestCloseWithinChild(t *testing.T) {
	dir := os.Getenv("EVENTGRAPH_CLOSE_DIR")
	if dir == "" {
		t.Skip("the child of TestCloseWithin")
	}
	mode := os.Getenv("EVENTGRAPH_CLOSE_MODE")
	var s *Store
	var err error
	if mode == "large" {
		s, err = Open(DefaultOptions(dir).WithMemTableSize(4 << 20))
	} else {
		s, err = openSmall(t, dir, false)
	}
	if err != nil {
		t.Fatal(err)
	}
	if mode == "large" {
		// 3 MiB in the memtable, more than a 1 MiB memtable's arena holds
		for i := 0; i < 96; i++ {
			err := s.db.Update(func(txn *badger.Txn) error {
				return txn.Set([]byte(fmt.Sprintf("test|large|%03d", i)), bytes.Repeat([]byte{'x'}, 32<<10))
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	} else {
		load(t, s, mergeCorpus(closeCorpus, 5), false)
	}
	wait := time.Duration(0)
	if mode != "running" {
		closeHook = func() { select {} }
		wait = 20 * time.Millisecond
	}
	err = s.CloseWithin(wait)
	if err != nil && !errors.Is(err, ErrCloseLeft) {
		fmt.Printf("close failed: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("close: %v\n", err)
	os.Exit(0)
}

// closeCorpus is how many articles TestCloseWithin writes: enough for
// several memtables of openSmall's, so that tables are flushed and
// compacted while the child ends.
const closeCorpus = 1000

// A store opened with smaller memtables than those of the memtable log a
// stopped close (or a kill) left, such as a load's after a server's, opens
// and reads what the log holds (Badger replays a log into a memtable of
// the open's size and panics when it overflows).
func TestOpenSmallerMemTable(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCloseWithinChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "EVENTGRAPH_CLOSE_DIR="+dir, "EVENTGRAPH_CLOSE_MODE=large")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "close: "+ErrCloseLeft.Error()) {
		t.Fatalf("child: %v\n%s", err, out)
	}
	s, err := openSmall(t, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.db.View(func(txn *badger.Txn) error {
		for i := 0; i < 96; i++ {
			if _, err := txn.Get([]byte(fmt.Sprintf("test|large|%03d", i))); err != nil {
				return fmt.Errorf("key %d: %w", i, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}
