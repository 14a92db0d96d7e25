import ShopKit
import XCTest

final class WriteCommandTests: XCTestCase {
    private func refusal(_ command: WriteCommand, file: StaticString = #filePath, line: UInt = #line) -> ValidationError? {
        do {
            let changes = try command.validated(currency: .eur)
            XCTFail("accepted: \(changes.values)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testEditWithoutChangesIsRefusedAsNothingToChange() throws {
        let product = try XCTUnwrap(refusal(.updateProduct(id: 1, expectedVersion: 1, changes: [:])))
        XCTAssertTrue(product.message.contains("nothing to change"), product.message)
        let variant = try XCTUnwrap(refusal(.updateVariant(id: 1, expectedVersion: 1, changes: [:])))
        XCTAssertTrue(variant.message.contains("nothing to change"), variant.message)
    }

    func testBadPriceIsRefusedNamingThePriceField() throws {
        for input in ["abc", "-1", "12.345", "$5", ""] {
            let error = try XCTUnwrap(refusal(.updateVariant(id: 1, expectedVersion: 1, changes: [.price: input])), input)
            XCTAssertEqual(error.field, "price", input)
        }
    }

    func testBadValueInOneOfSeveralFieldsRefusesTheWholeEdit() throws {
        let error = try XCTUnwrap(refusal(.updateVariant(
            id: 1, expectedVersion: 1, changes: [.price: "10.00", .barcode: "4006381333932", .grams: "350"])))
        XCTAssertEqual(error.field, "barcode")
    }

    func testValidVariantEditGivesTypedValuesPerField() throws {
        let changes = try WriteCommand.updateVariant(
            id: 1, expectedVersion: 3,
            changes: [.price: "€12,50", .compareAtPrice: " ", .cost: "4.20", .sku: " AB-1 ", .barcode: "", .grams: "350"]
        ).validated(currency: .eur)
        XCTAssertEqual(changes.values["price"], .money(Money(minorUnits: 1250, currency: .eur)))
        XCTAssertEqual(changes.values["compare_at_price"], FieldValue.none)
        XCTAssertEqual(changes.values["cost"], .money(Money(minorUnits: 420, currency: .eur)))
        XCTAssertEqual(changes.values["sku"], .text("AB-1"))
        XCTAssertEqual(changes.values["barcode"], FieldValue.none)
        XCTAssertEqual(changes.values["grams"], .integer(350))
        XCTAssertEqual(changes.values.count, 6)
    }

    func testBadCompareAtCostOrWeightIsRefusedOnItsOwnField() throws {
        let compareAt = try XCTUnwrap(refusal(.updateVariant(id: 1, expectedVersion: 1, changes: [.compareAtPrice: "x"])))
        XCTAssertTrue(compareAt.message.contains("compare-at price"), compareAt.message)
        let cost = try XCTUnwrap(refusal(.updateVariant(id: 1, expectedVersion: 1, changes: [.cost: "-2"])))
        XCTAssertEqual(cost.field, "cost")
        for grams in ["-1", "1.5", "heavy"] {
            let weight = try XCTUnwrap(refusal(.updateVariant(id: 1, expectedVersion: 1, changes: [.grams: grams])))
            XCTAssertEqual(weight.field, "grams")
            XCTAssertTrue(weight.message.contains("grams"), weight.message)
        }
    }

    func testProductEditValidatesTitleHandleAndStatus() throws {
        let changes = try WriteCommand.updateProduct(
            id: 1, expectedVersion: 1, changes: [.title: "  New title ", .status: "Archived", .bodyHTML: "  <p>kept</p> "]
        ).validated(currency: .eur)
        XCTAssertEqual(changes.values["title"], .text("New title"))
        XCTAssertEqual(changes.values["status"], .text("archived"))
        XCTAssertEqual(changes.values["body_html"], .text("  <p>kept</p> "))

        XCTAssertEqual(refusal(.updateProduct(id: 1, expectedVersion: 1, changes: [.title: " "]))?.field, "title")
        XCTAssertEqual(refusal(.updateProduct(id: 1, expectedVersion: 1, changes: [.handle: "Not A Slug"]))?.field, "handle")
        XCTAssertEqual(refusal(.updateProduct(id: 1, expectedVersion: 1, changes: [.status: "gone"]))?.field, "status")
    }

    func testMovementOfZeroIsRefusedBecauseItChangesNothing() throws {
        let error = try XCTUnwrap(refusal(.recordMovement(variantID: 1, locationID: 1, reason: .adjustment, quantity: 0, reference: "")))
        XCTAssertEqual(error.field, "quantity")
        XCTAssertTrue(error.message.contains("zero"), error.message)
    }

    func testReceiptWithNegativeQuantityIsRefusedAsAddingStock() throws {
        let error = try XCTUnwrap(refusal(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: -3, reference: "PO-1")))
        XCTAssertEqual(error.field, "quantity")
        XCTAssertTrue(error.message.contains("receipt adds stock"), error.message)
        XCTAssertTrue(error.hint.contains("positive"), error.hint)
    }

    func testSaleWithPositiveQuantityIsRefusedAsTakingStockAway() throws {
        let error = try XCTUnwrap(refusal(.recordMovement(variantID: 1, locationID: 1, reason: .sale, quantity: 2, reference: "#1001")))
        XCTAssertEqual(error.field, "quantity")
        XCTAssertTrue(error.message.contains("sale takes stock away"), error.message)
        XCTAssertTrue(error.hint.contains("negative"), error.hint)
    }

    func testEachReasonAcceptsOnlyItsDirectionAndAdjustmentsGoBothWays() throws {
        for reason in [StockReason.receipt, .return, .found, .transferIn] {
            XCTAssertNoThrow(try StockMovement.validate(reason: reason, quantity: 1), reason.rawValue)
            XCTAssertThrowsError(try StockMovement.validate(reason: reason, quantity: -1), reason.rawValue)
        }
        for reason in [StockReason.sale, .damage, .loss, .transferOut] {
            XCTAssertNoThrow(try StockMovement.validate(reason: reason, quantity: -1), reason.rawValue)
            XCTAssertThrowsError(try StockMovement.validate(reason: reason, quantity: 1), reason.rawValue)
        }
        for reason in [StockReason.adjustment, .stocktake] {
            XCTAssertNoThrow(try StockMovement.validate(reason: reason, quantity: -4), reason.rawValue)
            XCTAssertNoThrow(try StockMovement.validate(reason: reason, quantity: 4), reason.rawValue)
        }
    }

    func testMovementReferenceLongerThan120CharactersIsRefused() throws {
        let long = String(repeating: "r", count: 121)
        let error = try XCTUnwrap(refusal(.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 1, reference: long)))
        XCTAssertEqual(error.field, "reference")
        let fits = String(repeating: "r", count: 120)
        XCTAssertNoThrow(try WriteCommand.recordMovement(variantID: 1, locationID: 1, reason: .receipt, quantity: 1, reference: fits)
            .validated(currency: .eur))
    }

    func testAuditTextOfMoneyIsItsPlainDecimalText() {
        XCTAssertEqual(FieldValue.money(Money(minorUnits: 1250, currency: .eur)).auditText, "12.50")
        XCTAssertEqual(FieldValue.integer(350).auditText, "350")
        XCTAssertEqual(FieldValue.text("x").auditText, "x")
        XCTAssertNil(FieldValue.none.auditText)
    }

    func testWriteErrorsExplainThemselvesToAPerson() {
        let conflict = WriteError.conflict(entity: "variant", id: 7, currentVersion: 3, current: [:])
        XCTAssertTrue(conflict.description.contains("changed by someone else"), conflict.description)
        XCTAssertTrue(conflict.description.contains("reload"), conflict.description)
        let invalid = WriteError.invalid(ValidationError(field: "price", message: "price cannot be negative", hint: "enter 0 or more"))
        XCTAssertEqual(invalid.description, "price cannot be negative — enter 0 or more")
    }
}
