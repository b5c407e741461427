package extract

import (
	"fmt"
	"os"
	"testing"

	"eventgraph/loader/read"
)

func TestZZProbe(t *testing.T) {
	b, err := os.ReadFile("/tmp/probe.txt")
	if err != nil {
		t.Skip()
	}
	f := Article(read.Document{Title: "Probe", Published: "2024-03-15", Text: "Probe\n\n" + string(b), File: "p.txt"})
	names := map[string]string{}
	for _, a := range f.Actors {
		names[a.ID] = a.Name
	}
	for _, e := range f.Events {
		var ps []string
		for _, p := range e.Participants {
			ps = append(ps, p.Role+":"+names[p.ActorID])
		}
		fmt.Printf("%s %s %s | %s | %v | %.60s\n", e.CAMEO, e.Date.Start, e.Date.End, e.Title, ps, e.Evidence[0].Sentence)
	}
	for _, g := range f.Agreements {
		var ps []string
		for _, id := range g.Parties {
			ps = append(ps, names[id])
		}
		fmt.Printf("AGREEMENT %s %s %v\n", g.Kind, g.Date.Value, ps)
	}
	for _, a := range f.Actors {
		fmt.Printf("ACTOR %s %s %s\n", a.Kind, a.Name, a.Country)
	}
}
