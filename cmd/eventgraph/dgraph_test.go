package main

import (
	"testing"

	"eventgraph/graph/dgraph/dgraphtest"
)

// TestDgraphCommands: the seeds loaded with `load --db dgraph://…` answer
// the README's queries, the timeline and the JSON Lines export with the
// same bytes as the embedded store (the cluster is a throwaway one; the
// test is skipped without bin/dgraph, and fails without it in CI).
func TestDgraphCommands(t *testing.T) {
	c := dgraphtest.Start(t)
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
}
