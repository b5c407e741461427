package graph

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// Article metadata. An article's node (A:<id>) is JSON with its whole
// text, which is most of its bytes; what the timeline, the exports and
// most GraphQL fields show of an article (its title, address, source and
// date) is also stored apart, without the text, under AM:<id> in a small
// binary form, so that naming the article of each of a month's thousands
// of events decodes a few dozen bytes instead of the article.

// pArticleMeta is the prefix of an article's metadata: AM:<id> -> the
// binary form of the article without its text (encodeArticleMeta).
const pArticleMeta = "AM:"

// articleMetaV1 is the first byte of an article's metadata: its version.
const articleMetaV1 = 0x01

// errArticleMeta means stored article metadata could not be decoded.
var errArticleMeta = errors.New("corrupt article metadata")

// encodeArticleMeta appends the binary form of a's fields other than the
// text to buf: the version byte, then ID, title, source, URL, published
// date, file and load time, each a uvarint length and its bytes.
func encodeArticleMeta(buf []byte, a *Article) []byte {
	w := encoder{b: buf}
	w.b = append(w.b, articleMetaV1)
	for _, s := range [...]string{a.ID, a.Title, a.Source, a.URL, a.Published, a.File, a.Loaded} {
		w.str(s)
	}
	return w.b
}

// decodeArticleMeta decodes what encodeArticleMeta wrote into a (whose
// Text is left empty). Its strings share one copy of b, which the caller
// may reuse afterwards.
func decodeArticleMeta(b []byte, a *Article) error {
	if len(b) == 0 || b[0] != articleMetaV1 {
		return errArticleMeta
	}
	r := decoder{s: string(b[1:])}
	*a = Article{ID: r.str(), Title: r.str(), Source: r.str(), URL: r.str(), Published: r.str(), File: r.str(), Loaded: r.str()}
	if r.err != nil || len(r.s) != 0 {
		return fmt.Errorf("%w (article %q)", errArticleMeta, a.ID)
	}
	return nil
}

// putArticleMeta writes the metadata of a into txn.
func putArticleMeta(txn *wtxn, a *Article) error {
	return txn.Set([]byte(pArticleMeta+a.ID), encodeArticleMeta(nil, a))
}

// ArticleMeta returns the article with the ID without its text (Text is
// empty): its title, source, URL, publication date, file and load time,
// read from the metadata key without decoding the text, and shared with
// the readers of the same snapshot (read_cache.go). An article stored
// without one (a write interrupted before the upgrade to format 6 ended)
// is read whole.
func (r *Reader) ArticleMeta(id string) (Article, error) {
	if a := get(r.shared, cachedArticles, id); a != nil {
		return *a, nil
	}
	a, err := r.readArticleMeta(id)
	if err == nil {
		put(r.shared, cachedArticles, id, &a)
	}
	return a, err
}

// CachedArticleMeta is ArticleMeta of an article the readers of this
// snapshot have read already (and kept: the cache holds up to 65,536),
// without reading the store; false when there is none.
func (r *Reader) CachedArticleMeta(id string) (Article, bool) {
	if a := get(r.shared, cachedArticles, id); a != nil {
		return *a, true
	}
	return Article{}, false
}

// readArticleMeta reads ArticleMeta from the store.
func (r *Reader) readArticleMeta(id string) (Article, error) {
	var a Article
	it, err := r.txn.Get([]byte(pArticleMeta + id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		a, err = r.Article(id)
		a.Text = ""
		return a, err
	}
	if err == nil {
		err = it.Value(func(v []byte) error { return decodeArticleMeta(v, &a) })
	}
	return a, wrapGet("article", id, err)
}

// ArticleText returns the text of the article with the ID.
func (r *Reader) ArticleText(id string) (string, error) {
	a, err := r.Article(id)
	return a.Text, err
}

// ForEachArticleMeta calls fn for every article, by ID as ForEachArticle
// does, without its text (see ArticleMeta).
func (r *Reader) ForEachArticleMeta(fn func(Article) error) error {
	return r.forEach(pArticleMeta, func(v []byte) error {
		var a Article
		if err := decodeArticleMeta(v, &a); err != nil {
			return err
		}
		return fn(a)
	})
}

// writeArticleMeta writes the metadata key of every stored article (the
// upgrade to format 6); it returns the number of articles.
func (s *Store) writeArticleMeta() (int, error) {
	n, err := s.rewriteEach(pArticle, func(key, val []byte, wb *badger.WriteBatch) (bool, error) {
		var a Article
		if err := unmarshal(val, &a); err != nil {
			return false, fmt.Errorf("article %s: %w", key, err)
		}
		a.ID = string(key[len(pArticle):])
		return true, wb.Set([]byte(pArticleMeta+a.ID), encodeArticleMeta(nil, &a))
	})
	if err == nil && n > 0 {
		s.log.Info("upgraded the database: article metadata stored apart from the text", "articles", n)
	}
	return n, err
}
