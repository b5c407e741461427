package server

// TEMPORARY: each of these is replaced by its owner's file (graphql.go,
// timeline.go, export.go, page.go, articles.go); delete the function from
// here when you write the real one.

import "net/http"

func notYet(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not built yet", http.StatusNotImplemented)
}

