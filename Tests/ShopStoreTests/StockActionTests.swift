import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// Receive, adjust, transfer and stocktake: all movements, never an overwritten level.
final class StockActionTests: XCTestCase {
    private var shop: ShopDatabase!

    override func setUpWithError() throws {
        shop = try makeInMemoryShop()
        try shop.rawExecute(Self.fixture)
    }

    static let fixture = """
        INSERT INTO location(id, code, name, kind) VALUES (1, 'BER', 'Berlin', 'warehouse'), (2, 'HAM', 'Hamburg', 'warehouse');
        INSERT INTO product(id, handle, title, created_at, updated_at) VALUES (1, 'mug', 'Mug', 'x', 'x');
        INSERT INTO variant(id, product_id, sku, price_minor, created_at, updated_at) VALUES (1, 1, 'MUG', 1200, 'x', 'x');
        """

    private func level(_ location: Int64) throws -> Int64 {
        try shop.integer("SELECT on_hand FROM stock_level WHERE variant_id = 1 AND location_id = \(location)") ?? 0
    }

    func testATransferIsTwoMovementsInOneBatchAndMovesTheLevel() throws {
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 10, reference: "PO-1"))
        let result = try shop.perform(.transferStock(variantID: 1, from: 1, to: 2, quantity: 4, reference: "TR-1", beyondAvailable: false))
        XCTAssertEqual(try level(1), 6)
        XCTAssertEqual(try level(2), 4)
        XCTAssertEqual(try shop.texts("SELECT reason || ' ' || quantity FROM stock_movement WHERE reference = 'TR-1' ORDER BY id"),
                       ["transfer_out -4", "transfer_in 4"])
        XCTAssertEqual(try shop.integer("SELECT count(DISTINCT batch_id) FROM audit_log WHERE batch_id = \(result.batchID)"), 1)
    }

    func testATransferOfMoreThanIsThereIsRefusedUnlessConfirmedAndNothingIsWritten() throws {
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 3, reference: "PO-1"))
        XCTAssertThrowsError(try shop.perform(.transferStock(variantID: 1, from: 1, to: 2, quantity: 5, reference: "", beyondAvailable: false))) {
            XCTAssertTrue("\($0)".contains("only 3 on hand"), "\($0)")
        }
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM stock_movement"), 1)
        try shop.perform(.transferStock(variantID: 1, from: 1, to: 2, quantity: 5, reference: "", beyondAvailable: true))
        XCTAssertEqual(try level(1), -2)
    }

    func testBadStockInputIsRefusedWithAClearMessage() {
        let cases: [(WriteCommand, String)] = [
            (.transferStock(variantID: 1, from: 1, to: 1, quantity: 1, reference: "", beyondAvailable: false), "two different locations"),
            (.transferStock(variantID: 1, from: 1, to: 2, quantity: 0, reference: "", beyondAvailable: false), "at least one unit"),
            (.stocktake(variantID: 1, locationID: 1, counted: -1, reference: ""), "below zero"),
            (.recordMovement(variantID: 1, locationID: 1, reason: .adjustment, quantity: -1, reference: " "), "needs a reason"),
            (.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 0, reference: "PO"), "zero"),
        ]
        for (command, words) in cases {
            XCTAssertThrowsError(try shop.perform(command)) { error in
                XCTAssertTrue("\(error)".contains(words), "\(command): \(error)")
            }
        }
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM stock_movement"), 0)
    }

    func testAStocktakeRecordsTheDifferenceAndACountThatAgreesRecordsNothing() throws {
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 12, reference: "PO-1"))
        try shop.perform(.stocktake(variantID: 1, locationID: 1, counted: 10, reference: "count 2026-11"))
        XCTAssertEqual(try level(1), 10)
        XCTAssertEqual(try shop.text("SELECT reason || ' ' || quantity FROM stock_movement ORDER BY id DESC LIMIT 1"), "stocktake -2")
        let same = try shop.perform(.stocktake(variantID: 1, locationID: 1, counted: 10, reference: ""))
        XCTAssertTrue(same.changes.isEmpty)
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM stock_movement"), 2)
    }

    func testLevelsEqualTheLedgerAfterAnySequenceOfActions() throws {
        var generator = SeededGenerator(seed: 20261123)
        for step in 0..<300 {
            let location = Int64.random(in: 1...2, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                try shop.perform(.recordMovement(variantID: 1, locationID: location, reason: .receipt,
                                                 quantity: Int64.random(in: 1...20, using: &generator), reference: "PO-\(step)"))
            case 1:
                try shop.perform(.recordMovement(variantID: 1, locationID: location, reason: .adjustment,
                                                 quantity: Int64.random(in: -5...5, using: &generator) | 1, reference: "step \(step)"))
            case 2:
                try shop.perform(.transferStock(variantID: 1, from: location, to: 3 - location,
                                                quantity: Int64.random(in: 1...8, using: &generator), reference: "TR", beyondAvailable: true))
            default:
                try shop.perform(.stocktake(variantID: 1, locationID: location, counted: Int64.random(in: 0...30, using: &generator),
                                            reference: "count"))
            }
        }
        XCTAssertEqual(try shop.check(), [], "every level equals the sum of its ledger")
        for location: Int64 in [1, 2] {
            XCTAssertEqual(try level(location), try shop.integer(
                "SELECT COALESCE(SUM(quantity), 0) FROM stock_movement WHERE variant_id = 1 AND location_id = \(location)"))
        }
    }

    func testTwoManagersReceivingTheSameVariantAtOnceBothLand() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.db").path
        let setup = try ShopDatabase.open(path: path, actor: "setup", clock: { pinnedNow })
        try setup.rawExecute(Self.fixture)
        try setup.close()
        let anna = try ShopDatabase.open(path: path, actor: "anna", clock: { pinnedNow })
        let ben = try ShopDatabase.open(path: path, actor: "ben", clock: { pinnedNow })
        let group = DispatchGroup()
        for manager in [anna, ben] {
            group.enter()
            DispatchQueue.global().async {
                for index in 0..<25 {
                    try? manager.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 2, reference: "PO-\(index)"))
                }
                group.leave()
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(try anna.integer("SELECT on_hand FROM stock_level WHERE variant_id = 1 AND location_id = 1"), 100)
        XCTAssertEqual(try anna.integer("SELECT count(*) FROM stock_movement"), 50)
    }

    func testTheLevelOnAPastDateSumsTheLedgerUpToTheEndOfThatMoment() throws {
        try shop.rawExecute("""
            INSERT INTO stock_movement(at, variant_id, location_id, reason, quantity, reference, actor) VALUES
              ('2026-10-01T09:00:00Z', 1, 1, 'receipt', 10, 'PO-1', 'anna'),
              ('2026-10-05T09:00:00Z', 1, 1, 'sale', -3, '#1', 'shop'),
              ('2026-10-05T10:00:00Z', 1, 2, 'receipt', 4, 'PO-2', 'anna'),
              ('2026-11-01T09:00:00Z', 1, 1, 'sale', -2, '#2', 'shop');
            """)
        func levels(_ text: String) throws -> [String] {
            try shop.stockLevels(variantID: 1, at: Timestamp(iso8601: text)!).map { "\($0.location.code) \($0.onHand)" }
        }
        XCTAssertEqual(try levels("2026-09-30T23:59:59Z"), ["BER 0", "HAM 0"])
        XCTAssertEqual(try levels("2026-10-05T09:00:00Z"), ["BER 7", "HAM 0"], "a movement at that very moment counts")
        XCTAssertEqual(try levels("2026-10-31T23:59:59Z"), ["BER 7", "HAM 4"])
        XCTAssertEqual(try levels("2026-11-30T00:00:00Z"), ["BER 5", "HAM 4"])
    }

    func testTheLedgerShowsTheRunningBalancePerLocationNewestFirst() throws {
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 10, reference: "PO-1"))
        try shop.perform(.transferStock(variantID: 1, from: 1, to: 2, quantity: 4, reference: "TR-1", beyondAvailable: false))
        try shop.perform(.stocktake(variantID: 1, locationID: 1, counted: 5, reference: "count"))
        let ledger = try XCTUnwrap(try shop.variantDetail(id: 1)).recentMovements
        XCTAssertEqual(ledger.map { "\($0.locationCode) \($0.quantity) = \($0.balance ?? -99)" },
                       ["BER -1 = 5", "HAM 4 = 4", "BER -4 = 6", "BER 10 = 10"])
    }
}

/// A small deterministic random source, so a failing sequence can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
