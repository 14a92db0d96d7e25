/// Every change to the shop is one of these commands, carried out by the store's single write
/// path: validate here in the domain, check the row's version, write, and append audit rows —
/// all in one transaction.
public enum WriteCommand: Sendable {
    /// Edit product fields. `expectedVersion` is the version the person saw; a newer row is a conflict.
    case updateProduct(id: Int64, expectedVersion: Int64, changes: [ProductField: String])
    case updateVariant(id: Int64, expectedVersion: Int64, changes: [VariantField: String])
    /// Stock changes only by appending a movement; movements add up, so they never conflict.
    case recordMovement(variantID: Int64, locationID: Int64, reason: StockReason, quantity: Int64, reference: String)
    /// Moves stock between two locations: a transfer-out and a transfer-in movement in one
    /// transaction. More than is available at the source is refused unless `beyondAvailable`.
    case transferStock(variantID: Int64, from: Int64, to: Int64, quantity: Int64, reference: String, beyondAvailable: Bool)
    /// A counted quantity: the difference to the ledger becomes one stocktake movement.
    case stocktake(variantID: Int64, locationID: Int64, counted: Int64, reference: String)
    /// One delivery received for several variants at one location: a receipt movement each,
    /// one transaction, one audit batch.
    case receiveBatch(locationID: Int64, items: [ReceiptItem], reference: String)
    /// A variant's reorder point, quantity and lead time, checked against the version shown
    /// (`settings.version`, nil when none were stored): unlike movements, settings can conflict.
    case setReorderSettings(variantID: Int64, settings: ReorderSettings)
    /// A status, assignment, priority or note on a complaint, as a timeline event. Notes add
    /// up like movements; the other changes are checked against the version shown.
    case changeComplaint(id: Int64, expectedVersion: Int64, change: ComplaintChange)
    /// A settlement and its money or stock effects in one transaction; `thenResolve` closes the
    /// complaint with the settlement as its resolution. A refund above the shop's threshold
    /// needs `confirmed`.
    case settleComplaint(id: Int64, expectedVersion: Int64, settlement: Settlement, thenResolve: Bool, confirmed: Bool)
    case openComplaint(NewComplaint)
    /// Personal data of a complaint's customer shown unmasked: recorded, nothing else changes.
    case revealPersonalData(complaintID: Int64)
    /// Several variant edits as one change: one transaction, one audit batch, one undo step.
    /// A price under the shop's margin floor is refused unless `overrideMarginFloor`, and an
    /// override is itself recorded in the audit log.
    case updateVariants([VariantEdit], overrideMarginFloor: Bool)
    /// Reverts every field of an earlier batch as a new audited change; a field someone changed
    /// since is a conflict, and nothing is reverted.
    case undo(batchID: Int64)
    /// A product's fields, tags and sales channels edited together (the product form): one
    /// version check, one audit batch. Nil tags or channels are left as they are.
    case editProduct(
        id: Int64, expectedVersion: Int64, changes: [ProductField: String], tags: [String]?, listedChannels: [String]?)
    /// A new product (a draft unless said otherwise) with one default variant at `price`.
    case createProduct(fields: [ProductField: String], sku: String, price: String)
    /// A new variant of a product: option values as "M / Black", the rest as typed.
    case createVariant(productID: Int64, options: String, fields: [VariantField: String])
    /// A copy of a product and its variants as a new draft: SKUs and barcodes are left empty
    /// (they must stay unique), the handle gets a free suffix.
    case duplicateProduct(id: Int64)
    /// Imports: a product and its variants read from a file, upserted by handle (variants by SKU,
    /// else by option values); a promotion read from a discount export, upserted by code, else by
    /// name. Both were validated when their rows were mapped (ShopKit/Exchange). Indirect: their
    /// records are large, and inline they would grow every WriteCommand (and the console's stack).
    indirect case importProduct(ImportedProduct)
    indirect case importPromotion(ImportedPromotion)

    // MARK: Promotions (docs/PROMOTIONS.md). A save whose margin guard finds prices under the
    // floor is refused with `promotionBelowMargin` unless `overrideMarginGuard`; an override is
    // audited and kept on the promotion (`marginOverride`).

    /// A new promotion; `id`, `uses` and `version` of the value are ignored. A shared code is saved with it.
    case createPromotion(Promotion, overrideMarginGuard: Bool)
    /// Every field of the promotion as given, at the version the person saw.
    case editPromotion(id: Int64, expectedVersion: Int64, Promotion, overrideMarginGuard: Bool)
    /// Pauses, or resumes (which runs the margin guard again unless the promotion carries an override).
    case setPromotionPaused(id: Int64, expectedVersion: Int64, paused: Bool, overrideMarginGuard: Bool)
    /// A paused copy without codes (codes are unique), named "… (copy)".
    case duplicatePromotion(id: Int64)
    /// Ends a running promotion at this moment.
    case endPromotionNow(id: Int64, expectedVersion: Int64)
    /// `count` new single-use codes `prefix` + 8 unambiguous characters; the same seed makes the
    /// same codes (codes already in the shop are skipped). Nil seed: derived from the moment.
    case generatePromotionCodes(promotionID: Int64, count: Int, prefix: String, seed: UInt64?)

    /// Validates what can be checked without the database. Throws the first problem found.
    public func validated(currency: Currency) throws(ValidationError) -> ValidatedChanges {
        switch self {
        case .updateProduct(_, _, let changes):
            return ValidatedChanges(values: try Self.validate(changes, currency: currency))
        case .updateVariant(_, _, let changes):
            return ValidatedChanges(values: try Self.validate(changes, currency: currency))
        case .updateVariants(let edits, _):
            guard !edits.isEmpty else {
                throw ValidationError(field: "", message: "no variants to change", hint: "mark rows or filter first")
            }
            var perEdit: [[String: FieldValue]] = []
            for edit in edits { perEdit.append(try Self.validate(edit.changes, currency: currency)) }
            return ValidatedChanges(values: [:], perEdit: perEdit)
        case .undo, .duplicateProduct, .revealPersonalData:
            return ValidatedChanges(values: [:])
        case .changeComplaint(_, _, let change):
            try change.validate()
            return ValidatedChanges(values: [:])
        case .settleComplaint(_, _, let settlement, _, _):
            try settlement.validate()
            return ValidatedChanges(values: [:])
        case .openComplaint(let complaint):
            try complaint.validate()
            return ValidatedChanges(values: [:])
        case .importProduct, .importPromotion:
            return ValidatedChanges(values: [:])
        case .createPromotion(let promotion, _), .editPromotion(_, _, let promotion, _):
            try promotion.validate(currency: currency)
            return ValidatedChanges(values: [:])
        case .setPromotionPaused, .duplicatePromotion, .endPromotionNow:
            return ValidatedChanges(values: [:])
        case .generatePromotionCodes(_, let count, let prefix, _):
            _ = try PromotionCode.validateRequest(count: count, prefix: prefix)
            return ValidatedChanges(values: [:])
        case .editProduct(_, _, let changes, let tags, let channels):
            guard !changes.isEmpty || tags != nil || channels != nil else {
                throw ValidationError(field: "", message: "nothing to change", hint: "edit a field first")
            }
            for tag in tags ?? [] where tag.count > 64 || tag.contains(",") {
                throw ValidationError(field: "tags", message: "tag \"\(tag.prefix(20))…\" is too long or holds a comma",
                                      hint: "separate tags with commas, at most 64 characters each")
            }
            return ValidatedChanges(values: changes.isEmpty ? [:] : try Self.validate(changes, currency: currency))
        case .createVariant(_, let options, let fields):
            guard fields[.price] != nil else {
                throw ValidationError(field: "price", message: "price is empty", hint: "type an amount such as 12.50")
            }
            let parts = options.split(separator: "/").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            guard parts.count <= 3 else {
                throw ValidationError(field: "options", message: "a variant has at most three option values", hint: "e.g. M / Black")
            }
            var values = try Self.validate(fields, currency: currency)
            for (index, part) in parts.enumerated() { values["option\(index + 1)"] = .text(part) }
            return ValidatedChanges(values: values)
        case .createProduct(let fields, let sku, let price):
            guard let title = fields[.title], !title.trimmingWhitespace().isEmpty else {
                throw ValidationError(field: "title", message: "title is empty", hint: "every product needs a title")
            }
            var values = try Self.validate(fields, currency: currency)
            if values[ProductField.handle.rawValue] == nil {
                values[ProductField.handle.rawValue] = .text(CatalogRules.handle(from: title))
            }
            let variant = try Self.validate([VariantField.sku: sku, .price: price], currency: currency)
            return ValidatedChanges(values: values, perEdit: [variant])
        case .recordMovement(_, _, let reason, let quantity, let reference):
            try StockMovement.validate(reason: reason, quantity: quantity)
            try Self.checkReference(reference)
            if [.adjustment, .damage, .loss, .found].contains(reason) && reference.trimmingWhitespace().isEmpty {
                throw ValidationError(
                    field: "reference", message: "a \(reason.label) needs a reason", hint: "say why, e.g. \"broken in the shelf\"")
            }
            return ValidatedChanges(values: [:])
        case .transferStock(_, let from, let to, let quantity, let reference, _):
            guard quantity > 0 else {
                throw ValidationError(field: "quantity", message: "a transfer moves at least one unit", hint: "enter a quantity above 0")
            }
            guard from != to else {
                throw ValidationError(field: "to", message: "a transfer needs two different locations", hint: "choose another destination")
            }
            try Self.checkReference(reference)
            return ValidatedChanges(values: [:])
        case .receiveBatch(_, let items, let reference):
            guard !items.isEmpty else {
                throw ValidationError(field: "lines", message: "nothing to receive", hint: "type one `SKU quantity` line per item")
            }
            for item in items { try StockMovement.validate(reason: .receipt, quantity: item.quantity) }
            try Self.checkReference(reference)
            return ValidatedChanges(values: [:])
        case .setReorderSettings(_, let settings):
            for (field, value) in [("reorder_point", settings.reorderPoint), ("reorder_quantity", settings.reorderQuantity),
                                   ("lead_time_days", settings.leadTimeDays)] where value < 0 {
                throw ValidationError(field: field, message: "\(field.replacingUnderscores()) cannot be negative", hint: "0 or more")
            }
            return ValidatedChanges(values: [:])
        case .stocktake(_, _, let counted, let reference):
            guard counted >= 0 else {
                throw ValidationError(field: "counted", message: "a count cannot be below zero", hint: "enter what is on the shelf, 0 or more")
            }
            try Self.checkReference(reference)
            return ValidatedChanges(values: [:])
        }
    }

    private static func checkReference(_ reference: String) throws(ValidationError) {
        if reference.count > 120 {
            throw ValidationError(field: "reference", message: "reference is too long", hint: "use at most 120 characters")
        }
    }

    private static func validate<Field: EditableField>(
        _ changes: [Field: String], currency: Currency
    ) throws(ValidationError) -> [String: FieldValue] {
        guard !changes.isEmpty else {
            throw ValidationError(field: "", message: "nothing to change", hint: "edit a field first")
        }
        var values: [String: FieldValue] = [:]
        for field in Field.allCases {
            guard let input = changes[field] else { continue }
            values[field.rawValue] = try field.validate(input, currency: currency)
        }
        return values
    }
}

public struct ValidatedChanges: Sendable {
    /// Field name → validated value, only for the fields the command changes.
    public let values: [String: FieldValue]
    /// For commands with several edits: the validated values of each, in order.
    public let perEdit: [[String: FieldValue]]

    public init(values: [String: FieldValue], perEdit: [[String: FieldValue]] = []) {
        self.values = values
        self.perEdit = perEdit
    }
}

/// One variant's edit inside a bulk change.
public struct VariantEdit: Sendable, Hashable {
    public let id: Int64
    public let expectedVersion: Int64
    public let changes: [VariantField: String]

    public init(id: Int64, expectedVersion: Int64, changes: [VariantField: String]) {
        self.id = id
        self.expectedVersion = expectedVersion
        self.changes = changes
    }
}

/// One audited change of one field, as the audit log keeps it.
public struct FieldChange: Hashable, Sendable {
    public let field: String
    public let oldValue: String?
    public let newValue: String?

    public init(field: String, oldValue: String?, newValue: String?) {
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// Why a write did not happen. Nothing was changed in any of these cases.
public enum WriteError: Error, Sendable, CustomStringConvertible, Equatable {
    case invalid(ValidationError)
    /// Someone changed the row since it was shown: the current values, so the person can compare.
    case conflict(entity: String, id: Int64, currentVersion: Int64, current: [String: String?])
    case notFound(entity: String, id: Int64)
    case readOnly(String)
    /// The database could not complete the write (locked too long, disk full…); nothing was written.
    case unavailable(String)
    /// Prices under the shop's margin floor; the person may repeat the change with an override.
    case belowMarginFloor(String)
    /// A change the shop wants confirmed (a large refund); the person may repeat it confirmed.
    case needsConfirmation(String)
    /// A promotion would sell these variants under the margin floor (worst case, lowest first);
    /// the person may repeat the save with `overrideMarginGuard`.
    case promotionBelowMargin([MarginGuardViolation])

    public var description: String {
        switch self {
        case .invalid(let error): error.description
        case .conflict(let entity, let id, _, _):
            "\(entity) \(id) was changed by someone else since you opened it — reload to see the current values"
        case .notFound(let entity, let id): "\(entity) \(id) no longer exists"
        case .readOnly(let reason): "cannot write: \(reason)"
        case .unavailable(let reason): "the change was not saved: \(reason)"
        case .belowMarginFloor(let reason): reason
        case .needsConfirmation(let reason): reason
        case .promotionBelowMargin(let violations):
            "\(violations.count) variant\(violations.count == 1 ? "" : "s") would sell below the margin floor: "
                + violations.prefix(3).map(\.description).joined(separator: "; ")
                + (violations.count > 3 ? "; …" : "") + " — save with an override to keep it"
        }
    }
}

/// What a successful write did: the audit batch it belongs to and the new row version.
public struct WriteResult: Sendable, Equatable {
    public let batchID: Int64
    public let newVersion: Int64?
    public let changes: [FieldChange]
    /// The id of the row a create or duplicate made.
    public let createdID: Int64?

    public init(batchID: Int64, newVersion: Int64?, changes: [FieldChange], createdID: Int64? = nil) {
        self.batchID = batchID
        self.newVersion = newVersion
        self.changes = changes
        self.createdID = createdID
    }
}
