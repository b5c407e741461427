package schema_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"eventgraph/graph"
	"eventgraph/graph/timeline/timelinetest"
	"eventgraph/schema"
	"eventgraph/schema/schematest"
)

// exampleStore opens an in-memory store with the hand-made fixture (its
// exact data makes the outputs below).
func exampleStore() *graph.Store {
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		panic(err)
	}
	if err := schematest.LoadHand(st); err != nil {
		panic(err)
	}
	return st
}

func printJSON(v any) {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// An actor is found by any alias, ignoring case, hyphens and the Arabic
// article; its roles say what it was and when.
func ExampleSchema_Exec_actorByAlias() {
	st := exampleStore()
	defer st.Close()
	s, _ := schema.New(st, schema.Options{})
	resp := s.Exec(context.Background(), `{
	  actor(name: "abdul amir AL SHAMMARI") {
	    name
	    kind
	    roles { title from organization { name } }
	    events(order: DESC, first: 2) { totalCount nodes { date { value } title } }
	  }
	}`, "", nil)
	printJSON(resp)
	// Output:
	// {
	//   "data": {
	//     "actor": {
	//       "name": "Abdul Amir al-Shammari",
	//       "kind": "PERSON",
	//       "roles": [
	//         {
	//           "title": "Deputy commander",
	//           "from": "2021-01-18",
	//           "organization": {
	//             "name": "Joint Operations Command"
	//           }
	//         },
	//         {
	//           "title": "Minister of Interior",
	//           "from": "2024-02-12",
	//           "organization": {
	//             "name": "Iraqi Ministry of Interior"
	//           }
	//         }
	//       ],
	//       "events": {
	//         "totalCount": 4,
	//         "nodes": [
	//           {
	//             "date": {
	//               "value": "2024-05-12"
	//             },
	//             "title": "Iraq and Syria sign a security memorandum of understanding"
	//           },
	//           {
	//             "date": {
	//               "value": "2024-05-12"
	//             },
	//             "title": "Shammari and Rahmoun hold a press conference in Baghdad"
	//           }
	//         ]
	//       }
	//     }
	//   }
	// }
}

// Agreements list their parties, signatories and the sentence they were
// read from.
func ExampleSchema_Exec_agreements() {
	st := exampleStore()
	defer st.Close()
	s, _ := schema.New(st, schema.Options{})
	resp := s.Exec(context.Background(), `query($party: String) {
	  agreements(party: $party) {
	    kind
	    date { value precision text }
	    parties { name }
	    topics
	    place { name countryCode }
	    evidence { article { source published } }
	  }
	}`, "", map[string]any{"party": "Syria"})
	printJSON(resp)
	// Output:
	// {
	//   "data": {
	//     "agreements": [
	//       {
	//         "kind": "memorandum of understanding",
	//         "date": {
	//           "value": "2024-05-12",
	//           "precision": "DAY",
	//           "text": "on Sunday"
	//         },
	//         "parties": [
	//           {
	//             "name": "Iraq"
	//           },
	//           {
	//             "name": "Syria"
	//           }
	//         ],
	//         "topics": [
	//           "border control",
	//           "drugs",
	//           "extradition",
	//           "organized crime",
	//           "money laundering"
	//         ],
	//         "place": {
	//           "name": "Baghdad",
	//           "countryCode": "IQ"
	//         },
	//         "evidence": [
	//           {
	//             "article": {
	//               "source": "Rudaw",
	//               "published": "2024-05-12"
	//             }
	//           }
	//         ]
	//       }
	//     ]
	//   }
	// }
}

// Bad arguments come back in the standard errors array, with the path of
// the field and a message that says what is accepted.
func ExampleSchema_Exec_errors() {
	st := exampleStore()
	defer st.Close()
	s, _ := schema.New(st, schema.Options{})
	resp := s.Exec(context.Background(), `{ events(from: "12/05/2024", first: 100000) { totalCount } }`, "", nil)
	for _, e := range resp.Errors {
		fmt.Println(e.Path, e.Message, e.Extensions)
	}
	resp = s.Exec(context.Background(), `{ events(first: 100000) { totalCount } }`, "", nil)
	for _, e := range resp.Errors {
		fmt.Println(e.Path, e.Message)
	}
	// Output:
	// [events] from: "12/05/2024" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-05 or 2024-05-12) map[argument:from code:BAD_USER_INPUT]
	// [events] first: 100000 is above the maximum page size of 500; ask for at most 500 and page with after: pageInfo.endCursor
}

// Stats are shaped for a dataframe: one row per month; an event known only
// to the year (the 2021 fortification) counts under its year, not January.
func ExampleSchema_Exec_stats() {
	st := exampleStore()
	defer st.Close()
	s, _ := schema.New(st, schema.Options{})
	resp := s.Exec(context.Background(), `{ stats { events byMonth { month count } } }`, "", nil)
	var out struct {
		Stats struct {
			Events  int
			ByMonth []struct {
				Month string
				Count int
			}
		}
	}
	_ = json.Unmarshal(resp.Data, &out)
	fmt.Println("events:", out.Stats.Events)
	for _, m := range out.Stats.ByMonth {
		fmt.Println(m.Month, m.Count)
	}
	// Output:
	// events: 10
	// 2021 1
	// 2021-01 2
	// 2021-12 1
	// 2024-01 1
	// 2024-02 1
	// 2024-05 2
	// 2024-12 2
}

// Events carry the numbers with units their sentences give, and what they
// count or measure.
func ExampleSchema_Exec_quantities() {
	st := exampleStore()
	defer st.Close()
	s, _ := schema.New(st, schema.Options{})
	resp := s.Exec(context.Background(), `{
	  events(from: "2024-01", to: "2024-01") {
	    nodes { title quantities { value unit text counts } }
	  }
	}`, "", nil)
	printJSON(resp)
	// Output:
	// {
	//   "data": {
	//     "events": {
	//       "nodes": [
	//         {
	//           "title": "Iraq inaugurates a concrete wall on the Syrian border",
	//           "quantities": [
	//             {
	//               "value": 160,
	//               "unit": "km",
	//               "text": "160-kilometer-long",
	//               "counts": "concrete insulating wall"
	//             }
	//           ]
	//         }
	//       ]
	//     }
	//   }
	// }
}

// Two wire reports of one ambush disagree on its day and its toll: the
// event is disputed, and each report keeps its own values.
func ExampleSchema_Exec_disputed() {
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		panic(err)
	}
	defer st.Close()
	if err := timelinetest.LoadDisputed(st); err != nil {
		panic(err)
	}
	s, _ := schema.New(st, schema.Options{})
	resp := s.Exec(context.Background(), `{
	  events { nodes { title disputed disputes
	    reports { article { source } date { value } quantities { value counts } } } }
	}`, "", nil)
	var out struct {
		Events struct {
			Nodes []struct {
				Title    string
				Disputed bool
				Disputes []string
				Reports  []struct {
					Article    struct{ Source string }
					Date       struct{ Value string }
					Quantities []struct {
						Value  float64
						Counts string
					}
				}
			}
		}
	}
	_ = json.Unmarshal(resp.Data, &out)
	for _, e := range out.Events.Nodes {
		fmt.Println(e.Title, "| disputed:", e.Disputed, e.Disputes)
		for _, r := range e.Reports {
			fmt.Print("  ", r.Article.Source, ": ", r.Date.Value)
			for _, q := range r.Quantities {
				fmt.Print(", ", q.Value, " ", q.Counts)
			}
			fmt.Println()
		}
	}
	// Output:
	// Gunmen ambush an aid convoy near Gao | disputed: true [date drivers killed]
	//   Wire A: 2023-08-13, 40 trucks, 12 drivers killed
	//   Wire B: 2023-08-12, 15 drivers killed
}
