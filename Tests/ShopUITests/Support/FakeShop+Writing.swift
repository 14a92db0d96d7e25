import Foundation
import ShopKit
import ShopUI

/// What the fake shop's write path was asked for and what it saved.
final class FakeWriteLog: @unchecked Sendable {
    /// One saved change of one field of one variant.
    struct Change: Equatable {
        let variantID: Int64
        let field: VariantField
        let old: Money?
        let new: Money?
    }

    /// One saved command: what the console's undo names.
    struct Batch {
        let id: Int64
        let command: WriteCommand
        let changes: [Change]
        let overrodeFloor: Bool
    }

    private let lock = NSLock()
    private var commands: [WriteCommand] = []
    private var saved: [Batch] = []
    private var nextID: Int64 = 100

    /// Every command the console sent, saved or refused, in order.
    var performed: [WriteCommand] { lock.withLock { commands } }
    /// The batches that were saved, in order.
    var batches: [Batch] { lock.withLock { saved } }

    func record(_ command: WriteCommand) { lock.withLock { commands.append(command) } }

    func batch(_ id: Int64) -> Batch? { lock.withLock { saved.first { $0.id == id } } }

    func save(command: WriteCommand, changes: [Change], overrodeFloor: Bool) -> Int64 {
        lock.withLock {
            nextID += 1
            saved.append(Batch(id: nextID, command: command, changes: changes, overrodeFloor: overrodeFloor))
            return nextID
        }
    }
}

extension VariantPriceItem {
    /// The same row with other money values and a version.
    func with(price: Money? = nil, compareAt: Money?? = nil, cost: Money?? = nil, version: Int64) -> VariantPriceItem {
        VariantPriceItem(
            id: id, sortKey: sortKey, sku: sku, productTitle: productTitle, optionSummary: optionSummary,
            price: price ?? self.price, compareAtPrice: compareAt ?? compareAtPrice, cost: cost ?? self.cost,
            version: version)
    }

    func money(_ field: VariantField) -> Money? {
        switch field {
        case .price: price
        case .compareAtPrice: compareAtPrice
        case .cost: cost
        default: nil
        }
    }
}

/// The fake shop's single write path, with the store's rules for prices: the domain validates the
/// typed text, the row's version must be the one the console saw (else a conflict with the current
/// values), a compare-at price must stay above the price, and a price under the shop's margin
/// floor is refused unless the command overrides it. A command either saves every edit as one
/// batch or nothing. Undo puts a batch's old values back as a new batch, unless a field changed since.
extension FakeShop: ShopWriting {
    func perform(_ command: WriteCommand, reason: String) throws(WriteError) -> WriteResult {
        writeLog.record(command)
        let currency = shopOverview.currency
        let validated: ValidatedChanges
        do { validated = try command.validated(currency: currency) } catch { throw .invalid(error) }
        switch command {
        case .updateVariant(let id, let version, _):
            return try apply(
                [(id, version, validated.values)], override: false, command: command)
        case .updateVariants(let edits, let override):
            return try apply(
                zip(edits, validated.perEdit).map { ($0.id, $0.expectedVersion, $1) }, override: override, command: command)
        case .undo(let batchID):
            return try undo(batchID, command: command)
        default:
            throw .unavailable("the fake shop writes prices only")
        }
    }

    private static func field(_ name: String) throws(WriteError) -> VariantField {
        guard let field = VariantField(rawValue: name), [.price, .compareAtPrice, .cost].contains(field) else {
            throw .unavailable("the fake shop writes prices only, not \(name)")
        }
        return field
    }

    private func apply(
        _ edits: [(id: Int64, version: Int64, values: [String: FieldValue])], override: Bool, command: WriteCommand
    ) throws(WriteError) -> WriteResult {
        let floor = (try? MarginFloor(basisPoints: shopOverview.marginFloorBasisPoints)) ?? .atCost
        var changes: [FakeWriteLog.Change] = []
        var lastVersion: Int64?
        var overrodeFloor = false
        try replacePrices { rows throws(WriteError) in
            for edit in edits {
                guard let index = rows.firstIndex(where: { $0.id == edit.id }) else {
                    throw .notFound(entity: "variant", id: edit.id)
                }
                let row = rows[index]
                var fields: [VariantField] = []
                for name in edit.values.keys.sorted() { fields.append(try Self.field(name)) }
                guard row.version == edit.version else {
                    var current: [String: String?] = [:]
                    for field in fields { current[field.rawValue] = row.money(field)?.decimalText }
                    throw .conflict(entity: "variant", id: row.id, currentVersion: row.version, current: current)
                }
                var new: [VariantField: Money?] = [:]
                for field in fields {
                    switch edit.values[field.rawValue] {
                    case .money(let money): new[field] = money
                    default: new[field] = .some(nil)
                    }
                }
                let price = new[.price].flatMap { $0 } ?? row.price
                let compareAt = new[.compareAtPrice] ?? row.compareAtPrice
                let cost = new[.cost] ?? row.cost
                if let compareAt, compareAt <= price {
                    throw .invalid(ValidationError(
                        field: "compare_at_price",
                        message: "compare-at price \(compareAt.formatted) is not above the price \(price.formatted)"))
                }
                let rowChanges = fields.compactMap { field -> FakeWriteLog.Change? in
                    let old = row.money(field)
                    let value = new[field] ?? old
                    return old == value ? nil : FakeWriteLog.Change(variantID: row.id, field: field, old: old, new: value)
                }
                if rowChanges.contains(where: { $0.field == .price || $0.field == .cost }),
                   let violation = floor.check(price: price, cost: cost) {
                    guard override else { throw .belowMarginFloor("\(row.sku): \(violation)") }
                    overrodeFloor = true
                }
                guard !rowChanges.isEmpty else {
                    lastVersion = row.version
                    continue
                }
                rows[index] = row.with(price: price, compareAt: compareAt, cost: cost, version: row.version + 1)
                changes += rowChanges
                lastVersion = row.version + 1
            }
        }
        return result(command: command, changes: changes, version: edits.count == 1 ? lastVersion : nil, overrodeFloor: overrodeFloor)
    }

    private func undo(_ batchID: Int64, command: WriteCommand) throws(WriteError) -> WriteResult {
        guard let batch = writeLog.batch(batchID) else { throw .notFound(entity: "change", id: batchID) }
        var reverted: [FakeWriteLog.Change] = []
        try replacePrices { rows throws(WriteError) in
            for change in batch.changes {
                guard let index = rows.firstIndex(where: { $0.id == change.variantID }) else {
                    throw .notFound(entity: "variant", id: change.variantID)
                }
                let row = rows[index]
                guard row.money(change.field) == change.new else {
                    throw .conflict(
                        entity: "variant", id: row.id, currentVersion: row.version,
                        current: [change.field.rawValue: row.money(change.field)?.decimalText])
                }
                switch change.field {
                case .price: rows[index] = row.with(price: change.old, version: row.version + 1)
                case .compareAtPrice: rows[index] = row.with(compareAt: .some(change.old), version: row.version + 1)
                default: rows[index] = row.with(cost: .some(change.old), version: row.version + 1)
                }
                reverted.append(FakeWriteLog.Change(variantID: row.id, field: change.field, old: change.new, new: change.old))
            }
        }
        return result(command: command, changes: reverted, version: nil, overrodeFloor: false)
    }

    private func result(command: WriteCommand, changes: [FakeWriteLog.Change], version: Int64?, overrodeFloor: Bool) -> WriteResult {
        let fieldChanges = changes.map {
            FieldChange(field: $0.field.rawValue, oldValue: $0.old?.decimalText, newValue: $0.new?.decimalText)
        }
        guard !changes.isEmpty else { return WriteResult(batchID: 0, newVersion: version, changes: []) }
        let id = writeLog.save(command: command, changes: changes, overrodeFloor: overrodeFloor)
        return WriteResult(batchID: id, newVersion: version, changes: fieldChanges)
    }

    /// Someone else changes a price while the console shows the old one: the row's version moves on.
    func changePriceElsewhere(id: Int64, to price: Money) {
        try? replacePrices { rows throws(WriteError) in
            guard let index = rows.firstIndex(where: { $0.id == id }) else { return }
            rows[index] = rows[index].with(price: price, version: rows[index].version + 1)
        }
    }

    /// The row with this id as the shop holds it now.
    func price(_ id: Int64) -> VariantPriceItem? { prices.first { $0.id == id } }
}
