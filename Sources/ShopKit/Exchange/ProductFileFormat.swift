/// The product file layouts shopdesk reads, recognised by their header.
public enum ProductFileFormat: String, CaseIterable, Sendable {
    case shopify, woocommerce

    /// The columns without which a file is not of this layout.
    public var requiredColumns: [String] {
        switch self {
        case .shopify: ["Handle", "Title", "Variant Price"]
        case .woocommerce: ["Type", "SKU", "Name", "Regular price"]
        }
    }

    public var displayName: String {
        switch self {
        case .shopify: "Shopify product CSV"
        case .woocommerce: "WooCommerce product CSV"
        }
    }

    /// The format whose required columns the header has, or a refusal that names the supported
    /// formats and what each lacks.
    public static func detect(_ columns: ColumnIndex) throws(ValidationError) -> ProductFileFormat {
        if let format = allCases.first(where: { columns.missing($0.requiredColumns).isEmpty }) { return format }
        throw unknownLayout(columns)
    }

    /// Checks that the header fits the format a person named.
    public func check(_ columns: ColumnIndex) throws(ValidationError) {
        let missing = columns.missing(requiredColumns)
        guard missing.isEmpty else {
            throw ValidationError(
                field: "format", message: "this is not a \(displayName): columns \(missing.joined(separator: ", ")) are missing",
                hint: "check the file, or leave out --format to detect it")
        }
    }

    static func unknownLayout(_ columns: ColumnIndex) -> ValidationError {
        let details = allCases.map { format in
            "\(format.displayName) (\(format.rawValue)) lacks \(columns.missing(format.requiredColumns).joined(separator: ", "))"
        }
        return ValidationError(
            field: "format", message: "the file's layout is not one shopdesk reads: " + details.joined(separator: "; "),
            hint: "supported formats are " + allCases.map(\.rawValue).joined(separator: " and "))
    }
}
