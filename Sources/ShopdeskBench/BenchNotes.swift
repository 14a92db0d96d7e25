/// What the table cannot say by itself, kept with the code so that every written file carries it.
/// Update it when a change moves a figure across its target.
enum BenchNotes {
    static let text = """
        ## What was changed to get here

        - Schema v6: the unfiltered count of the catalog, the variant lists and the complaints is a
          row of `list_count`, kept by triggers (it was a count over up to three million rows after every
          commit of another process, and `G` counted synchronously when no count was known). Counts
          run one per pane at a time; the last count stays on screen until the next arrives.
        - Schema v6: each variant's sellable on hand and reserved units and each product's on hand are
          kept by triggers on the stock levels, the order lines and the order status. The stock pane's
          `stock:` filters and reserved column and the catalog's stock column and `stock:out` read them
          instead of summing the ledger and the order history per row; `stock:out`, `stock:oversold` and
          the catalog's `stock:out` walk partial indexes in list order.
        - Keyset reads state their first sort column as a range: SQLite does not seek the margin's
          expression index by a row-value comparison alone and read the pricing list from its start.
        - One write() per frame: ncurses 6.4 flushed at every cursor movement until the screen had
          once been left and resumed (30–100 writes per page); the console now does that once at start.
        - The search index is rewritten only when a searched column changes.
        - Schema v7: the complaint queue's urgency order is read as three keyset ranges (overdue,
          other open, closed) on one index, instead of sorting every complaint per window.
        - Schema v8: catalog free text sorts its matches by a narrow index of titles by id.
        - Schema v9 and `FilterPlan`: a filtered window first estimates how many rows match — free
          text from the search index's term list (`fts5vocab`), a SKU, vendor, type or location
          prefix by counting its index range up to a limit — then either walks the list order and
          keeps the matches (many matches) or reads the matches from their index and sorts them
          (few). Before, a word matching nothing in Pricing walked three million variants (900 ms),
          and a word matching 100,000 products in the catalog sorted them all (90 ms).
        - One-character free text and a known key without its value wait for the next key, and the
          status line says so (Enter runs them).
        - Promotions: the list's overlap flag read every variant of a promotion's scope per row on
          screen (a shop-wide scope: three million variants, over 3 GB, minutes per key). Scopes are now
          read with one cursor a few variants at a time, narrowed in SQL to variants another promotion
          may also cover, and the check stops at the first shared variant; the running promotions are
          read once per window. The margin guard and the overlaps view take the same batches, so
          their memory stays flat too.
        - Pricing: a window's effective prices order the promotions once, not once per variant, read
          their variants in one query, and compare scope values folded once per promotion (13 → 7 ms
          per window).
        - Schema v10: the promotions list keeps its overlap flags between windows while a counter
          (`scope_stamp`, moved by triggers on promotions and on everything a scope can name, by any
          process; not by prices or stock) stands, for a minute at most (`g` 14–26 → 2–3 ms).
        - `SHOPDESK_TRACE=FILE` (with `SHOPDESK_TRACE_MS`, default 5) makes the console write each
          main-loop step slower than that to the file: how the slow keys above were found.
        - The benchmark itself: the first `g` of a pane's navigation, pressed right after switching
          to the pane, changes nothing on screen (the cursor is already on the first row), so the
          "frame" measured for it was whatever the console drew next — a count arriving a quarter of
          a second later. The trace showed the key handled in under a millisecond. It is pressed but
          no longer measured; earlier runs reported it as single stalls of 170–320 ms.
        - Match sets: a catalog or variant window that walks the list order reads the products its
          free text matches into a `MatchSet` — one bit per product id, the search index stepped
          directly — and tests each row it walks against it. SQLite had built a temporary B-tree of
          the same ids for `id IN (SELECT rowid …)` every keystroke (for `co`, 177,000 of them).
          Reading the set also counts the matches exactly, so the catalog no longer asks the term
          list for an estimate first. Free text alone is counted from the indexes: the catalog from
          the search index (6 ms, was 75–120 ms), a variant list from the SKU index plus the variants
          of matching products less those counted twice (50–150 ms, was a 600–900 ms scan of three
          million rows).
        - Counts wait for a pause in typing (0.15 s with the filter unchanged): the counts of every
          prefix typed on the way ran on the second core while the windows were read on the first.
        - Schema v11: each complaint keeps its customer's name (kept by triggers), so the queue's
          free text is matched on the complaint rows alone; a search matching few complaints read
          every complaint's customer (30–50 → 20–22 ms a key).
        - Filter as you type at a million products, p99 over the last runs: 51.6 ms before these
          changes, then 45.8, 47.0, 34.1, 42.8 and 41.6 ms as they were made.

        ## Where targets are closest, and what would move them

        - **Filter as you type at a million products** (p99 41.6 ms, target 50): the slowest keys
          are `sto` in the catalog (41,945 products, almost all titles beginning with the word, so
          they cluster in title order and are sorted instead: 30–60 ms, most of it page reads of
          the narrow title index), and two-letter prefixes in Pricing (`li`, `co`: 160,000–177,000
          products read into the match set, 25–40 ms). A larger SQLite page cache would hold the
          title index (35 MB) but costs resident memory one for one; a search index with prefix
          indexes (`prefix='2 3'`) made single queries 4–10 ms faster on a copy but two benchmark
          runs slower (p99 66 and 83 ms), so it was taken out again.
        - **The concurrent writer** commits about 9.6 edits a second at both sizes; the rest of the
          ten it tries are edits the write path refuses (a random new price at or above the variant's
          compare-at price), as it would refuse a person's.

        """
}
