package graph

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// ErrTooManyFacts is wrapped by the error for a write of an article that
// Badger refused as too big for a transaction where it cannot be split
// (an article's facts are split across transactions, staged.go, so
// PutFacts does not return it). The article is not stored.
var ErrTooManyFacts = errors.New("the article has too many facts to store in one atomic write; split it into several articles")

// txnTooBig turns Badger's "Txn is too big" into ErrTooManyFacts.
func txnTooBig(err error) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("%w (%v)", ErrTooManyFacts, err)
	}
	return err
}
