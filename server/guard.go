package server

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hostGuard refuses requests whose Host header names a host this server
// does not answer to, with 421 Misdirected Request. A page on a foreign
// site that rebinds its DNS name to 127.0.0.1 still sends its own name as
// Host, so DNS rebinding cannot reach the API. When the server listens on
// loopback it answers to loopback names and addresses (localhost,
// *.localhost, 127.0.0.0/8, ::1) and to Config.AllowedHosts; when it
// listens beyond loopback it answers to any host unless AllowedHosts is set.
func (s *Server) hostGuard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hostAllowed(r.Host) {
			jsonError(w, http.StatusMisdirectedRequest, "", fmt.Sprintf(
				"host %q is not served here: this server (listening on %s) answers to localhost, 127.0.0.1 and [::1]%s; "+
					"to reach it under another name, start it with --allowed-hosts NAME", r.Host, s.cfg.Addr, s.allowedList()))
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (s *Server) allowedList() string {
	if len(s.cfg.AllowedHosts) == 0 {
		return ""
	}
	return " and " + strings.Join(s.cfg.AllowedHosts, ", ")
}

// hostAllowed says whether a Host header value (host or host:port) names
// this server.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if host == "" { // HTTP/1.0 without Host
		return true
	}
	if isLoopbackName(host) {
		return true
	}
	for _, a := range s.cfg.AllowedHosts {
		if a == "*" || strings.EqualFold(strings.TrimSpace(a), host) {
			return true
		}
	}
	listen, _, err := net.SplitHostPort(s.cfg.Addr)
	if err != nil {
		listen = s.cfg.Addr
	}
	if strings.EqualFold(listen, host) {
		return true
	}
	// Listening beyond loopback: any name reaches it, unless names are set.
	return !isLoopbackName(listen) && len(s.cfg.AllowedHosts) == 0
}

// isLoopbackName says whether host is localhost, a name under .localhost,
// or a loopback address.
func isLoopbackName(host string) bool {
	h := strings.ToLower(host)
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// simpleContentType says whether a Content-Type is one a web page may send
// cross-site without a CORS preflight (or none at all).
func simpleContentType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.TrimSpace(ct) == ""
	}
	switch mt {
	case "text/plain", "application/x-www-form-urlencoded", "multipart/form-data":
		return true
	}
	return false
}

// UploadHeader is the request header that lets POST /articles take a body
// sent as text/plain (or with no type): a custom header cannot be sent
// cross-site without a CORS preflight, which only allowed origins pass.
const UploadHeader = "X-Eventgraph-Upload"

// writeAllowed refuses writes a foreign web page could make: a body of a
// "simple" type without UploadHeader (415), or an Origin header that is
// neither this server nor an allowed origin (403). It answers the refusal
// and returns false.
func (s *Server) writeAllowed(w http.ResponseWriter, r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" && !s.sameOrigin(o, r.Host) && !s.originAllowed(o) {
		jsonError(w, http.StatusForbidden, "", fmt.Sprintf("writes from the web origin %q are refused: only this server's own pages, localhost origins and --cors origins may post articles", o))
		return false
	}
	if simpleContentType(r.Header.Get("Content-Type")) && r.Header.Get(UploadHeader) == "" {
		jsonError(w, http.StatusUnsupportedMediaType, "", fmt.Sprintf(
			"Content-Type %q is refused (any web page could send it): post JSON Lines as application/x-ndjson, a JSON article as application/json, "+
				"or text with the header %s: 1", r.Header.Get("Content-Type"), UploadHeader))
		return false
	}
	return true
}

// sameOrigin says whether origin is this server as the request reached it.
func (s *Server) sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, host)
}
