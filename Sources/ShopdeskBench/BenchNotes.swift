/// What the table cannot say by itself: filled in by hand after a run, kept with the code so the
/// written file always carries it.
enum BenchNotes {
    static let text = """
        ## Notes

        See the section "Where targets are missed" below the table when a figure is marked ✗.

        """
}
