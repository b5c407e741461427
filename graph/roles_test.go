package graph

import (
	"fmt"
	"testing"
)

func TestMergeRoles(t *testing.T) {
	ev := &Evidence{ArticleID: "a", Sentence: "s"}
	tests := []struct {
		name string
		in   []Role
		want string
	}{
		{"one office, two spellings, one organization",
			[]Role{{Title: "Minister of Interior", OrgID: "gov", From: "2024-05-12", To: "2024-05-12", Evid: ev},
				{Title: "Interior Minister", OrgID: "gov", From: "2024-02-13", To: "2024-02-13"}},
			"[Minister of Interior@gov 2024-02-13..2024-05-12]"},
		{"another organization is another role",
			[]Role{{Title: "Interior Minister", OrgID: "gov", From: "2024-05-12", To: "2024-05-12"},
				{Title: "Interior Minister", OrgID: "party", From: "2024-02-13", To: "2024-02-13"}},
			"[Interior Minister@party 2024-02-13..2024-02-13 Interior Minister@gov 2024-05-12..2024-05-12]"},
		{"another office is another role",
			[]Role{{Title: "Deputy Interior Minister", OrgID: "gov", From: "2020-01-01", To: "2020-01-01"},
				{Title: "Interior Minister", OrgID: "gov", From: "2024-02-13", To: "2024-02-13"}},
			"[Deputy Interior Minister@gov 2020-01-01..2020-01-01 Interior Minister@gov 2024-02-13..2024-02-13]"},
		{"without an organization it joins the one with",
			[]Role{{Title: "Minister of the Interior", From: "2024-12-02", To: "2024-12-02"},
				{Title: "Interior Minister", OrgID: "gov", From: "2024-02-13", To: "2024-02-13"}},
			"[Interior Minister@gov 2024-02-13..2024-12-02]"},
		{"undated roles last",
			[]Role{{Title: "Army Spokesman"}, {Title: "Finance Minister", OrgID: "gov", From: "2023-01-01", To: "2023-01-01"}},
			"[Finance Minister@gov 2023-01-01..2023-01-01 Army Spokesman@ ..]"},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range mergeRoles(tt.in) {
			got = append(got, fmt.Sprintf("%s@%s %s..%s", r.Title, r.OrgID, r.From, r.To))
		}
		if fmt.Sprint(got) != tt.want {
			t.Errorf("%s: %v, want %s", tt.name, got, tt.want)
		}
	}
}

// TestRolesAcrossArticles: two articles naming one office two ways give
// the person one role whose from and to span both articles.
func TestRolesAcrossArticles(t *testing.T) {
	s := memStore(t)
	var person string
	gov := Actor{ID: ActorID("Ministry of the Interior of Freedonia"), Name: "Ministry of the Interior of Freedonia", Kind: Organization}
	for i, c := range []struct{ title, day string }{{"Minister of Interior", "2024-02-13"}, {"Interior Minister", "2024-05-12"}, {"Minister of the Interior", "2024-12-02"}} {
		f := fixture(fmt.Sprint("R", i), c.day)
		f.Article.Published = c.day
		f.Article.ID = ArticleID(f.Article)
		f.Actors[0].Roles = []Role{{Title: c.title, OrgID: gov.ID, From: c.day, To: c.day}}
		person = f.Actors[0].ID
		f.Actors = append(f.Actors, gov)
		for j := range f.Events {
			f.Events[j].Evidence[0].ArticleID = f.Article.ID
		}
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.Actor(person)
	if err != nil {
		t.Fatal(err)
	}
	var withOrg []Role
	for _, r := range a.Roles {
		if r.OrgID == gov.ID {
			withOrg = append(withOrg, r)
		}
	}
	if len(withOrg) != 1 || withOrg[0].From != "2024-02-13" || withOrg[0].To != "2024-12-02" {
		t.Errorf("roles %+v, want one from 2024-02-13 to 2024-12-02", a.Roles)
	}
}
