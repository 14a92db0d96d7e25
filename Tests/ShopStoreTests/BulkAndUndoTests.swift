import Foundation
import ShopKit
@testable import ShopStore
import XCTest

/// Several variant edits as one change, the margin floor with its audited override, and undo —
/// all through the single write path, each either wholly written or not at all.
final class BulkAndUndoTests: XCTestCase {
    private var shop: ShopDatabase!

    override func setUpWithError() throws {
        shop = try makeInMemoryShop(actor: "jane")
        try shop.rawExecute("""
            INSERT INTO location(id, code, name, kind) VALUES (1, 'BER', 'Berlin warehouse', 'warehouse');
            INSERT INTO product(id, handle, title, vendor, created_at, updated_at) VALUES
                (1, 'enamel-mug', 'Enamel Mug', 'Kiln House', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
            INSERT INTO variant(id, product_id, sku, option1, price_minor, compare_at_minor, cost_minor,
                                created_at, updated_at) VALUES
                (1, 1, 'MUG-RED', 'Red', 1200, NULL, 700, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
                (2, 1, 'MUG-BLUE', 'Blue', 1500, 1900, 700, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
                (3, 1, 'MUG-GREEN', 'Green', 800, NULL, 700, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
            """)
    }

    override func tearDown() {
        shop = nil
    }

    private func setMarginFloor(percent: Int) throws {
        try shop.rawExecute("INSERT INTO shop_setting(key, value) VALUES ('margin_floor_percent', '\(percent)')")
    }

    private func prices() throws -> [Int64] {
        try shop.texts("SELECT price_minor FROM variant ORDER BY id").map { Int64($0) ?? -1 }
    }

    private func versions() throws -> [Int64] {
        try shop.texts("SELECT version FROM variant ORDER BY id").map { Int64($0) ?? -1 }
    }

    private func auditRows(batch: Int64? = nil) throws -> [[String: Any]] {
        try shop.jsonRows("""
            SELECT json_object('batch', batch_id, 'entity', entity, 'entity_id', entity_id, 'field', field,
                               'old', old_value, 'new', new_value)
            FROM audit_log \(batch.map { "WHERE batch_id = \($0)" } ?? "") ORDER BY id
            """)
    }

    /// The audit rows of a batch as "entity_id field old→new", in order.
    private func auditSummary(batch: Int64) throws -> [String] {
        try auditRows(batch: batch).map { row in
            "\(row["entity_id"] as? Int ?? -1) \(row["field"] as? String ?? "?") "
                + "\(row["old"] as? String ?? "nil")→\(row["new"] as? String ?? "nil")"
        }
    }

    private func assertNothingWritten(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try prices(), [1200, 1500, 800], "prices unchanged", file: file, line: line)
        XCTAssertEqual(try versions(), [1, 1, 1], "versions unchanged", file: file, line: line)
        XCTAssertEqual(try shop.count("audit_batch"), 0, "no audit batch", file: file, line: line)
        XCTAssertEqual(try shop.count("audit_log"), 0, "no audit rows", file: file, line: line)
    }

    // MARK: - Bulk edits

    func testSeveralVariantEditsAreOneAuditBatchWithOneRowPerChangedFieldAndReturnThatBatch() throws {
        let result = try shop.perform(
            .updateVariants([
                VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "13.00"]),
                VariantEdit(id: 2, expectedVersion: 1, changes: [.price: "16.00", .cost: "8.00"]),
                VariantEdit(id: 3, expectedVersion: 1, changes: [.price: "8.00"]),
            ], overrideMarginFloor: false),
            reason: "spring prices")

        XCTAssertEqual(try shop.count("audit_batch"), 1)
        XCTAssertEqual(try shop.integer("SELECT id FROM audit_batch"), result.batchID)
        XCTAssertEqual(try shop.text("SELECT command FROM audit_batch"), "bulk edit 3 variants")
        XCTAssertEqual(try shop.text("SELECT reason FROM audit_batch"), "spring prices")
        XCTAssertEqual(try auditSummary(batch: result.batchID), [
            "1 price 12.00→13.00", "2 cost 7.00→8.00", "2 price 15.00→16.00",
        ], "one audit row per changed field; the unchanged price of variant 3 has none")
        XCTAssertEqual(try shop.count("audit_log"), 3, "every audit row belongs to the one batch")
        XCTAssertEqual(result.changes.count, 3)
        XCTAssertEqual(try prices(), [1300, 1600, 800])
        XCTAssertEqual(try versions(), [2, 2, 1], "a variant whose values did not change keeps its version")
    }

    func testBulkEditWithOneStaleVersionWritesNothingOfTheBatch() throws {
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariants([
                VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "13.00"]),
                VariantEdit(id: 2, expectedVersion: 4, changes: [.price: "16.00"]),
            ], overrideMarginFloor: false))
        }
        guard case .conflict(let entity, let id, let current, _) = error else {
            return XCTFail("expected a conflict, got \(String(describing: error))")
        }
        XCTAssertEqual(entity, "variant")
        XCTAssertEqual(id, 2)
        XCTAssertEqual(current, 1)
        try assertNothingWritten()
    }

    func testBulkEditWithOneInvalidValueWritesNothingOfTheBatch() throws {
        let typo = writeError { () throws(WriteError) in
            try shop.perform(.updateVariants([
                VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "13.00"]),
                VariantEdit(id: 2, expectedVersion: 1, changes: [.price: "16.005"]),
            ], overrideMarginFloor: false))
        }
        guard case .invalid(let validation) = typo else { return XCTFail("expected .invalid, got \(String(describing: typo))") }
        XCTAssertEqual(validation.field, "price")
        try assertNothingWritten()

        // Valid on its own, refused on the merged row (compare-at 19.00 must stay above the
        // price) after the first edit was already applied inside the transaction.
        let aboveCompareAt = writeError { () throws(WriteError) in
            try shop.perform(.updateVariants([
                VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "13.00"]),
                VariantEdit(id: 2, expectedVersion: 1, changes: [.price: "19.50"]),
            ], overrideMarginFloor: false))
        }
        guard case .invalid(let merged) = aboveCompareAt else {
            return XCTFail("expected .invalid, got \(String(describing: aboveCompareAt))")
        }
        XCTAssertEqual(merged.field, "compare_at_price")
        try assertNothingWritten()
    }

    func testBulkEditNamingAMissingVariantWritesNothingOfTheBatch() throws {
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariants([
                VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "13.00"]),
                VariantEdit(id: 99, expectedVersion: 1, changes: [.price: "16.00"]),
            ], overrideMarginFloor: false))
        }
        XCTAssertEqual(error, .notFound(entity: "variant", id: 99))
        try assertNothingWritten()
    }

    // MARK: - Margin floor

    func testPriceOneCentUnderTheFloorIsRefusedNamingTheSKUAndTheLowestPrice() throws {
        try setMarginFloor(percent: 25)
        // 25% of the price is margin at cost 7.00 from 7.00 / 0.75 = 9.3333…, rounded up: 9.34.
        for command in [
            WriteCommand.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "9.33"]),
            .updateVariants([VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "9.33"])], overrideMarginFloor: false),
        ] {
            let error = writeError { () throws(WriteError) in try shop.perform(command) }
            guard case .belowMarginFloor(let message) = error else {
                return XCTFail("expected .belowMarginFloor, got \(String(describing: error))")
            }
            XCTAssertTrue(message.contains("MUG-RED"), message)
            XCTAssertTrue(message.contains("€9.34"), message)
            XCTAssertTrue(message.contains("€9.33"), message)
            try assertNothingWritten()
        }

        let result = try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "9.34"]))
        XCTAssertEqual(result.newVersion, 2)
        XCTAssertEqual(try prices(), [934, 1500, 800])
    }

    func testRaisingTheCostAboveWhatTheFloorAllowsForThePriceIsRefusedToo() throws {
        try setMarginFloor(percent: 25)
        // At 12.00 and a 25% floor the cost may be at most 9.00.
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.cost: "9.01"]))
        }
        guard case .belowMarginFloor(let message) = error else {
            return XCTFail("expected .belowMarginFloor, got \(String(describing: error))")
        }
        XCTAssertTrue(message.contains("MUG-RED"), message)
        try assertNothingWritten()
        XCTAssertNoThrow(try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.cost: "9.00"])))
    }

    func testPriceBelowCostIsRefusedWhenTheShopSetsNoFloor() throws {
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "6.99"]))
        }
        guard case .belowMarginFloor(let message) = error else {
            return XCTFail("expected .belowMarginFloor, got \(String(describing: error))")
        }
        XCTAssertTrue(message.contains("MUG-RED"), message)
        XCTAssertTrue(message.contains("cost"), message)
        XCTAssertTrue(message.contains("€7.00"), message)
        try assertNothingWritten()

        XCTAssertNoThrow(
            try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "7.00"])),
            "selling at cost is allowed when no floor is set")
    }

    func testOverrideSavesAPriceUnderTheFloorAndRecordsTheOverrideInTheSameBatch() throws {
        try setMarginFloor(percent: 25)
        let result = try shop.perform(
            .updateVariants([VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "9.00"])], overrideMarginFloor: true),
            reason: "clearance")

        XCTAssertEqual(try prices(), [900, 1500, 800])
        XCTAssertEqual(result.changes, [FieldChange(field: "price", oldValue: "12.00", newValue: "9.00")],
                       "the override is audited but is not a change of a field")
        let rows = try auditRows(batch: result.batchID)
        XCTAssertEqual(rows.map { $0["field"] as? String }, ["price", "margin_floor_override"])
        XCTAssertEqual(try shop.count("audit_log"), 2)
        let override = rows[1]
        XCTAssertEqual(override["entity"] as? String, "variant")
        XCTAssertEqual(override["entity_id"] as? Int, 1)
        let note = try XCTUnwrap(override["new"] as? String)
        XCTAssertTrue(note.contains("€9.00") && note.contains("€9.34"), note)
    }

    func testOverrideOfAPriceAboveTheFloorRecordsNoOverride() throws {
        try setMarginFloor(percent: 25)
        let result = try shop.perform(
            .updateVariants([VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "11.00"])], overrideMarginFloor: true))
        XCTAssertEqual(try auditSummary(batch: result.batchID), ["1 price 12.00→11.00"])
    }

    func testEditThatChangesNeitherPriceNorCostOfAVariantAlreadyUnderTheFloorIsSaved() throws {
        try setMarginFloor(percent: 25)
        // MUG-GREEN sells at 8.00 on a cost of 7.00: under the 25% floor before any edit.
        let renamed = try shop.perform(.updateVariant(id: 3, expectedVersion: 1, changes: [.sku: "MUG-GREEN-OLD"]))
        XCTAssertEqual(try auditSummary(batch: renamed.batchID), ["3 sku MUG-GREEN→MUG-GREEN-OLD"])
        let weighed = try shop.perform(.updateVariants(
            [VariantEdit(id: 3, expectedVersion: 2, changes: [.grams: "350", .compareAtPrice: "12.00"])],
            overrideMarginFloor: false))
        XCTAssertEqual(weighed.newVersion, 3)
        XCTAssertEqual(try prices(), [1200, 1500, 800])
        XCTAssertEqual(try shop.integer("SELECT count(*) FROM audit_log WHERE field = 'margin_floor_override'"), 0)
    }

    // MARK: - Undo

    func testUndoOfABulkBatchRestoresEveryValueAsANewAuditedBatch() throws {
        let bulk = try shop.perform(.updateVariants([
            VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "13.00"]),
            VariantEdit(id: 2, expectedVersion: 1, changes: [.price: "16.00", .cost: "8.00", .compareAtPrice: ""]),
        ], overrideMarginFloor: false))

        let undo = try shop.perform(.undo(batchID: bulk.batchID), reason: "wrong rule")

        XCTAssertNotEqual(undo.batchID, bulk.batchID)
        XCTAssertEqual(try shop.count("audit_batch"), 2)
        let command = try XCTUnwrap(shop.text("SELECT command FROM audit_batch WHERE id = \(undo.batchID)"))
        XCTAssertTrue(command.contains("undo"), command)
        XCTAssertTrue(command.contains("\(bulk.batchID)"), "the undo names the batch it reverts: \(command)")
        XCTAssertEqual(try auditSummary(batch: bulk.batchID), [
            "1 price 12.00→13.00", "2 compare_at_price 19.00→nil", "2 cost 7.00→8.00", "2 price 15.00→16.00",
        ])
        XCTAssertEqual(Set(try auditSummary(batch: undo.batchID)), [
            "1 price 13.00→12.00", "2 compare_at_price nil→19.00", "2 cost 8.00→7.00", "2 price 16.00→15.00",
        ], "old and new swapped")
        XCTAssertEqual(try prices(), [1200, 1500, 800])
        XCTAssertEqual(try shop.integer("SELECT cost_minor FROM variant WHERE id = 2"), 700)
        XCTAssertEqual(try shop.integer("SELECT compare_at_minor FROM variant WHERE id = 2"), 1900)
        XCTAssertEqual(try versions(), [3, 3, 1], "an undo is a new change: versions move on, they do not go back")
        XCTAssertEqual(undo.changes.count, 4)
    }

    func testUndoOfABatchWhoseFieldWasChangedSinceIsAConflictAndRevertsNothing() throws {
        let bulk = try shop.perform(.updateVariants([
            VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "13.00"]),
            VariantEdit(id: 2, expectedVersion: 1, changes: [.price: "16.00"]),
        ], overrideMarginFloor: false))
        try shop.perform(.updateVariant(id: 2, expectedVersion: 2, changes: [.price: "17.00"]))
        let batchesBefore = try shop.count("audit_batch")
        let rowsBefore = try shop.count("audit_log")

        let error = writeError { () throws(WriteError) in try shop.perform(.undo(batchID: bulk.batchID)) }

        guard case .conflict(let entity, let id, let version, let current) = error else {
            return XCTFail("expected a conflict, got \(String(describing: error))")
        }
        XCTAssertEqual(entity, "variant")
        XCTAssertEqual(id, 2)
        XCTAssertEqual(version, 3)
        XCTAssertEqual(current["price"], "17.00", "the conflict shows what the field holds now")
        XCTAssertEqual(try prices(), [1300, 1700, 800], "variant 1 is not reverted either")
        XCTAssertEqual(try versions(), [2, 3, 1])
        XCTAssertEqual(try shop.count("audit_batch"), batchesBefore)
        XCTAssertEqual(try shop.count("audit_log"), rowsBefore)
    }

    func testUndoingTheSameBatchTwiceIsAConflictTheSecondTime() throws {
        let edit = try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "13.00"]))
        try shop.perform(.undo(batchID: edit.batchID))
        let error = writeError { () throws(WriteError) in try shop.perform(.undo(batchID: edit.batchID)) }
        guard case .conflict = error else { return XCTFail("expected a conflict, got \(String(describing: error))") }
        XCTAssertEqual(try prices(), [1200, 1500, 800])
        XCTAssertEqual(try shop.count("audit_batch"), 2)
    }

    func testUndoOfAnOverrideRestoresThePriceWithoutANewOverrideRow() throws {
        try setMarginFloor(percent: 25)
        let override = try shop.perform(
            .updateVariants([VariantEdit(id: 1, expectedVersion: 1, changes: [.price: "9.00"])], overrideMarginFloor: true))
        let undo = try shop.perform(.undo(batchID: override.batchID))
        XCTAssertEqual(try auditSummary(batch: undo.batchID), ["1 price 9.00→12.00"])
        XCTAssertEqual(try prices(), [1200, 1500, 800])
    }

    func testUndoThatWouldLeaveTheCompareAtPriceNotAboveThePriceIsRefusedAndRevertsNothing() throws {
        // The price drops from 15.00 to 10.00; then someone lowers the compare-at price to 12.00,
        // valid against 10.00. Putting 15.00 back would leave a "was" price under the price.
        let cut = try shop.perform(.updateVariant(id: 2, expectedVersion: 1, changes: [.price: "10.00"]))
        try shop.perform(.updateVariant(id: 2, expectedVersion: 2, changes: [.compareAtPrice: "12.00"]))

        let error = writeError { () throws(WriteError) in try shop.perform(.undo(batchID: cut.batchID)) }

        guard case .invalid(let validation) = error else { return XCTFail("expected .invalid, got \(String(describing: error))") }
        XCTAssertEqual(validation.field, "compare_at_price")
        XCTAssertEqual(try shop.integer("SELECT price_minor FROM variant WHERE id = 2"), 1000)
        XCTAssertEqual(try shop.integer("SELECT compare_at_minor FROM variant WHERE id = 2"), 1200)
        XCTAssertEqual(try shop.count("audit_batch"), 2)
    }

    func testUndoOfAStockMovementAppendsACorrectingMovementAndTheLevelReturns() throws {
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 3, reference: "PO-7"))
        let receipt = try shop.perform(
            .recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 5, reference: "PO-8"))
        XCTAssertEqual(try shop.integer("SELECT on_hand FROM stock_level WHERE variant_id = 1 AND location_id = 1"), 8)

        let undo = try shop.perform(.undo(batchID: receipt.batchID))

        let ledger = try shop.jsonRows("""
            SELECT json_object('quantity', quantity, 'reference', reference, 'reason', reason, 'variant', variant_id,
                               'location', location_id)
            FROM stock_movement ORDER BY id
            """)
        XCTAssertEqual(ledger.map { $0["quantity"] as? Int }, [3, 5, -5], "the ledger only grows")
        XCTAssertEqual(ledger.map { $0["reference"] as? String }.prefix(2), ["PO-7", "PO-8"], "earlier movements untouched")
        let correction = try XCTUnwrap(ledger.last)
        XCTAssertEqual(correction["variant"] as? Int, 1)
        XCTAssertEqual(correction["location"] as? Int, 1)
        XCTAssertTrue((correction["reference"] as? String)?.contains("\(receipt.batchID)") == true, "\(correction)")
        XCTAssertEqual(try shop.integer("SELECT on_hand FROM stock_level WHERE variant_id = 1 AND location_id = 1"), 3)
        XCTAssertNotEqual(undo.batchID, receipt.batchID)
        let undoAudit = try auditSummary(batch: undo.batchID)
        XCTAssertTrue(undoAudit.contains("1 on_hand@BER 8→3"), "\(undoAudit)")
        XCTAssertEqual(try shop.check(), [], "the level still matches its ledger")
    }

    func testUndoOfAnUnknownBatchIsNotFoundAndWritesNothing() throws {
        XCTAssertEqual(
            writeError { () throws(WriteError) in try shop.perform(.undo(batchID: 4242)) },
            .notFound(entity: "change", id: 4242))
        try assertNothingWritten()
    }
}
