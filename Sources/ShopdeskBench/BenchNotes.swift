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

        ## Where targets are missed, and what would close them

        - **Filter as you type at a million products** sits at its target: p99 47–52 ms over the
          last three runs (51.6 ms in the table). The slowest keys are two-letter prefixes of common
          words (`me`, `li`, `co`, `st`): 100,000–170,000 matching products whose ids SQLite collects
          from the search index before walking the list order, every key. A prefix index in the
          search index (`prefix='2 3'`) was tried: 4–10 ms faster per query on a copy, but two
          benchmark runs with it were slower (p99 66 and 83 ms), for reasons not yet found, so it
          was taken out again. What would close it: keep the previous key's matches
          and narrow them as the word grows, instead of asking the search index again.
        - **The concurrent writer** commits about 9.6 edits a second at both sizes; the rest of the
          ten it tries are edits the write path refuses (a random new price at or above the variant's
          compare-at price), as it would refuse a person's.

        """
}
