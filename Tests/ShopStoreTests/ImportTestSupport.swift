import Foundation
@testable import ShopStore
import XCTest

/// Import tests work on files in a fresh temporary folder, written from inline text so that
/// line endings, a BOM or a missing final newline are exactly as the test says.
final class ImportFolder {
    let url: URL

    init() throws { url = try makeTemporaryFolder() }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func read(_ name: String) throws -> String { try String(contentsOf: file(name), encoding: .utf8) }
}

/// A Shopify product file in the 2019 layout (Cost per item, no Status), CRLF line ends, a BOM,
/// no final newline, a multi-line quoted HTML body, an image-only row and a product without SKUs.
let shopifyProductsCSV = "\u{FEFF}" + [
    "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Grams,"
        + "Variant Inventory Qty,Variant Price,Variant Compare At Price,Variant Barcode,Image Src,Image Position,Cost per item",
    "clay-pot,Clay Plant Pot,\"<p>Classic\r\nclay\u{00A0}pot</p>\",Home & Garden,Pots,\"garden, clay\",true,Size,Regular,POT-R,450,"
        + "5,9.99,,,https://img/pot-1.jpg,1,4.10",
    "clay-pot,,,,,,,,Large,POT-L,900,3,15.99,19.99,,https://img/pot-2.jpg,2,",
    "clay-pot,,,,,,,,,,,,,,,https://img/pot-3.jpg,3,",
    "copper-light,Copper Light,<p>Light</p>,Lumen,Lights,,false,Title,Default Title,,1200,,59.99,75,,,,",
].joined(separator: "\r\n")
