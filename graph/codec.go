package graph

import "encoding/json"

// marshal and unmarshal are the node codec: one place to change it.
func marshal(v any) ([]byte, error) { return json.Marshal(v) }

func unmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
