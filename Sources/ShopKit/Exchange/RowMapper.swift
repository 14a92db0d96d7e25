/// Something that turns file rows into records, one row at a time, possibly holding a few rows
/// back (a Shopify product spans several rows) until `finish` at the end of the file.
public protocol RowMapper: Sendable {
    associatedtype Record: ImportRecord
    mutating func add(_ row: SourceRow) -> MappedRows<Record>
    mutating func finish() -> MappedRows<Record>
}

/// A record knows the lines it came from, so a refusal can point at them.
public protocol ImportRecord: Sendable {
    var lines: [Int] { get }
}

extension ImportedStockCount: ImportRecord {
    public var lines: [Int] { [line] }
}

extension ImportedPromotion: ImportRecord {
    public var lines: [Int] { [line] }
}

extension ImportedProduct: ImportRecord {}

extension ShopifyProductMapper: RowMapper {}

extension WooCommerceProductMapper: RowMapper {
    public mutating func finish() -> MappedRows<ImportedProduct> { MappedRows() }
}

extension InventoryFileMapper: RowMapper {
    public mutating func add(_ row: SourceRow) -> MappedRows<ImportedStockCount> { map(row) }
    public mutating func finish() -> MappedRows<ImportedStockCount> { MappedRows() }
}

extension DiscountFileMapper: RowMapper {
    public mutating func add(_ row: SourceRow) -> MappedRows<ImportedPromotion> { map(row) }
    public mutating func finish() -> MappedRows<ImportedPromotion> { MappedRows() }
}
