package server

import (
	"io"
	"net/http"
	"net/http/httptest"
)

// localReq is httptest.NewRequest addressed to a loopback host, as a
// browser or client on this machine sends it.
func localReq(method, target string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	return r
}
