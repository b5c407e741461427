package graph

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"eventgraph/graph/names"
)

// mergeRoles makes one role per office and organization: roles whose
// titles name one office (names.RoleKey: "Minister of Interior" =
// "Interior Minister") in the same organization are one role, from the
// earliest day an article states it to the latest. A role without an
// organization joins the one role of the same office that has one, and a
// bare office ("Minister") the one role of that kind ("Interior
// Minister"). The roles come in the order of their first day, undated
// ones last.
func mergeRoles(roles []Role) []Role {
	if len(roles) == 0 {
		return roles
	}
	var out []Role
	var keys []string
	for _, r := range roles {
		k := names.RoleKey(r.Title)
		j := -1
		for i := range out {
			if keys[i] == k && out[i].OrgID == r.OrgID {
				j = i
				break
			}
		}
		if j < 0 {
			out = append(out, r)
			keys = append(keys, k)
			continue
		}
		widen(&out[j], r)
	}
	// a role without an organization joins its more exact one
	for i := 0; i < len(out); i++ {
		if out[i].OrgID != "" {
			continue
		}
		bare := !strings.Contains(keys[i], " ")
		j := -1
		for m := range out {
			if m == i {
				continue
			}
			if keys[m] == keys[i] && out[m].OrgID != "" || bare && strings.HasSuffix(keys[m], " "+keys[i]) {
				if j != -1 {
					j = -2 // two: it is not known which
					break
				}
				j = m
			}
		}
		if j < 0 {
			continue
		}
		widen(&out[j], out[i])
		out = append(out[:i], out[i+1:]...)
		keys = append(keys[:i], keys[i+1:]...)
		i = -1 // start again: indices moved
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].From, out[j].From
		if a == "" || b == "" {
			return a != "" && b == ""
		}
		return a < b
	})
	return out
}

// widen gives role r the days of role o: the earlier From, the later To,
// and o's evidence if r has none.
func widen(r *Role, o Role) {
	if o.From != "" && (r.From == "" || o.From < r.From) {
		r.From = o.From
	}
	if o.To != "" && (r.To == "" || o.To > r.To) {
		r.To = o.To
	}
	if r.Evid == nil {
		r.Evid = o.Evid
	}
}

// mergeStoredRoles rewrites the stored actors whose roles mergeRoles makes
// fewer or wider (the upgrade to format 5: databases written before roles
// were merged per office); it returns how many it rewrote.
func (s *Store) mergeStoredRoles() (int, error) {
	n, err := s.rewriteEach(pActor, func(key, val []byte, wb *badger.WriteBatch) (bool, error) {
		var a Actor
		if err := unmarshal(val, &a); err != nil {
			return false, fmt.Errorf("actor %s: %w", key, err)
		}
		m := mergeRoles(a.Roles)
		if reflect.DeepEqual(m, a.Roles) {
			return false, nil
		}
		a.Roles = m
		b, err := marshal(a)
		if err != nil {
			return false, err
		}
		return true, wb.Set(key, b)
	})
	if err == nil && n > 0 {
		s.log.Info("upgraded the database: roles merged per office", "actors", n)
	}
	return n, err
}
