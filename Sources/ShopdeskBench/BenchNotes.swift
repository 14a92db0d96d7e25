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

        ## Where targets are missed, and what would close them

        - **Filter as you type at a million products.** Free text in Catalog, Pricing and Stock is
          matched through the full-text index as `id IN (matches)`; SQLite drives the read from the match
          set and sorts all of it, so a prefix that matches tens of thousands of products (one to four
          letters of a common word) costs 200–500 ms. Closing it: count the matches with a bounded probe
          first, sort small sets and walk large ones in list order with a membership test; and defer
          one-character prefixes with a line on screen saying so (not done yet).
        - **Incomplete `key:` terms** (`stock:`, `location:`, `cost:mis` while typing) are matched as
          free text against SKUs with `LIKE`, which no index serves: a scan of three million variants.
          Closing it: treat a known key with an incomplete value as pending, not as text.
        - **Complaints** (10,000 at a million products): the urgency order depends on the clock and
          is computed per read, so every window sorts every complaint (p99 around 70 ms). Closing it:
          read the queue as three keyset ranges (overdue, open, closed), each on an index of its own.
        - **Single stalls of 200–450 ms** on a navigation key under the concurrent writer, one or two
          per run, seen on `g` in Promotions and `j`/`G` in Complaints at a million products; not
          analysed yet (candidates: the background recount and the writer's WAL checkpoints competing
          for two shared cores, or a per-row read of the promotions pane).

        """
}
