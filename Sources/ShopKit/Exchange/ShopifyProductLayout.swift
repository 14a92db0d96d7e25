/// The Shopify product CSV layout shopdesk exports: the columns its importer reads, so that an
/// export imports back unchanged, in the order Shopify's own export uses.
public enum ShopifyProductLayout {
    public static let header = [
        "Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published",
        "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
        "Variant SKU", "Variant Grams", "Variant Inventory Qty", "Variant Price", "Variant Compare At Price",
        "Variant Barcode", "Image Src", "Image Position", "Image Alt Text", "SEO Title", "SEO Description",
        "Cost per item", "Status",
    ]

    /// The rows of one product: product fields on the first row, a row per variant, and the
    /// images beyond the number of variants on image-only rows (as Shopify writes them).
    public static func rows(_ product: ImportedProduct) -> [[SpreadsheetCell]] {
        let fields = product.fields
        let images = (product.images ?? []).sorted { ($0.position, $0.src) < ($1.position, $1.src) }
        let count = max(product.variants.count, images.count, 1)
        var rows: [[SpreadsheetCell]] = []
        for index in 0..<count {
            var row = [String: SpreadsheetCell]()
            row["Handle"] = .text(product.handle)
            if index == 0, let fields {
                row["Title"] = .text(fields.title)
                row["Body (HTML)"] = .text(fields.bodyHTML ?? "")
                row["Vendor"] = .text(fields.vendor ?? "")
                row["Product Category"] = .text(fields.category ?? "")
                row["Type"] = .text(fields.productType ?? "")
                row["Tags"] = .text((fields.tags ?? []).joined(separator: ", "))
                row["Published"] = .text(fields.status == .active ? "true" : "false")
                for (position, name) in (fields.optionNames ?? []).enumerated() {
                    row["Option\(position + 1) Name"] = .text(name ?? "")
                }
                row["SEO Title"] = .text(fields.seoTitle ?? "")
                row["SEO Description"] = .text(fields.seoDescription ?? "")
                row["Status"] = .text((fields.status ?? .draft).rawValue)
            }
            if index < product.variants.count {
                let variant = product.variants[index]
                for (position, value) in variant.options.enumerated() {
                    row["Option\(position + 1) Value"] = .text(value ?? "")
                }
                row["Variant SKU"] = .text(variant.sku ?? "")
                row["Variant Grams"] = .integer(variant.grams)
                row["Variant Inventory Qty"] = .integer(variant.stock)
                row["Variant Price"] = .money(variant.price)
                row["Variant Compare At Price"] = .money(variant.compareAtPrice ?? nil)
                row["Variant Barcode"] = .text((variant.barcode ?? nil) ?? "")
                row["Cost per item"] = .money(variant.cost ?? nil)
            }
            if index < images.count {
                row["Image Src"] = .text(images[index].src)
                row["Image Position"] = .integer(Int64(images[index].position))
                row["Image Alt Text"] = .text(images[index].altText)
            }
            rows.append(header.map { row[$0] ?? .text("") })
        }
        return rows
    }
}
