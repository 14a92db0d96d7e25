import ShopKit

/// Catalog: one row per product — what is sold and how complete it is.
enum CatalogPane {
    static let definition = PaneDefinition(
        id: .catalog,
        columns: { _ in
            [
                Column("Title", .flexible(minimum: 14, weight: 4), priority: 10),
                Column("Vendor", .flexible(minimum: 8, weight: 2), priority: 6),
                Column("Type", .flexible(minimum: 8, weight: 2), priority: 3),
                Column("Status", .fixed(8), priority: 8),
                Column("Var", .fixed(3), .right, priority: 4),
                Column("Stock", .fixed(7), .right, priority: 7),
                Column("Channels", .flexible(minimum: 10, weight: 1), priority: 2),
            ]
        },
        rows: { store, request, _ in try store.productPage(request).map(row) },
        count: { store, filter in try store.productCount(filter: filter) },
        detail: { store, id, context in try store.productDetail(id: id).map { document($0, context: context) } },
        emptyHint: "No products yet. Load the demo shop with `shopdesk init --demo --db FILE`, or `shopdesk demo`.",
        editable: [
            .product(0, "title", .title),
            .product(1, "vendor", .vendor),
            .product(2, "type", .productType),
            .product(3, "status", .status),
        ],
        sortOrders: [("", "title"), ("attention", "needs attention, worst first")])

    static func row(_ item: ProductListItem) -> TableRow {
        let statusRole: StyleRole? = switch item.status {
        case .active: nil
        case .draft: .dim
        case .archived: .dim
        }
        let stockRole: StyleRole? = item.totalStock <= 0 && item.status == .active ? .danger : nil
        return TableRow(id: item.id, key: item.sortKey, cells: [
            .data(item.title),
            .data(item.vendor),
            .data(item.productType),
            TableCell(SafeText(item.status.rawValue), role: statusRole),
            TableCell(SafeText(String(item.variantCount))),
            TableCell(SafeText((stockRole == nil ? "" : "! ") + Format.quantity(item.totalStock)), role: stockRole),
            .data(item.channels.joined(separator: " ")),
        ], version: item.version, editValues: [0: item.title, 1: item.vendor, 2: item.productType, 3: item.status.rawValue])
    }

    static func document(_ detail: ProductDetail, context: PresentationContext) -> DetailDocument {
        let product = detail.product
        var doc = DetailDocument(title: SafeText(product.title))
        doc.field("Handle", product.handle)
        doc.field("Status", product.status.rawValue)
        doc.field("Vendor", product.vendor)
        doc.field("Type", product.productType)
        doc.field("Category", product.category)
        doc.field("Tags", product.tags.joined(separator: ", "))
        doc.field("Images", String(detail.imageCount), detail.imageCount == 0 ? .warning : .normal)
        let channels = detail.listings.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.rawValue)" }
        doc.field("Channels", channels.joined(separator: "  "))
        let seoTitle = product.seoTitle.count
        let seoDescription = product.seoDescription.count
        doc.field("SEO title", "\(product.seoTitle)  (\(seoTitle)/\(CatalogRules.seoTitleLimit))",
                  seoTitle == 0 || seoTitle > CatalogRules.seoTitleLimit ? .warning : .normal)
        doc.field("SEO description", "\(seoDescription)/\(CatalogRules.seoDescriptionLimit) characters",
                  seoDescription == 0 || seoDescription > CatalogRules.seoDescriptionLimit ? .warning : .normal)
        let issues = ContentHealth.issues(healthInput(detail))
        doc.heading("Content health")
        if issues.isEmpty { doc.line([.init("complete: nothing needs attention", .good)]) }
        for issue in issues {
            let severe = issue <= .activeWithoutStock
            doc.line([.init(SafeText((severe ? "! " : "~ ") + issue.label), severe ? .danger : .warning)])
        }
        doc.heading("Variants (\(detail.variants.count))")
        for variant in detail.variants {
            let margin = variant.margin?.marginBasisPoints.map { percentText(basisPoints: $0) } ?? "—"
            let stock = detail.stockByVariant[variant.id] ?? 0
            doc.line([
                .init(SafeText(pad(variant.sku ?? "(no SKU)", 22))),
                .init(SafeText(pad(variant.optionSummary, 16))),
                .init(SafeText(pad(variant.price.formatted, 11))),
                .init(SafeText(pad("margin " + margin, 14)), (variant.margin?.isBelow(floorBasisPoints: context.overview.marginFloorBasisPoints) ?? false) ? .warning : .normal),
                .init(SafeText("stock " + Format.quantity(stock)), stock <= 0 ? .danger : .normal),
            ])
            // Codes and weight on their own line, under the SKU.
            doc.line([
                .init(SafeText(pad("", 2))),
                .init(SafeText("barcode " + (variant.barcode ?? "—") + " · \(variant.grams) g"), .dim),
            ])
        }
        if !detail.images.isEmpty {
            doc.heading("Images (\(detail.images.count))")
            for (index, image) in detail.images.enumerated() { doc.field("  \(index + 1)", image) }
        }
        doc.heading("Description")
        doc.paragraph(product.bodyHTML.isEmpty ? "(none)" : product.bodyHTML)
        return doc
    }
}

extension CatalogPane {
    /// What the content-health rules need to know about a product.
    static func healthInput(_ detail: ProductDetail) -> ContentHealthInput {
        let skus = detail.variants.compactMap(\.sku)
        let barcodes = detail.variants.compactMap(\.barcode)
        return ContentHealthInput(
            status: detail.product.status, bodyHTML: detail.product.bodyHTML, imageCount: detail.imageCount,
            seoTitle: detail.product.seoTitle, seoDescription: detail.product.seoDescription,
            totalStock: detail.stockByVariant.values.reduce(0, +),
            anyVariantWithoutPrice: detail.variants.isEmpty || detail.variants.contains { $0.price.isZero },
            hasDuplicateSKU: Set(skus).count != skus.count, hasDuplicateBarcode: Set(barcodes).count != barcodes.count)
    }
}

/// Pads untrusted text to a width measured in columns (for detail view alignment).
func pad(_ text: String, _ width: Int) -> String {
    let columns = SafeText(text).width
    return columns >= width ? text + " " : text + String(repeating: " ", count: width - columns)
}
