package graph

import (
	"context"
	"errors"
	"testing"
	"time"
)

// manyEvents stores one article with n events three days apart (so none
// merge), enough for scans that check their context every checkEvery keys.
func manyEvents(t *testing.T, n int) *Store {
	t.Helper()
	s := memStore(t)
	day0 := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	var dates []string
	for i := range n {
		dates = append(dates, day0.AddDate(0, 0, 3*i).Format("2006-01-02"))
	}
	f := fixture("Harbour report", dates...)
	f.Agreements = []Agreement{{ID: NewID("agreement", f.Article.ID), Name: "harbour accord", Date: span(dates[0], dates[0], Day),
		Signatories: []string{f.Actors[0].ID}}}
	if _, err := s.PutFacts(f); err != nil {
		t.Fatal(err)
	}
	return s
}

// Every long read of a Reader made by ViewContext stops with an error
// wrapping ctx.Err() once the context is done, while the same read in a
// live context succeeds.
func TestScansHonourContext(t *testing.T) {
	s := manyEvents(t, 3*checkEvery)
	var articleID string
	if err := s.view(func(r *Reader) error {
		p, err := r.Articles(1, "")
		if err == nil && len(p.Edges) == 1 {
			articleID = p.Edges[0].Article.ID
		}
		return err
	}); err != nil || articleID == "" {
		t.Fatalf("article: %q %v", articleID, err)
	}
	scans := []struct {
		name string
		read func(r *Reader) error
	}{
		{"events text filter", func(r *Reader) error { _, err := r.Events(EventFilter{Text: "no such words"}, 10, ""); return err }},
		{"events date range", func(r *Reader) error {
			_, err := r.Events(EventFilter{From: "2021-01-01", To: "2030-01-01", Desc: true}, 10, "")
			return err
		}},
		{"events of an actor", func(r *Reader) error {
			_, err := r.Events(EventFilter{ActorIDs: []string{ActorID("Abdul Amir al-Shammari")}}, 10, "")
			return err
		}},
		{"ForEachEvent", func(r *Reader) error { return r.ForEachEvent(func(Event) error { return nil }) }},
		{"ForEachEventOfArticle", func(r *Reader) error {
			return r.ForEachEventOfArticle(articleID, func(Event) error { return nil })
		}},
		{"ForEachActor", func(r *Reader) error { return r.ForEachActor(func(Actor) error { return nil }) }},
		{"ForEachAgreement", func(r *Reader) error { return r.ForEachAgreement(func(Agreement) error { return nil }) }},
		{"ForEachArticle", func(r *Reader) error { return r.ForEachArticle(func(Article) error { return nil }) }},
		{"Actors", func(r *Reader) error { _, err := r.Actors(ActorFilter{}, 10, ""); return err }},
		{"Agreements", func(r *Reader) error { _, err := r.Agreements(AgreementFilter{}); return err }},
		{"Articles", func(r *Reader) error { _, err := r.Articles(10, ""); return err }},
		{"Stats", func(r *Reader) error { _, err := r.Stats(); return err }},
	}
	for _, sc := range scans {
		t.Run(sc.name, func(t *testing.T) {
			if err := s.viewContext(context.Background(), sc.read); err != nil {
				t.Fatalf("live context: %v", err)
			}
			for _, cause := range []error{context.Canceled, context.DeadlineExceeded} {
				ctx, cancel := context.WithCancel(context.Background())
				if cause == context.DeadlineExceeded {
					ctx, cancel = context.WithDeadline(context.Background(), time.Unix(0, 0).Add(time.Hour))
				}
				err := s.viewContext(context.Background(), func(r *Reader) error {
					r.ctx = ctx // done once the Reader exists, as when the client leaves mid-query
					cancel()
					return sc.read(r)
				})
				if !errors.Is(err, cause) {
					t.Errorf("done context (%v): got %v", cause, err)
				}
			}
		})
	}
}

// A walk stops within checkEvery keys of the moment its context ends,
// not at the end of the store.
func TestWalkStopsSoonAfterCancel(t *testing.T) {
	s := manyEvents(t, 4*checkEvery)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := 0
	err := s.viewContext(ctx, func(r *Reader) error {
		return r.ForEachEvent(func(Event) error {
			seen++
			if seen == 10 {
				cancel()
			}
			return nil
		})
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if seen > checkEvery+1 {
		t.Errorf("%d events read after the cancel at 10, want at most %d", seen, checkEvery+1)
	}
	// A context done before the view starts: fn is not called.
	called := false
	if err := s.viewContext(ctx, func(*Reader) error { called = true; return nil }); !errors.Is(err, context.Canceled) || called {
		t.Errorf("done before start: err %v, called %v", err, called)
	}
}
