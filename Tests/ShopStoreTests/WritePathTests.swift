import Foundation
import ShopKit
@testable import ShopStore
import XCTest

final class WritePathTests: XCTestCase {
    private var shop: ShopDatabase!

    override func setUpWithError() throws {
        shop = try makeInMemoryShop(actor: "jane")
        try shop.rawExecute("""
            INSERT INTO location(id, code, name, kind) VALUES
                (1, 'BER', 'Berlin warehouse', 'warehouse'), (2, 'HAM', 'Hamburg warehouse', 'warehouse');
            INSERT INTO product(id, handle, title, vendor, created_at, updated_at) VALUES
                (1, 'wool-beanie', 'Wool Beanie', 'Fjällvik', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
            INSERT INTO variant(id, product_id, sku, barcode, option1, price_minor, compare_at_minor, cost_minor, grams,
                                created_at, updated_at) VALUES
                (1, 1, 'BEANIE-RED', NULL, 'Red', 2500, NULL, 1200, 80, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
                (2, 1, 'BEANIE-BLUE', '4006381333931', 'Blue', 2500, 3000, 1200, 80, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
            """)
    }

    override func tearDown() {
        shop = nil
    }

    private func variantRow(_ id: Int64) throws -> [String: Any] {
        try XCTUnwrap(shop.jsonRows("""
            SELECT json_object('sku', sku, 'price', price_minor, 'compare_at', compare_at_minor, 'cost', cost_minor,
                               'grams', grams, 'version', version, 'updated_at', updated_at, 'barcode', barcode)
            FROM variant WHERE id = \(id)
            """).first)
    }

    private func auditRows() throws -> [[String: Any]] {
        try shop.jsonRows("""
            SELECT json_object('batch', batch_id, 'at', at, 'actor', actor, 'entity', entity, 'entity_id', entity_id,
                               'field', field, 'old', old_value, 'new', new_value)
            FROM audit_log ORDER BY id
            """)
    }

    private func assertNothingWritten(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try shop.count("audit_batch"), 0, file: file, line: line)
        XCTAssertEqual(try shop.count("audit_log"), 0, file: file, line: line)
        XCTAssertEqual(try shop.integer("SELECT max(version) FROM variant"), 1, file: file, line: line)
        XCTAssertEqual(try shop.integer("SELECT sum(price_minor) FROM variant"), 5000, file: file, line: line)
        XCTAssertEqual(try shop.texts("SELECT sku FROM variant ORDER BY id"), ["BEANIE-RED", "BEANIE-BLUE"], file: file, line: line)
    }

    // MARK: edits

    func testEditAtTheCurrentVersionWritesBumpsTheVersionAndAuditsEachChangedField() throws {
        let result = try shop.perform(
            .updateVariant(id: 1, expectedVersion: 1, changes: [.price: "29,90", .cost: "13.00", .grams: "80"]),
            reason: "supplier raised prices")

        XCTAssertEqual(result.newVersion, 2)
        XCTAssertEqual(result.changes, [
            FieldChange(field: "cost", oldValue: "12.00", newValue: "13.00"),
            FieldChange(field: "price", oldValue: "25.00", newValue: "29.90"),
        ])
        let row = try variantRow(1)
        XCTAssertEqual(row["price"] as? Int, 2990)
        XCTAssertEqual(row["cost"] as? Int, 1300)
        XCTAssertEqual(row["grams"] as? Int, 80)
        XCTAssertEqual(row["version"] as? Int, 2)
        XCTAssertEqual(row["updated_at"] as? String, "2030-03-15T09:30:00Z")

        let batches = try shop.jsonRows("""
            SELECT json_object('id', id, 'at', at, 'actor', actor, 'command', command, 'reason', reason) FROM audit_batch
            """)
        XCTAssertEqual(batches.count, 1)
        XCTAssertEqual(batches[0]["id"] as? Int, Int(result.batchID))
        XCTAssertEqual(batches[0]["at"] as? String, "2030-03-15T09:30:00Z")
        XCTAssertEqual(batches[0]["actor"] as? String, "jane")
        XCTAssertEqual(batches[0]["command"] as? String, "edit variant")
        XCTAssertEqual(batches[0]["reason"] as? String, "supplier raised prices")

        let audit = try auditRows()
        XCTAssertEqual(audit.count, 2, "one audit row per changed field; the unchanged weight has none")
        for row in audit {
            XCTAssertEqual(row["batch"] as? Int, Int(result.batchID))
            XCTAssertEqual(row["at"] as? String, "2030-03-15T09:30:00Z")
            XCTAssertEqual(row["actor"] as? String, "jane")
            XCTAssertEqual(row["entity"] as? String, "variant")
            XCTAssertEqual(row["entity_id"] as? Int, 1)
        }
        XCTAssertEqual(audit.map { $0["field"] as? String }, ["cost", "price"], "the audit names the field, not the column")
        XCTAssertEqual(audit.map { $0["old"] as? String }, ["12.00", "25.00"], "money is audited as decimal text")
        XCTAssertEqual(audit.map { $0["new"] as? String }, ["13.00", "29.90"])
        XCTAssertEqual(try variantRow(2)["version"] as? Int, 1, "the other variant is untouched")
    }

    func testSuccessiveEditsEachNeedTheVersionTheLastOneReturned() throws {
        let first = try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "26.00"]))
        let second = try shop.perform(.updateVariant(id: 1, expectedVersion: try XCTUnwrap(first.newVersion), changes: [.price: "27.00"]))
        XCTAssertEqual(second.newVersion, 3)
        XCTAssertNotEqual(first.batchID, second.batchID)
        XCTAssertEqual(try shop.count("audit_batch"), 2)
        XCTAssertEqual(try auditRows().map { $0["new"] as? String }, ["26.00", "27.00"])
    }

    func testStaleVersionEditIsRefusedAsConflictWithTheCurrentValuesAndChangesNothing() throws {
        try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "29.90"]))
        let auditBefore = try auditRows()

        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "19.90", .sku: "BEANIE-ROT"]))
        }
        XCTAssertEqual(error, .conflict(
            entity: "variant", id: 1, currentVersion: 2, current: ["price": "29.90", "sku": "BEANIE-RED"]))

        let row = try variantRow(1)
        XCTAssertEqual(row["price"] as? Int, 2990)
        XCTAssertEqual(row["sku"] as? String, "BEANIE-RED")
        XCTAssertEqual(row["version"] as? Int, 2)
        XCTAssertEqual(try shop.count("audit_batch"), 1)
        XCTAssertEqual(try auditRows().count, auditBefore.count)
    }

    func testEditAgainstAFutureVersionIsAlsoAConflict() throws {
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariant(id: 1, expectedVersion: 5, changes: [.price: "19.90"]))
        }
        guard case .conflict(_, _, let current, _) = error else { return XCTFail("expected a conflict, got \(String(describing: error))") }
        XCTAssertEqual(current, 1)
        try assertNothingWritten()
    }

    func testInvalidPriceIsRefusedAsInvalidAndWritesNothing() throws {
        for input in ["-5.00", "12.345", "$5", "cheap"] {
            let error = writeError { () throws(WriteError) in
                try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: input, .grams: "120"]))
            }
            guard case .invalid(let validation) = error else { return XCTFail("expected .invalid for \(input), got \(String(describing: error))") }
            XCTAssertEqual(validation.field, "price", input)
        }
        try assertNothingWritten()
        XCTAssertEqual(try variantRow(1)["grams"] as? Int, 80)
    }

    func testCompareAtPriceNotAboveThePriceIsRefused() throws {
        for input in ["25.00", "20.00"] {
            let error = writeError { () throws(WriteError) in
                try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.compareAtPrice: input]))
            }
            guard case .invalid(let validation) = error else { return XCTFail("expected .invalid, got \(String(describing: error))") }
            XCTAssertEqual(validation.field, "compare_at_price")
        }
        try assertNothingWritten()
    }

    func testRaisingThePriceToOrAboveTheStoredCompareAtPriceIsRefusedOnTheMergedRow() throws {
        // Variant 2 has a compare-at price of 30.00; the edit touches only the price.
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariant(id: 2, expectedVersion: 1, changes: [.price: "35.00"]))
        }
        guard case .invalid(let validation) = error else { return XCTFail("expected .invalid, got \(String(describing: error))") }
        XCTAssertEqual(validation.field, "compare_at_price")
        XCTAssertTrue(validation.message.contains("€30.00"), validation.message)
        XCTAssertTrue(validation.message.contains("€35.00"), validation.message)
        try assertNothingWritten()

        // Raising both together is fine.
        let result = try shop.perform(.updateVariant(id: 2, expectedVersion: 1, changes: [.price: "35.00", .compareAtPrice: "39.00"]))
        XCTAssertEqual(result.newVersion, 2)
    }

    func testClearingTheCompareAtPriceStoresNoneAndAuditsTheOldValue() throws {
        let result = try shop.perform(.updateVariant(id: 2, expectedVersion: 1, changes: [.compareAtPrice: "  "]))
        XCTAssertEqual(result.changes, [FieldChange(field: "compare_at_price", oldValue: "30.00", newValue: nil)])
        XCTAssertNil(try shop.integer("SELECT compare_at_minor FROM variant WHERE id = 2"))
        let audit = try auditRows()
        XCTAssertEqual(audit.count, 1)
        XCTAssertEqual(audit[0]["field"] as? String, "compare_at_price")
        XCTAssertEqual(audit[0]["old"] as? String, "30.00")
        XCTAssertTrue(audit[0]["new"] is NSNull, "the new value of a cleared field is NULL")
    }

    func testDuplicateSKUIsRefusedAsInvalidNamingTheSKU() throws {
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariant(id: 2, expectedVersion: 1, changes: [.sku: "BEANIE-RED"]))
        }
        guard case .invalid(let validation) = error else { return XCTFail("expected .invalid, got \(String(describing: error))") }
        XCTAssertEqual(validation.field, "sku")
        XCTAssertTrue(validation.message.contains("already used"), validation.message)
        try assertNothingWritten()
    }

    func testDuplicateBarcodeIsRefusedAsInvalidNamingTheBarcode() throws {
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.barcode: "4006381333931"]))
        }
        guard case .invalid(let validation) = error else { return XCTFail("expected .invalid, got \(String(describing: error))") }
        XCTAssertEqual(validation.field, "barcode")
        try assertNothingWritten()
    }

    func testEditThatChangesNothingWritesNoAuditRowsAndKeepsTheVersion() throws {
        let result = try shop.perform(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: "25.00", .sku: " BEANIE-RED ", .grams: "80"]))
        XCTAssertEqual(result.changes, [])
        XCTAssertEqual(result.newVersion, 1)
        try assertNothingWritten()
        XCTAssertEqual(try variantRow(1)["updated_at"] as? String, "2030-01-01T00:00:00Z")
    }

    func testEditOfAMissingRowIsNotFound() throws {
        let error = writeError { () throws(WriteError) in
            try shop.perform(.updateVariant(id: 99, expectedVersion: 1, changes: [.price: "1.00"]))
        }
        XCTAssertEqual(error, .notFound(entity: "variant", id: 99))
        try assertNothingWritten()
    }

    func testProductTitleEditIsAuditedAndFoundByTheFilterUnderItsNewWords() throws {
        XCTAssertEqual(try shop.productCount(filter: "alpaca"), 0)
        let result = try shop.perform(.updateProduct(id: 1, expectedVersion: 1, changes: [.title: "  Alpaca Beanie "]))
        XCTAssertEqual(result.changes, [FieldChange(field: "title", oldValue: "Wool Beanie", newValue: "Alpaca Beanie")])
        XCTAssertEqual(try shop.productPage(PageRequest(.after(nil), filter: "alpa", limit: 10)).map(\.title), ["Alpaca Beanie"])
        XCTAssertEqual(try shop.productCount(filter: "alpaca"), 1)
        let audit = try auditRows()
        XCTAssertEqual(audit.first?["entity"] as? String, "product")
        XCTAssertEqual(try shop.text("SELECT command FROM audit_batch"), "edit product")
    }

    // MARK: stock movements

    func testMovementAppendsToTheLedgerUpdatesTheLevelAndAuditsTheLevelChange() throws {
        let receipt = try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 5, reference: "PO-1"))
        XCTAssertNil(receipt.newVersion)
        XCTAssertEqual(receipt.changes, [FieldChange(field: "on_hand@BER", oldValue: "0", newValue: "5")])
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .sale, quantity: -2, reference: "#1001"))
        try shop.perform(.recordMovement(variantID: 1, locationID: 2, reason: .receipt, quantity: 7, reference: "PO-2"))

        let ledger = try shop.jsonRows("""
            SELECT json_object('at', at, 'variant', variant_id, 'location', location_id, 'reason', reason,
                               'quantity', quantity, 'reference', reference, 'actor', actor)
            FROM stock_movement ORDER BY id
            """)
        XCTAssertEqual(ledger.count, 3)
        XCTAssertEqual(ledger.map { $0["quantity"] as? Int }, [5, -2, 7])
        XCTAssertEqual(ledger.map { $0["reason"] as? String }, ["receipt", "sale", "receipt"])
        XCTAssertEqual(ledger.map { $0["reference"] as? String }, ["PO-1", "#1001", "PO-2"])
        XCTAssertEqual(ledger[0]["at"] as? String, "2030-03-15T09:30:00Z")
        XCTAssertEqual(ledger[0]["actor"] as? String, "jane")

        XCTAssertEqual(try shop.integer("SELECT on_hand FROM stock_level WHERE variant_id = 1 AND location_id = 1"), 3)
        XCTAssertEqual(try shop.integer("SELECT on_hand FROM stock_level WHERE variant_id = 1 AND location_id = 2"), 7)

        let levelAudit = try shop.jsonRows("""
            SELECT json_object('field', field, 'old', old_value, 'new', new_value, 'entity_id', entity_id, 'actor', actor, 'at', at)
            FROM audit_log WHERE entity = 'variant' ORDER BY id
            """)
        XCTAssertEqual(levelAudit.map { $0["field"] as? String }, ["on_hand@BER", "on_hand@BER", "on_hand@HAM"])
        XCTAssertEqual(levelAudit.map { $0["old"] as? String }, ["0", "5", "0"])
        XCTAssertEqual(levelAudit.map { $0["new"] as? String }, ["5", "3", "7"])
        XCTAssertTrue(levelAudit.allSatisfy { $0["entity_id"] as? Int == 1 && $0["actor"] as? String == "jane" })
        XCTAssertEqual(try shop.texts("SELECT command FROM audit_batch ORDER BY id"), ["stock receipt", "stock sale", "stock receipt"])

        let detail = try XCTUnwrap(shop.variantDetail(id: 1))
        XCTAssertEqual(detail.levels.map(\.level.onHand), [3, 7])
        XCTAssertEqual(detail.recentMovements.count, 3)
        XCTAssertEqual(try shop.check(), [])
    }

    func testInvalidMovementIsRefusedAndTheLedgerStaysEmpty() throws {
        let zero = writeError { () throws(WriteError) in
            try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .adjustment, quantity: 0, reference: ""))
        }
        guard case .invalid(let validation) = zero else { return XCTFail("expected .invalid, got \(String(describing: zero))") }
        XCTAssertEqual(validation.field, "quantity")
        XCTAssertEqual(
            writeError { () throws(WriteError) in
                try shop.perform(.recordMovement(variantID: 99, locationID: 1, reason: .receipt, quantity: 1, reference: ""))
            },
            .notFound(entity: "variant", id: 99))
        XCTAssertEqual(
            writeError { () throws(WriteError) in
                try shop.perform(.recordMovement(variantID: 1, locationID: 99, reason: .receipt, quantity: 1, reference: ""))
            },
            .notFound(entity: "location", id: 99))
        XCTAssertEqual(try shop.count("stock_movement"), 0)
        XCTAssertEqual(try shop.count("stock_level"), 0)
        XCTAssertEqual(try shop.count("audit_batch"), 0)
    }

    func testLedgerAndAuditTablesRefuseUpdateAndDelete() throws {
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 5, reference: "PO-1"))
        let statements = [
            "UPDATE stock_movement SET quantity = 500",
            "DELETE FROM stock_movement",
            "UPDATE audit_log SET new_value = 'forged'",
            "DELETE FROM audit_log",
            "UPDATE audit_batch SET actor = 'someone else'",
            "DELETE FROM audit_batch",
        ]
        for sql in statements {
            XCTAssertThrowsError(try shop.rawExecute(sql), sql) { error in
                XCTAssertTrue("\(error)".contains("append-only"), "\(sql): \(error)")
            }
        }
        XCTAssertEqual(try shop.integer("SELECT quantity FROM stock_movement"), 5)
        XCTAssertEqual(try shop.count("stock_movement"), 1)
        XCTAssertEqual(try shop.count("audit_log"), 2)
        XCTAssertEqual(try shop.text("SELECT actor FROM audit_batch"), "jane")
        XCTAssertEqual(try shop.texts("SELECT new_value FROM audit_log ORDER BY id"), ["5", "5"])
    }

    func testCheckReportsAStockLevelThatNoLongerMatchesItsLedger() throws {
        try shop.perform(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 5, reference: "PO-1"))
        XCTAssertEqual(try shop.check(), [])
        try shop.rawExecute("UPDATE stock_level SET on_hand = 50")
        let problems = try shop.check()
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems.first?.contains("differ from the sum of their ledger") == true, "\(problems)")
    }
}
