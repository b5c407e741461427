package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// Large article texts in an in-memory store. Badger holds no value over
// its value threshold in memory (at most 1 MiB, a constant of Badger's:
// Options.ValueThreshold cannot be set higher, and in memory there is no
// value log to put larger values in), so the node of an article whose
// text is larger (A:<id>, JSON with the text) cannot be stored there
// whole. In such a store (Store.textMax > 0) an article whose node would
// be larger is stored as its node without the text, with the number of
// parts ("textParts"), and its text in parts of at most textMax bytes
// under AX:<id>|<part, 8 digits>. The parts are written in the article's
// own write (one transaction, or the staged ones of staged.go), so they
// are stored wholly with it or not at all; every reader of A: reads them
// back (readArticle). A store on disk holds values up to 1 GiB and stores
// every article as one value, as before.
const pArticlePart = "AX:" // AX:<article id>|<part number, 8 digits> -> a part of the article's text

// storedArticle is an article's node as stored: the article, and the
// number of parts its text is stored in apart (0: the text is in Text).
type storedArticle struct {
	Article
	TextParts int `json:"textParts,omitempty"`
}

func articlePartKey(id string, i int) []byte {
	return fmt.Appendf(nil, "%s%s|%08d", pArticlePart, id, i)
}

// putArticleNode writes a's node: one value, or, when that is larger
// than max (> 0), the node without its text and the text in parts.
func putArticleNode(txn *wtxn, max int, a *Article) error {
	b, err := marshal(a)
	if err != nil {
		return err
	}
	if max <= 0 || len(b) <= max {
		return txn.Set([]byte(pArticle+a.ID), b)
	}
	sa := storedArticle{Article: *a}
	sa.Text = ""
	text := a.Text
	for i := 0; len(text) > 0; i++ {
		n := min(len(text), max)
		if err := txn.Set(articlePartKey(a.ID, i), []byte(text[:n])); err != nil {
			return err
		}
		text = text[n:]
		sa.TextParts++
	}
	if b, err = json.Marshal(sa); err != nil {
		return err
	}
	return txn.Set([]byte(pArticle+a.ID), b)
}

// errArticlePart means a part of an article's text is missing.
var errArticlePart = errors.New("a part of the article's text is missing")

// readArticle decodes the article node v into a, reading its text's
// parts through txn when it is stored in parts.
func readArticle(txn getter, v []byte, a *Article) error {
	var sa storedArticle
	if err := unmarshal(v, &sa); err != nil {
		return err
	}
	*a = sa.Article
	if sa.TextParts == 0 {
		return nil
	}
	var text strings.Builder
	for i := 0; i < sa.TextParts; i++ {
		it, err := txn.Get(articlePartKey(a.ID, i))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("article %s, part %d of %d: %w", a.ID, i+1, sa.TextParts, errArticlePart)
		}
		if err != nil {
			return err
		}
		if text.Len() == 0 {
			text.Grow(sa.TextParts * int(it.ValueSize()))
		}
		if err := it.Value(func(p []byte) error { text.Write(p); return nil }); err != nil {
			return err
		}
	}
	a.Text = text.String()
	return nil
}

// getArticle reads the article with the ID (ErrNotFound when absent).
func getArticle(txn getter, id string, a *Article) error {
	it, err := txn.Get([]byte(pArticle + id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return it.Value(func(v []byte) error { return readArticle(txn, v, a) })
}

// inMemoryValueMax is the largest value an in-memory Badger with options
// bo holds: one byte under its value threshold (Badger refuses a larger
// value there, and one of exactly the threshold passes the transaction's
// check but then panics in the write to the memtable, badger v4.9.6
// db.writeToLSM).
func inMemoryValueMax(bo badger.Options) int {
	if !bo.InMemory {
		return 0
	}
	return int(bo.ValueThreshold) - 1
}
