package graph

import (
	"crypto/sha256"
	"errors"

	"github.com/dgraph-io/badger/v4"
)

// pArticleText indexes articles by the digest of their text, so that the
// same content is one article whatever path, name or metadata it came
// with (a file loaded by path with its manifest, then piped through stdin).
const pArticleText = "AT:" // AT:<sha256 of the text> -> article id

func articleTextKey(text string) []byte {
	h := sha256.Sum256([]byte(text))
	return append([]byte(pArticleText), h[:]...)
}

// storedWithText returns the ID of an article already stored with the same
// text, if any.
func storedWithText(txn *wtxn, text string) (string, bool, error) {
	it, err := txn.Get(articleTextKey(text))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	v, err := it.ValueCopy(nil)
	return string(v), err == nil, err
}
