import ShopKit
import XCTest

/// Rows as a CSV reader hands them over: the header, then records with the line each starts on.
private func rows(_ header: [String], _ records: [[String: String]], firstLine: Int = 2) -> (ColumnIndex, [SourceRow]) {
    let columns = ColumnIndex(header: header)
    let rows = records.enumerated().map { index, values in
        SourceRow(line: firstLine + index, cells: header.map { values[$0] ?? "" })
    }
    return (columns, rows)
}

private func mapShopify(_ header: [String], _ records: [[String: String]]) -> MappedRows<ImportedProduct> {
    let (columns, rows) = rows(header, records)
    var mapper = ShopifyProductMapper(columns: columns, currency: .eur)
    var result = MappedRows<ImportedProduct>()
    for row in rows { result.append(mapper.add(row)) }
    result.append(mapper.finish())
    return result
}

final class SpreadsheetCellTests: XCTestCase {
    func testFormulaLikeTextIsGuardedWithAQuote() {
        XCTAssertEqual(SpreadsheetCell.text("=HYPERLINK(\"http://x\",\"click\")").written, "'=HYPERLINK(\"http://x\",\"click\")")
        XCTAssertEqual(SpreadsheetCell.text("@SUM(A1:A2)").written, "'@SUM(A1:A2)")
        XCTAssertEqual(SpreadsheetCell.text("+1").written, "'+1")
        XCTAssertEqual(SpreadsheetCell.text("-1+1").written, "'-1+1")
        XCTAssertEqual(SpreadsheetCell.text("\tcmd").written, "'\tcmd")
        XCTAssertEqual(SpreadsheetCell.text("\rcmd").written, "'\rcmd")
        XCTAssertEqual(SpreadsheetCell.text("\0x").written, "'\0x")
    }

    func testSpacesAndInvisibleCharactersDoNotHideAFormula() {
        XCTAssertEqual(SpreadsheetCell.text("\u{200B}=1+1").written, "'\u{200B}=1+1")
        XCTAssertEqual(SpreadsheetCell.text("  =1").written, "'  =1")
        XCTAssertEqual(SpreadsheetCell.text("\u{FEFF}@x").written, "'\u{FEFF}@x")
        XCTAssertEqual(SpreadsheetCell.text("\u{00A0}+x").written, "'\u{00A0}+x")
    }

    func testPlainTextAndNumbersAreWrittenAsTheyAre() {
        XCTAssertEqual(SpreadsheetCell.text("Merino Beanie").written, "Merino Beanie")
        XCTAssertEqual(SpreadsheetCell.text("a=b").written, "a=b")
        XCTAssertEqual(SpreadsheetCell.integer(-3).written, "-3")
        XCTAssertEqual(SpreadsheetCell.money(Money(minorUnits: -1999, currency: .eur)).written, "-19.99")
        XCTAssertEqual(SpreadsheetCell.money(nil).written, "")
    }

    func testGuardIsUndoneOnImportForEveryText() {
        for text in ["=1", "'=1", "''=1", "'plain", "plain", "-3", "", "'", "\u{200B}=x", "'\u{200B}@x"] {
            XCTAssertEqual(SpreadsheetCell.unguarded(SpreadsheetCell.text(text).written), text, "round trip of \(text.debugDescription)")
        }
    }
}

final class ExchangeNumberTests: XCTestCase {
    func testWeightsConvertToWholeGramsExactly() throws {
        XCTAssertEqual(try WeightUnit.lbs.grams(".5"), 227) // 226.796185
        XCTAssertEqual(try WeightUnit.lbs.grams("1.5"), 680) // 680.388555
        XCTAssertEqual(try WeightUnit.lbs.grams("2"), 907) // 907.18474
        XCTAssertEqual(try WeightUnit.kg.grams("1,25"), 1250)
        XCTAssertEqual(try WeightUnit.oz.grams("1"), 28)
        XCTAssertEqual(try WeightUnit.g.grams("0.0"), 0)
        XCTAssertNil(try WeightUnit.g.grams(""))
        XCTAssertThrowsError(try WeightUnit.kg.grams("heavy"))
        XCTAssertEqual(WeightUnit(naming: "lbs"), .lbs)
    }

    func testWholeNumbersAcceptATrailingZeroFraction() {
        XCTAssertEqual(DecimalText.wholeNumber("12"), 12)
        XCTAssertEqual(DecimalText.wholeNumber("-3"), -3)
        XCTAssertEqual(DecimalText.wholeNumber("12.0"), 12)
        XCTAssertNil(DecimalText.wholeNumber("12.5"))
        XCTAssertNil(DecimalText.wholeNumber(""))
    }
}

final class ProductFileFormatTests: XCTestCase {
    func testLayoutIsDetectedFromTheHeaderWhateverTheColumnOrder() throws {
        XCTAssertEqual(try ProductFileFormat.detect(ColumnIndex(header: ["Variant Price", "Title", "\u{FEFF}Handle"])), .shopify)
        XCTAssertEqual(try ProductFileFormat.detect(ColumnIndex(header: ["ID", "Type", "SKU", "Name", "Regular price"])), .woocommerce)
    }

    func testUnknownLayoutIsRefusedNamingTheFormatsAndTheMissingColumns() {
        XCTAssertThrowsError(try ProductFileFormat.detect(ColumnIndex(header: ["Handle", "Name"]))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("shopify") && text.contains("woocommerce"), text)
            XCTAssertTrue(text.contains("Variant Price") && text.contains("Regular price"), text)
        }
    }
}

final class ShopifyProductMappingTests: XCTestCase {
    let oldHeader = ["Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published", "Option1 Name", "Option1 Value",
                     "Variant SKU", "Variant Grams", "Variant Inventory Qty", "Variant Price", "Variant Compare At Price",
                     "Image Src", "Image Position"]
    // A newer layout: other order, Product Category, Cost per item, per-market prices and Status.
    let newHeader = ["Status", "Price / France", "Cost per item", "Variant Price", "Option1 Value", "Option1 Name",
                     "Option2 Name", "Option2 Value", "Variant SKU", "Product Category", "Title", "Handle", "Body (HTML)",
                     "Vendor", "Image Src", "Image Position", "Variant Compare At Price", "Variant Grams"]

    func testRowsSharingAHandleBecomeOneProductWithItsVariantsAndImages() {
        let result = mapShopify(oldHeader, [
            ["Handle": "varsity-top", "Title": "Classic Varsity Top", "Body (HTML)": "<p>Top</p>", "Vendor": "Partners",
             "Tags": "women, sport", "Published": "true", "Option1 Name": "Size", "Option1 Value": "Small",
             "Variant Price": "60", "Variant Grams": "250", "Variant Inventory Qty": "3", "Image Src": "https://x/1.jpg",
             "Image Position": "1"],
            ["Handle": "varsity-top", "Option1 Value": "Medium", "Variant Price": "60"],
            ["Handle": "varsity-top", "Image Src": "https://x/2.jpg", "Image Position": "2"],
            ["Handle": "ocean-shirt", "Title": "Ocean Shirt", "Option1 Name": "Title", "Option1 Value": "Default Title",
             "Variant Price": "50.00"],
        ])
        XCTAssertEqual(result.rejects, [])
        XCTAssertEqual(result.records.map(\.handle), ["varsity-top", "ocean-shirt"])
        let top = result.records[0]
        XCTAssertEqual(top.fields?.title, "Classic Varsity Top")
        XCTAssertEqual(top.fields?.tags, ["women", "sport"])
        XCTAssertEqual(top.fields?.status, .active)
        XCTAssertEqual(top.fields?.optionNames ?? [], ["Size", nil, nil])
        XCTAssertEqual(top.variants.map { $0.options[0] }, ["Small", "Medium"])
        XCTAssertEqual(top.variants[0].price?.minorUnits, 6000)
        XCTAssertEqual(top.variants[0].stock, 3)
        XCTAssertEqual(top.variants[0].grams, 250)
        XCTAssertEqual(top.images?.map(\.src), ["https://x/1.jpg", "https://x/2.jpg"], "the image-only row adds an image, no variant")
        XCTAssertEqual(top.lines, [2, 3, 4])
        XCTAssertNil(top.variants[0].cost, "no Cost per item column: the stored cost is kept")
    }

    func testColumnsAreMatchedByNameInANewerLayout() {
        let result = mapShopify(newHeader, [
            ["Handle": "boot", "Title": "Otti Combat Boot", "Status": "draft", "Price / France": "99.00", "Cost per item": "210,50",
             "Variant Price": "595.00", "Option1 Name": "Color", "Option1 Value": "Milky", "Option2 Name": "Size",
             "Option2 Value": "35", "Product Category": "Apparel & Accessories > Shoes", "Variant Grams": "0.0"],
        ])
        let boot = result.records[0]
        XCTAssertEqual(boot.fields?.status, .draft)
        XCTAssertEqual(boot.fields?.category, "Apparel & Accessories > Shoes")
        XCTAssertEqual(boot.variants[0].price?.minorUnits, 59500, "the per-market price is not the variant price")
        XCTAssertEqual(boot.variants[0].cost, .some(Money(minorUnits: 21050, currency: .eur)), "19,99-style decimal comma")
        XCTAssertEqual(boot.variants[0].options, ["Milky", "35", nil])
        XCTAssertEqual(boot.variants[0].grams, 0)
        XCTAssertEqual(boot.variants[0].compareAtPrice, .some(nil), "an empty compare-at cell clears it")
    }

    func testTextIsKeptAsWrittenWithNBSPLineSeparatorAndMultiLineHTML() {
        let body = "<p>Soft\u{00A0}cotton\u{2028}line</p>\r\n<ul>\n<li>\"quoted\"</li>\n</ul>"
        let result = mapShopify(oldHeader, [
            ["Handle": "tee", "Title": "Tee\u{00A0}Shirt", "Body (HTML)": body, "Variant Price": "10"],
        ])
        XCTAssertEqual(result.records[0].fields?.bodyHTML, body)
        XCTAssertEqual(result.records[0].fields?.title, "Tee\u{00A0}Shirt")
    }

    func testEmptyPriceKeepsTheStoredPriceAndOptionNamesMayDifferBetweenProducts() {
        let result = mapShopify(oldHeader, [
            ["Handle": "a", "Title": "A", "Option1 Name": "Size", "Option1 Value": "S", "Variant Price": ""],
            ["Handle": "b", "Title": "B", "Option1 Name": "Colour", "Option1 Value": "Red", "Variant Price": "1"],
        ])
        XCTAssertEqual(result.records.count, 2)
        XCTAssertNil(result.records[0].variants[0].price)
        XCTAssertEqual(result.records[1].fields?.optionNames?.first ?? nil, "Colour")
    }

    func testABadVariantRowIsRejectedWithItsLineAndTheOthersAreKept() {
        let result = mapShopify(oldHeader, [
            ["Handle": "mug", "Title": "Mug", "Option1 Name": "Size", "Option1 Value": "S", "Variant Price": "9.99"],
            ["Handle": "mug", "Option1 Value": "M", "Variant Price": "nine"],
            ["Handle": "mug", "Option1 Value": "L", "Variant Price": "12", "Variant Compare At Price": "10"],
        ])
        XCTAssertEqual(result.records[0].variants.map { $0.options[0] }, ["S"])
        XCTAssertEqual(result.rejects.map(\.line), [3, 4])
        XCTAssertTrue(result.rejects[0].reason.contains("not an amount"), result.rejects[0].reason)
        XCTAssertTrue(result.rejects[1].reason.contains("compare-at"), result.rejects[1].reason)
    }

    func testAProductWithABadHandleIsRejectedOnEveryRow() {
        let result = mapShopify(oldHeader, [
            ["Handle": "Bad Handle!", "Title": "X", "Variant Price": "1"],
            ["Handle": "Bad Handle!", "Option1 Value": "M", "Variant Price": "1"],
        ])
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.rejects.map(\.line), [2, 3])
    }

    func testRowsOfAHandleWithoutATitleOnlyAddVariants() {
        let result = mapShopify(oldHeader, [["Handle": "late", "Option1 Value": "XL", "Variant Price": "5"]])
        XCTAssertNil(result.records[0].fields)
        XCTAssertEqual(result.records[0].variants.count, 1)
    }
}

final class WooCommerceProductMappingTests: XCTestCase {
    let header = ["ID", "Type", "SKU", "Name", "Published", "Description", "Stock", "Weight (lbs)", "Sale price", "Regular price",
                  "Categories", "Tags", "Images", "Parent", "Attribute 1 name", "Attribute 1 value(s)", "Attribute 2 name",
                  "Attribute 2 value(s)"]

    func map(_ records: [[String: String]]) -> MappedRows<ImportedProduct> {
        let (columns, rows) = rows(header, records)
        var mapper = WooCommerceProductMapper(columns: columns, currency: .usd)
        var result = MappedRows<ImportedProduct>()
        for row in rows { result.append(mapper.add(row)) }
        return result
    }

    func testVariableProductAndItsVariationsLinkedByIDOrSKU() {
        let result = map([
            ["ID": "44", "Type": "variable", "SKU": "woo-vneck-tee", "Name": "V-Neck T-Shirt", "Published": "1",
             "Weight (lbs)": ".5", "Categories": "Clothing > Tshirts, Music", "Attribute 1 name": "Color",
             "Attribute 1 value(s)": "Blue, Red", "Attribute 2 name": "Size", "Attribute 2 value(s)": "S, M",
             "Images": "https://x/a.jpg, https://x/b.jpg"],
            ["ID": "76", "Type": "variation", "SKU": "woo-vneck-tee-red", "Regular price": "20", "Parent": "id:44",
             "Attribute 1 name": "Color", "Attribute 1 value(s)": "Red", "Stock": "7"],
            ["ID": "78", "Type": "variation", "SKU": "woo-vneck-tee-blue", "Regular price": "15", "Sale price": "12.5",
             "Parent": "woo-vneck-tee", "Attribute 1 value(s)": "Blue", "Attribute 2 value(s)": "M", "Weight (lbs)": "1"],
        ])
        XCTAssertEqual(result.rejects, [])
        let parent = result.records[0]
        XCTAssertEqual(parent.handle, "woo-vneck-tee")
        XCTAssertEqual(parent.fields?.category, "Clothing > Tshirts")
        XCTAssertEqual(parent.fields?.optionNames ?? [], ["Color", "Size", nil])
        XCTAssertEqual(parent.variants.count, 0)
        XCTAssertEqual(parent.images?.count, 2)
        let red = result.records[1]
        XCTAssertEqual(red.handle, "woo-vneck-tee")
        XCTAssertNil(red.fields)
        XCTAssertEqual(red.variants[0].options, ["Red", nil, nil])
        XCTAssertEqual(red.variants[0].grams, 227, "a variation without a weight has its parent's")
        XCTAssertEqual(red.variants[0].stock, 7)
        XCTAssertEqual(red.variants[0].compareAtPrice, .some(nil))
        let blue = result.records[2].variants[0]
        XCTAssertEqual(blue.price?.minorUnits, 1250, "the sale price is the price")
        XCTAssertEqual(blue.compareAtPrice, .some(Money(minorUnits: 1500, currency: .usd)), "the regular price becomes compare-at")
        XCTAssertEqual(blue.grams, 454)
    }

    func testSimpleProductHasOneVariantAndGroupedProductsAreRejected() {
        let result = map([
            ["ID": "48", "Type": "simple, downloadable, virtual", "SKU": "woo-beanie", "Name": "Beanie", "Regular price": "20",
             "Published": "0"],
            ["ID": "87", "Type": "grouped", "SKU": "logo-collection", "Name": "Logo Collection"],
            ["ID": "99", "Type": "variation", "SKU": "orphan", "Parent": "id:1", "Regular price": "1"],
        ])
        XCTAssertEqual(result.records.count, 1)
        XCTAssertEqual(result.records[0].fields?.status, .draft)
        XCTAssertEqual(result.records[0].variants.first?.sku, "woo-beanie")
        XCTAssertEqual(result.rejects.map(\.line), [3, 4])
        XCTAssertTrue(result.rejects[0].reason.contains("grouped"))
        XCTAssertTrue(result.rejects[1].reason.contains("id:1"))
    }
}

final class InventoryAndDiscountMappingTests: XCTestCase {
    func testRowPerLocationLayoutUsesOnHandAndTreatsAnEmptySKUAsNone() throws {
        let header = ["Handle", "Title", "Option1 Name", "Option1 Value", "SKU", "Location", "Incoming", "Unavailable",
                      "Committed", "Available", "On hand"]
        let (columns, rows) = rows(header, [
            ["Handle": "puff", "Option1 Name": "Color", "Option1 Value": "Latte", "SKU": "", "Location": "Shop location",
             "Available": "100", "On hand": "103"],
        ])
        let mapper = try InventoryFileMapper(columns: columns)
        XCTAssertEqual(mapper.layout, .rowPerLocation)
        let count = mapper.map(rows[0]).records[0]
        XCTAssertNil(count.sku)
        XCTAssertEqual(count.options, ["Latte", nil, nil])
        XCTAssertEqual(count.counted, 103)
        XCTAssertEqual(count.location, "Shop location")
    }

    func testOlderLayoutHasAColumnPerLocation() throws {
        let header = ["Handle", "Title", "Option1 Name", "Option1 Value", "SKU", "Warehouse", "Shop"]
        let (columns, rows) = rows(header, [["Handle": "mug", "SKU": "MUG-1", "Warehouse": "5", "Shop": "not stocked"]])
        let mapper = try InventoryFileMapper(columns: columns)
        XCTAssertEqual(mapper.layout, .columnPerLocation(["Warehouse", "Shop"]))
        let counts = mapper.map(rows[0]).records
        XCTAssertEqual(counts.map(\.location), ["Warehouse"])
        XCTAssertEqual(counts.map(\.sku), ["MUG-1"])
    }

    let discountHeader = ["Name", "Value", "Value Type", "Type", "Discount Class", "Minimum Purchase Requirements",
                          "Combines with Order Discounts", "Combines with Product Discounts", "Combines with Shipping Discounts",
                          "Customer Selection", "Times Used In Total", "Applies Once Per Customer", "Usage Limit Per Code",
                          "Status", "Start", "End"]

    func testShopifyDiscountsMapNegativeAmountsOffAndDatesWithOffsets() throws {
        let (columns, rows) = rows(discountHeader, [
            ["Name": "Custom Fail Tag 10,000 Discount", "Value": "-75.0", "Value Type": "fixed_amount", "Type": "Amount Off",
             "Discount Class": "order", "Combines with Order Discounts": "1", "Combines with Product Discounts": "1",
             "Combines with Shipping Discounts": "1", "Customer Selection": "all", "Times Used In Total": "4",
             "Usage Limit Per Code": "100", "Start": "2023-12-28 16:45:15 -0500", "End": "2024-01-31 00:00:00 +0100"],
            ["Name": "SPRING15", "Value": "-15.5", "Value Type": "percentage", "Type": "Percentage", "Discount Class": "product",
             "Minimum Purchase Requirements": "20", "Start": "2024-03-01 00:00:00 +0000"],
            ["Name": "BOGO", "Value": "", "Value Type": "", "Type": "Buy X Get Y", "Start": "2024-03-01 00:00:00 +0000"],
        ])
        let mapper = try DiscountFileMapper(columns: columns, currency: .usd)
        let fixed = mapper.map(rows[0]).records[0]
        XCTAssertEqual(fixed.promotion.kind, .fixedAmount)
        XCTAssertEqual(fixed.promotion.amount?.minorUnits, 7500)
        XCTAssertEqual(fixed.promotion.name, "Custom Fail Tag 10,000 Discount")
        XCTAssertEqual(fixed.promotion.startsAt.iso8601, "2023-12-28T21:45:15Z")
        XCTAssertEqual(fixed.promotion.endsAt?.iso8601, "2024-01-30T23:00:00Z")
        XCTAssertTrue(fixed.promotion.combines)
        XCTAssertEqual(fixed.promotion.usageLimit, 100)
        XCTAssertEqual(fixed.promotion.uses, 4)

        let percent = mapper.map(rows[1]).records[0]
        XCTAssertEqual(percent.promotion.percentBasisPoints, 1550)
        XCTAssertTrue(percent.promotion.paused, "what the file could not say keeps it from running")
        XCTAssertTrue(percent.notes.contains { $0.contains("minimum purchase requirement 20") }, "\(percent.notes)")
        XCTAssertTrue(percent.notes.contains { $0.contains("products or collections") }, "\(percent.notes)")

        let bogo = mapper.map(rows[2])
        XCTAssertEqual(bogo.records.count, 0)
        XCTAssertEqual(bogo.rejects.first?.line, 4)
    }
}
