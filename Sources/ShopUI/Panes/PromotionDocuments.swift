import ShopKit

/// Read-only documents about promotions: the promotions overlapping one, its usage, and a price
/// explained step by step. Names and codes are untrusted and enter as `SafeText` through the spans.
enum PromotionDocuments {
    /// Schedule in short: "11-18→11-30", "11-18→open".
    static func schedule(_ from: Timestamp, _ until: Timestamp?) -> String {
        String(from.dateText.dropFirst(5)) + "→" + (until.map { String($0.dateText.dropFirst(5)) } ?? "open")
    }

    /// The selected promotion and each that meets it, side by side in columns: what it takes off,
    /// when they run together, whether it stacks with this one or excludes it, how many variants
    /// both cover.
    static func overlaps(_ promotion: Promotion, _ overlaps: [PromotionOverlap], now: Timestamp) -> DetailDocument {
        var doc = DetailDocument(title: SafeText("Overlaps of ") + SafeText(promotion.name))
        func row(_ name: String, _ value: String, _ when: String, _ with: String, _ shared: String, _ role: StyleRole) {
            doc.line([
                .init(SafeText(pad(name, 24))), .init(SafeText(pad(value, 9))), .init(SafeText(pad(when, 12)), .dim),
                .init(SafeText(pad(with, 12)), role), .init(SafeText(shared), .dim),
            ])
        }
        doc.line([.init(SafeText(pad("Promotion", 24) + pad("Value", 9) + pad("Together", 12) + pad("With this", 12) + "Variants"), .header)])
        row(promotion.name, promotion.valueText, schedule(promotion.startsAt, promotion.endsAt), "(this one)",
            promotion.combines ? "combines" : "exclusive", .brand)
        if overlaps.isEmpty {
            doc.line([.init("No other promotion runs on its variants at the same time.", .dim)])
            return doc
        }
        for overlap in overlaps {
            row(overlap.promotion.name, overlap.promotion.valueText, schedule(overlap.from, overlap.until),
                overlap.combines ? "+ combines" : "× excludes", "\(overlap.sharedVariants) shared",
                overlap.combines ? .good : .warning)
        }
        let combining = overlaps.filter(\.combines).count
        doc.line([])
        doc.line([.init(SafeText(
            "\(combining) combine (their discounts add up); \(overlaps.count - combining) exclude (the customer gets the lower price)."),
            .dim)])
        return doc
    }

    /// Uses, orders, revenue and discount given, in all and per code.
    static func usage(_ promotion: Promotion, _ report: PromotionUsageReport) -> DetailDocument {
        var doc = DetailDocument(title: SafeText("Usage of ") + SafeText(promotion.name))
        doc.field("Uses recorded", promotion.usageLimit.map { "\(report.recordedUses) of \($0)" } ?? String(report.recordedUses))
        doc.field("Orders", Format.quantity(report.totals.orders))
        doc.field("Units", Format.quantity(report.totals.units))
        doc.field("Revenue", report.totals.revenue.formatted + "  (goods of those orders, after discounts)")
        doc.field("Discount given", report.totals.discount.formatted)
        doc.heading("Per code (most orders first)")
        if report.codes.isEmpty {
            doc.line([.init(SafeText(promotion.trigger == .automatic
                ? "Automatic: orders record codes, so only its counter is known."
                : "No order carries its codes yet."), .dim)])
            return doc
        }
        doc.line([.init(SafeText(pad("Code", 20) + pad("Uses", 7) + pad("Orders", 8) + pad("Revenue", 13) + "Discount"), .header)])
        for code in report.codes {
            doc.line([
                .init(SafeText(pad(code.code, 20))), .init(SafeText(pad(Format.quantity(code.recordedUses), 7))),
                .init(SafeText(pad(Format.quantity(code.figures.orders), 8))), .init(SafeText(pad(code.figures.revenue.formatted, 13))),
                .init(SafeText(code.figures.discount.formatted)),
            ])
        }
        if report.codesUsed > Int64(report.codes.count) {
            doc.line([.init(SafeText("… and \(report.codesUsed - Int64(report.codes.count)) more codes with orders"), .dim)])
        }
        return doc
    }

    /// Regular price → each promotion applied or skipped and why → roundings → the result.
    static func explanation(_ quote: VariantPriceQuote, at moment: Timestamp, code: String) -> DetailDocument {
        let variant = quote.variant
        var doc = DetailDocument(title: SafeText("Price of ") + SafeText(variant.label) + SafeText(" — ") + SafeText(variant.productTitle))
        doc.field("At", moment.minuteText + " UTC")
        doc.field("Code", code.isEmpty ? "(none typed)" : code)
        doc.field("Regular price", quote.regularUnitPrice.formatted)
        doc.field("Price now", quote.effectiveUnitPrice.formatted,
                  quote.effectiveUnitPrice < quote.regularUnitPrice ? .good : .normal)
        doc.heading("Steps")
        for step in quote.trace {
            let role: StyleRole = switch step {
            case .applied: .good
            case .skipped, .rounded: .dim
            case .result: .header
            default: .normal
            }
            doc.line([.init(SafeText(step.description), role)])
        }
        return doc
    }
}
