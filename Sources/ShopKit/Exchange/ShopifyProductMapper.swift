/// Turns the rows of a Shopify product CSV into products, one product per run of rows sharing a
/// `Handle`. Streaming: rows go in one at a time and a product comes out when its run ends, so
/// the file is never held in memory.
///
/// Shopify writes title, body, vendor, tags and option names on the first row of a product only;
/// the following rows are variants (option values, SKU, price…) and image-only rows (an image
/// and nothing else). Columns are found by name, so every layout from 2018 to today reads alike.
public struct ShopifyProductMapper: Sendable {
    let columns: ColumnIndex
    let currency: Currency
    private var pending: [SourceRow] = []
    private var pendingHandle = ""

    public init(columns: ColumnIndex, currency: Currency) {
        self.columns = columns
        self.currency = currency
    }

    public mutating func add(_ row: SourceRow) -> MappedRows<ImportedProduct> {
        if ColumnIndex.isBlank(row) { return MappedRows() }
        let handle = columns.raw("Handle", in: row).trimmingWhitespace()
        var result = MappedRows<ImportedProduct>()
        if handle != pendingHandle || pending.isEmpty {
            result = finish()
        }
        pendingHandle = handle
        pending.append(row)
        return result
    }

    /// Emits the product whose rows are pending (call once more at the end of the file).
    public mutating func finish() -> MappedRows<ImportedProduct> {
        defer { pending = []; pendingHandle = "" }
        guard !pending.isEmpty else { return MappedRows() }
        return map(handle: pendingHandle, rows: pending)
    }

    func map(handle rawHandle: String, rows: [SourceRow]) -> MappedRows<ImportedProduct> {
        var result = MappedRows<ImportedProduct>()
        func rejectAll(_ reason: String) -> MappedRows<ImportedProduct> {
            MappedRows(rejects: rows.map { ImportReject(line: $0.line, reason: reason) })
        }
        let handle: String
        do { handle = try CatalogRules.validateHandle(rawHandle) } catch { return rejectAll(error.description) }
        let first = rows[0]
        var fields: ImportedProductFields?
        if !columns.text("Title", in: first).trimmingWhitespace().isEmpty {
            do { fields = try productFields(first) } catch { return rejectAll("product \(handle): \(error.description)") }
        }
        var variants: [ImportedVariant] = []
        var images: [ImportedImage] = []
        for row in rows {
            let src = columns.text("Image Src", in: row).trimmingWhitespace()
            if !src.isEmpty {
                let position = DecimalText.wholeNumber(columns.raw("Image Position", in: row)).map(Int.init) ?? images.count + 1
                images.append(ImportedImage(src: src, position: position, altText: columns.text("Image Alt Text", in: row)))
            }
            guard isVariantRow(row) else { continue }
            do { variants.append(try variant(row)) } catch {
                result.rejects.append(ImportReject(line: row.line, reason: error.description))
            }
        }
        result.records.append(ImportedProduct(
            handle: handle, fields: fields, variants: variants,
            images: columns.has("Image Src") ? images : nil, lines: rows.map(\.line)))
        return result
    }

    /// Image-only rows carry no option value, SKU or price.
    func isVariantRow(_ row: SourceRow) -> Bool {
        ["Option1 Value", "Variant SKU", "Variant Price"].contains { !columns.raw($0, in: row).trimmingWhitespace().isEmpty }
    }

    func productFields(_ row: SourceRow) throws(ValidationError) -> ImportedProductFields {
        let title = try CatalogRules.validateTitle(columns.text("Title", in: row))
        var status: ProductStatus?
        let statusText = columns.raw("Status", in: row).trimmingWhitespace()
        if !statusText.isEmpty {
            status = try ProductStatus(parsing: statusText)
        } else {
            switch columns.raw("Published", in: row).trimmingWhitespace().lowercased() {
            case "true", "1", "yes": status = .active
            case "false", "0", "no": status = .draft
            default: status = nil
            }
        }
        var optionNames: [String?]?
        if columns.has("Option1 Name") {
            optionNames = (1...3).map { index in
                let name = columns.text("Option\(index) Name", in: row).trimmingWhitespace()
                return name.isEmpty ? nil : name
            }
        }
        return ImportedProductFields(
            title: title,
            bodyHTML: columns.has("Body (HTML)") ? columns.raw("Body (HTML)", in: row) : nil,
            vendor: columns.optionalText("Vendor", in: row)?.trimmingWhitespace(),
            productType: columns.optionalText("Type", in: row)?.trimmingWhitespace(),
            category: columns.optionalText("Product Category", in: row)?.trimmingWhitespace(),
            tags: columns.optionalText("Tags", in: row).map(Self.tags),
            status: status,
            seoTitle: columns.optionalText("SEO Title", in: row)?.trimmingWhitespace(),
            seoDescription: columns.optionalText("SEO Description", in: row)?.trimmingWhitespace(),
            optionNames: optionNames)
    }

    static func tags(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    func variant(_ row: SourceRow) throws(ValidationError) -> ImportedVariant {
        let options: [String?] = (1...3).map { index in
            let value = columns.text("Option\(index) Value", in: row).trimmingWhitespace()
            return value.isEmpty ? nil : value
        }
        let sku = try CatalogRules.validateSKU(columns.text("Variant SKU", in: row))
        let priceText = columns.raw("Variant Price", in: row)
        let price = priceText.trimmingWhitespace().isEmpty ? nil : try MoneyParser.parse(priceText, currency: currency, field: "price")
        let compareAt = try optionalMoney("Variant Compare At Price", row, label: "compare-at price")
        let cost = try optionalMoney("Cost per item", row, label: "cost")
        var barcode: String??
        if columns.has("Variant Barcode") { barcode = .some(try CatalogRules.validateBarcode(columns.text("Variant Barcode", in: row))) }
        let grams = try WeightUnit.g.grams(columns.raw("Variant Grams", in: row), field: "grams")
        let stock = try Self.count(columns.raw("Variant Inventory Qty", in: row), field: "inventory quantity")
        if let price {
            try CatalogRules.validatePrices(price: price, compareAt: compareAt ?? nil, cost: cost ?? nil)
        }
        return ImportedVariant(
            line: row.line, sku: sku, barcode: barcode, options: options, price: price, compareAtPrice: compareAt, cost: cost,
            grams: grams, stock: stock)
    }

    /// Nil when the column is absent (keep), `.some(nil)` when the cell is empty (clear).
    func optionalMoney(_ column: String, _ row: SourceRow, label: String) throws(ValidationError) -> Money?? {
        guard columns.has(column) else { return nil }
        let text = columns.raw(column, in: row)
        if text.trimmingWhitespace().isEmpty { return .some(nil) }
        return .some(try MoneyParser.parse(text, currency: currency, field: label))
    }

    /// A counted quantity: a whole number, 0 or more; nil for an empty cell.
    static func count(_ text: String, field: String) throws(ValidationError) -> Int64? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        guard let value = DecimalText.wholeNumber(trimmed) else {
            throw ValidationError(field: field, message: "\(field) \"\(text)\" is not a whole number", hint: "e.g. 12")
        }
        guard value >= 0 else {
            throw ValidationError(field: field, message: "\(field) \(value) is below zero", hint: "a count is 0 or more")
        }
        return value
    }
}
