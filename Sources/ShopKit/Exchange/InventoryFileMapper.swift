/// A counted quantity of one variant at one location, as an inventory file states it.
public struct ImportedStockCount: Sendable, Hashable {
    public let line: Int
    public let handle: String
    /// Nil when the file gives none (Shopify writes `""`): the variant is then found by handle
    /// and option values.
    public let sku: String?
    public let options: [String?]
    /// The location's name or code as the file writes it.
    public let location: String
    public let counted: Int64

    public init(line: Int, handle: String, sku: String?, options: [String?], location: String, counted: Int64) {
        self.line = line
        self.handle = handle
        self.sku = sku
        self.options = options
        self.location = location
        self.counted = counted
    }
}

/// Reads Shopify inventory CSV in both layouts: a row per variant and location (`Location`,
/// `Incoming`, `Unavailable`, `Committed`, `Available`, `On hand`), and the older one with a
/// column per location holding the available quantity.
public struct InventoryFileMapper: Sendable {
    public enum Layout: Sendable, Equatable {
        case rowPerLocation
        case columnPerLocation([String])
    }

    public let layout: Layout
    let columns: ColumnIndex

    /// Columns of the inventory export that are not locations.
    static let describingColumns: Set<String> = [
        "handle", "title", "option1 name", "option1 value", "option2 name", "option2 value", "option3 name",
        "option3 value", "sku", "variant sku", "hs code", "coo", "barcode", "variant barcode",
    ]

    public init(columns: ColumnIndex) throws(ValidationError) {
        self.columns = columns
        guard columns.has("Handle") else {
            throw ValidationError(
                field: "format", message: "this is not a Shopify inventory CSV: column Handle is missing",
                hint: "export inventory from Shopify (a row per location, or a column per location)")
        }
        if columns.has("Location") && (columns.has("On hand") || columns.has("Available")) {
            layout = .rowPerLocation
        } else {
            let locations = columns.header.filter { !Self.describingColumns.contains(ColumnIndex.key($0)) && !$0.isEmpty }
            guard !locations.isEmpty else {
                throw ValidationError(
                    field: "format",
                    message: "the inventory file has neither Location and On hand columns nor a column per location",
                    hint: "export inventory from Shopify")
            }
            layout = .columnPerLocation(locations)
        }
    }

    public func map(_ row: SourceRow) -> MappedRows<ImportedStockCount> {
        if ColumnIndex.isBlank(row) { return MappedRows() }
        let handle = columns.text("Handle", in: row).trimmingWhitespace()
        let skuText = (columns.has("SKU") ? columns.text("SKU", in: row) : columns.text("Variant SKU", in: row)).trimmingWhitespace()
        let options: [String?] = (1...3).map { index in
            let value = columns.text("Option\(index) Value", in: row).trimmingWhitespace()
            return value.isEmpty ? nil : value
        }
        guard !handle.isEmpty || !skuText.isEmpty else {
            return MappedRows(rejects: [ImportReject(line: row.line, reason: "the row has neither a SKU nor a handle")])
        }
        var result = MappedRows<ImportedStockCount>()
        func add(location: String, quantity text: String) {
            let trimmed = text.trimmingWhitespace()
            // "not stocked" and empty cells: the variant is not kept at this location.
            guard !trimmed.isEmpty, trimmed.lowercased() != "not stocked" else { return }
            guard let counted = DecimalText.wholeNumber(trimmed) else {
                result.rejects.append(ImportReject(line: row.line, reason: "quantity \"\(text)\" at \(location) is not a whole number"))
                return
            }
            guard counted >= 0 else {
                result.rejects.append(ImportReject(
                    line: row.line, reason: "quantity \(counted) at \(location) is below zero; a count is 0 or more"))
                return
            }
            result.records.append(ImportedStockCount(
                line: row.line, handle: handle, sku: skuText.isEmpty ? nil : skuText, options: options, location: location,
                counted: counted))
        }
        switch layout {
        case .rowPerLocation:
            let location = columns.text("Location", in: row).trimmingWhitespace()
            guard !location.isEmpty else {
                return MappedRows(rejects: [ImportReject(line: row.line, reason: "the row names no location")])
            }
            add(location: location, quantity: columns.raw(columns.has("On hand") ? "On hand" : "Available", in: row))
        case .columnPerLocation(let locations):
            for location in locations { add(location: location.trimmingWhitespace(), quantity: columns.raw(location, in: row)) }
        }
        return result
    }
}
