package graph

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// ErrTooManyFacts is wrapped by the error for an article whose facts do not
// fit in one transaction: it is not stored (an article is stored wholly or
// not at all). The loader refuses articles over read.MaxArticleSize before
// extraction, which keeps real articles well below this.
var ErrTooManyFacts = errors.New("the article has too many facts to store in one atomic write; split it into several articles")

// txnTooBig turns Badger's "Txn is too big" into ErrTooManyFacts.
func txnTooBig(err error) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("%w (%v)", ErrTooManyFacts, err)
	}
	return err
}
