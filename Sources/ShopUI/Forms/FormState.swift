import ShopKit

/// A form for a whole record: fields with their editors, the focused field, and a message
/// under each field that failed validation.
public struct FormState: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case editProduct(id: Int64, version: Int64)
        case createProduct
        case editVariant(id: Int64, version: Int64)
        case createVariant(productID: Int64)
        /// A stock action on one variant: receive, adjust, transfer or count.
        case stock(StockAction, variantID: Int64)
        /// A variant's reorder point, quantity and lead time (`version` nil: none stored yet).
        case reorderSettings(variantID: Int64, version: Int64?)
        /// One delivery for many SKUs, typed or pasted as `SKU qty` lines.
        case bulkReceive
        /// A change to a complaint, made from its detail view (and returning there).
        case complaint(ComplaintFormKind, id: Int64, version: Int64)
        case newComplaint
        /// A new promotion (nil) or an edit of this one, at its version; what the form does not
        /// show (exclusions, channel…) is kept from it.
        case promotion(original: Promotion?)
        /// Unique single-use codes for a promotion.
        case generateCodes(promotionID: Int64, name: String)
        /// The moment and codes a price is explained at (the SKU asked too when nil).
        case explainPrice(variantID: Int64?)
    }

    public struct Field: Sendable, Equatable {
        public enum Key: Sendable, Equatable {
            case product(ProductField)
            case variant(VariantField)
            /// Option values of a new variant, "M / Black".
            case options
            /// Stock action fields.
            case location, destination, quantity, reference
            /// Reorder settings.
            case reorderPoint, reorderQuantity, leadTime
            /// `SKU qty` lines of a bulk receipt.
            case receiptLines
            /// Fields of the complaint forms, by the name the write path's messages use.
            case named(String)
            case sku, price
            /// Comma-separated tags.
            case tags
            /// Codes of the channels the product is listed on, separated by spaces.
            case channels
        }

        public let key: Key
        public let label: String
        public var editor: LineEditor
        public let original: String
        /// A length a person should stay within (SEO texts), shown as a live counter.
        public let limit: Int?
        /// Long text edited in $VISUAL/$EDITOR instead of in the field.
        public let isLongText: Bool
        public var error: String?
        /// Shown under the field while it has the focus.
        public var hint: String?

        public init(
            key: Key, label: String, value: String, limit: Int? = nil, isLongText: Bool = false, hint: String? = nil
        ) {
            self.hint = hint
            self.key = key
            self.label = label
            editor = LineEditor(value)
            original = value
            self.limit = limit
            self.isLongText = isLongText
        }

        public var isChanged: Bool { editor.text != original }
    }

    public let title: String
    public var purpose: Purpose
    public var fields: [Field]
    public var focus = 0

    public var isDirty: Bool { fields.contains(where: \.isChanged) }

    public init(title: String, purpose: Purpose, fields: [Field]) {
        self.title = title
        self.purpose = purpose
        self.fields = fields
    }

    /// The product form: every editable field of a product, SEO texts with their limits, its
    /// tags and the channels it is listed on.
    public static func product(_ detail: ProductDetail) -> FormState {
        let product = detail.product
        let listed = detail.listings.filter { $0.value == .listed }.keys.sorted().joined(separator: " ")
        let channels = detail.listings.keys.sorted().joined(separator: ", ")
        return FormState(title: "Edit product", purpose: .editProduct(id: product.id, version: product.version), fields: [
            Field(key: .product(.title), label: "Title", value: product.title),
            Field(key: .product(.handle), label: "Handle", value: product.handle),
            Field(key: .product(.vendor), label: "Vendor", value: product.vendor),
            Field(key: .product(.productType), label: "Type", value: product.productType),
            Field(key: .product(.status), label: "Status", value: product.status.rawValue),
            Field(key: .product(.seoTitle), label: "SEO title", value: product.seoTitle, limit: CatalogRules.seoTitleLimit),
            Field(key: .product(.seoDescription), label: "SEO description", value: product.seoDescription,
                  limit: CatalogRules.seoDescriptionLimit),
            Field(key: .tags, label: "Tags", value: product.tags.joined(separator: ", "), hint: "separated by commas"),
            Field(key: .channels, label: "Listed on", value: listed,
                  hint: channels.isEmpty ? "channel codes, separated by spaces" : "any of: \(channels)"),
            Field(key: .product(.bodyHTML), label: "Description", value: product.bodyHTML, isLongText: true),
        ])
    }

    /// Every field of a variant; its option values are fixed once created.
    public static func variant(_ detail: VariantDetail) -> FormState {
        let variant = detail.variant
        return FormState(
            title: "Edit variant \(variant.optionSummary) of \(detail.product.title)",
            purpose: .editVariant(id: variant.id, version: variant.version), fields: [
                Field(key: .variant(.sku), label: "SKU", value: variant.sku ?? ""),
                Field(key: .variant(.barcode), label: "Barcode", value: variant.barcode ?? "", hint: "EAN-13, UPC-A or EAN-8"),
                Field(key: .variant(.price), label: "Price", value: variant.price.decimalText),
                Field(key: .variant(.compareAtPrice), label: "Compare-at", value: variant.compareAtPrice?.decimalText ?? "",
                      hint: "the \"was\" price; empty for none"),
                Field(key: .variant(.cost), label: "Cost", value: variant.cost?.decimalText ?? ""),
                Field(key: .variant(.grams), label: "Weight (g)", value: String(variant.grams)),
            ])
    }

    /// A new variant of a product.
    public static func newVariant(productID: Int64, productTitle: String, optionNames: [String]) -> FormState {
        let hint = optionNames.isEmpty ? "e.g. M / Black" : optionNames.joined(separator: " / ")
        return FormState(title: "New variant of \(productTitle)", purpose: .createVariant(productID: productID), fields: [
            Field(key: .options, label: "Options", value: "", hint: hint),
            Field(key: .variant(.sku), label: "SKU", value: ""),
            Field(key: .variant(.barcode), label: "Barcode", value: ""),
            Field(key: .variant(.price), label: "Price", value: ""),
            Field(key: .variant(.compareAtPrice), label: "Compare-at", value: ""),
            Field(key: .variant(.cost), label: "Cost", value: ""),
            Field(key: .variant(.grams), label: "Weight (g)", value: "0"),
        ])
    }

    /// A stock action form; locations are typed by code.
    public static func stock(_ action: StockAction, variantID: Int64, sku: String, locations: [Location]) -> FormState {
        let codes = locations.map(\.code).joined(separator: ", ")
        let first = locations.first?.code ?? ""
        var fields = [Field(key: .location, label: action == .transfer ? "From" : "Location", value: first, hint: "one of: \(codes)")]
        if action == .transfer {
            fields.append(Field(key: .destination, label: "To", value: locations.dropFirst().first?.code ?? "", hint: "one of: \(codes)"))
        }
        fields.append(Field(key: .quantity, label: action.quantityLabel, value: "", hint: action.quantityHint))
        fields.append(Field(key: .reference, label: action == .adjust ? "Reason" : "Reference", value: "", hint: action.referenceHint))
        return FormState(title: "\(action.title) \(sku)", purpose: .stock(action, variantID: variantID), fields: fields)
    }

    /// Reorder settings of one variant; empty settings start from what the pane suggests.
    public static func reorderSettings(_ item: StockListItem) -> FormState {
        let settings = item.reorder
        return FormState(
            title: "Reorder settings \(item.sku)", purpose: .reorderSettings(variantID: item.id, version: settings?.version),
            fields: [
                Field(key: .reorderPoint, label: "Reorder point", value: settings.map { String($0.reorderPoint) } ?? "",
                      hint: "reorder when available falls to this (sells \(item.velocity.perDayText)/day)"),
                Field(key: .reorderQuantity, label: "Order quantity", value: settings.map { String($0.reorderQuantity) } ?? "",
                      hint: "the usual quantity per purchase order"),
                Field(key: .leadTime, label: "Lead time (days)", value: settings.map { String($0.leadTimeDays) } ?? "",
                      hint: "days from ordering to goods on the shelf"),
            ])
    }

    /// A delivery for many SKUs at one location: the lines start with the marked SKUs.
    public static func bulkReceive(skus: [String], locations: [Location]) -> FormState {
        let codes = locations.filter(\.isSellable).map(\.code).joined(separator: ", ")
        let lines = skus.map { $0 + " " }.joined(separator: "\n")
        return FormState(title: "Receive a delivery", purpose: .bulkReceive, fields: [
            Field(key: .location, label: "Location", value: locations.first(where: \.isSellable)?.code ?? "",
                  hint: "one of: \(codes)"),
            Field(key: .reference, label: "Reference", value: "", hint: "purchase order or delivery note, e.g. PO-2026-0142"),
            Field(key: .receiptLines, label: "Lines", value: lines, isLongText: true,
                  hint: "one `SKU quantity` per line — Enter opens them for typing or pasting"),
        ])
    }

    /// A new product: a draft with one variant.
    public static func newProduct() -> FormState {
        FormState(title: "New product (a draft until you set it active)", purpose: .createProduct, fields: [
            Field(key: .product(.title), label: "Title", value: ""),
            Field(key: .product(.vendor), label: "Vendor", value: ""),
            Field(key: .product(.productType), label: "Type", value: ""),
            Field(key: .sku, label: "SKU", value: ""),
            Field(key: .price, label: "Price", value: ""),
        ])
    }

    /// Checks every field with the domain's rules; returns false (and sets the messages) when
    /// any field is wrong.
    public mutating func validate(currency: Currency) -> Bool {
        var valid = true
        for index in fields.indices {
            fields[index].error = nil
            let text = fields[index].editor.text
            do throws(ValidationError) {
                switch fields[index].key {
                case .product(let field): _ = try field.validate(text, currency: currency)
                case .variant(let field): _ = try field.validate(text, currency: currency)
                case .options, .location, .destination, .reference, .receiptLines, .named: break
                case .reorderPoint, .reorderQuantity, .leadTime:
                    let trimmed = text.trimmingWhitespace()
                    guard let number = Int64(trimmed), number >= 0 else {
                        throw ValidationError(field: fields[index].label, message: "\"\(trimmed.prefix(12))\" is not a whole number of 0 or more",
                                              hint: "e.g. 10")
                    }
                    _ = number
                case .quantity:
                    guard let number = Int64(text.trimmingWhitespace()) else {
                        throw ValidationError(field: "quantity", message: "\"\(text)\" is not a whole number", hint: "e.g. 12 or -3")
                    }
                    _ = number
                case .sku: _ = try VariantField.sku.validate(text, currency: currency)
                case .price: _ = try VariantField.price.validate(text, currency: currency)
                case .tags, .channels: break // checked by the write path (it knows the channels)
                }
            } catch {
                fields[index].error = error.description
                valid = false
            }
        }
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
        return valid
    }

    /// The write command for what changed (edit) or for the new record (create). Location codes
    /// are looked up in `locations`; an unknown one is put under its field and gives nil.
    public mutating func command(locations: [Location] = []) -> WriteCommand? {
        switch purpose {
        case .reorderSettings(let variantID, let version):
            func text(_ key: Field.Key) -> String { fields.first { $0.key == key }?.editor.text ?? "" }
            guard isDirty || version == nil else { return nil }
            do {
                return .setReorderSettings(variantID: variantID, settings: try ReorderSettings.parse(
                    reorderPoint: text(.reorderPoint), reorderQuantity: text(.reorderQuantity), leadTimeDays: text(.leadTime),
                    version: version))
            } catch {
                showError(error)
                return nil
            }
        case .bulkReceive, .complaint, .newComplaint, .promotion, .generateCodes, .explainPrice:
            return nil // built by the console, which looks things up first (AppModel+Complaints, +Stock)
        case .stock(let action, let variantID):
            func text(_ key: Field.Key) -> String { fields.first { $0.key == key }?.editor.text.trimmingWhitespace() ?? "" }
            func location(_ key: Field.Key) -> Int64? {
                let code = text(key)
                if let found = locations.first(where: { $0.code.lowercased() == code.lowercased() }) { return found.id }
                if let index = fields.firstIndex(where: { $0.key == key }) {
                    fields[index].error = "there is no location \"\(code)\" — use one of \(locations.map(\.code).joined(separator: ", "))"
                    focus = index
                }
                return nil
            }
            guard let from = location(.location), let quantity = Int64(text(.quantity)) else { return nil }
            let reference = text(.reference)
            switch action {
            case .receive:
                return .recordMovement(variantID: variantID, locationID: from, reason: .receipt, quantity: quantity, reference: reference)
            case .adjust:
                return .recordMovement(variantID: variantID, locationID: from, reason: .adjustment, quantity: quantity, reference: reference)
            case .count:
                return .stocktake(variantID: variantID, locationID: from, counted: quantity, reference: reference)
            case .transfer:
                guard let to = location(.destination) else { return nil }
                return .transferStock(variantID: variantID, from: from, to: to, quantity: quantity, reference: reference, beyondAvailable: false)
            }
        case .editProduct(let id, let version):
            var changes: [ProductField: String] = [:]
            var tags: [String]?
            var channels: [String]?
            for field in fields where field.isChanged {
                switch field.key {
                case .product(let key): changes[key] = field.editor.text
                case .tags: tags = field.editor.text.split(separator: ",").map { String($0).trimmingWhitespace() }
                case .channels: channels = field.editor.text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                default: break
                }
            }
            guard !changes.isEmpty || tags != nil || channels != nil else { return nil }
            return .editProduct(id: id, expectedVersion: version, changes: changes, tags: tags, listedChannels: channels)
        case .createProduct:
            var values: [ProductField: String] = [:]
            var sku = ""
            var price = ""
            for field in fields {
                switch field.key {
                case .product(let key): values[key] = field.editor.text
                case .sku: sku = field.editor.text
                case .price: price = field.editor.text
                default: break
                }
            }
            return .createProduct(fields: values, sku: sku, price: price)
        case .editVariant(let id, let version):
            var changes: [VariantField: String] = [:]
            for field in fields where field.isChanged {
                if case .variant(let key) = field.key { changes[key] = field.editor.text }
            }
            return changes.isEmpty ? nil : .updateVariant(id: id, expectedVersion: version, changes: changes)
        case .createVariant(let productID):
            var changes: [VariantField: String] = [:]
            var options = ""
            for field in fields {
                switch field.key {
                case .variant(let key): changes[key] = field.editor.text
                case .options: options = field.editor.text
                default: break
                }
            }
            return .createVariant(productID: productID, options: options, fields: changes)
        }
    }

    /// Puts a refusal from the write path under the field it names.
    public mutating func showError(_ error: ValidationError) {
        let index = fields.firstIndex { field in
            switch field.key {
            case .product(let key): key.rawValue == error.field || field.label.lowercased() == error.field
            case .sku: error.field == "sku"
            case .price: error.field == "price"
            case .variant(let key): key.rawValue == error.field || field.label.lowercased() == error.field
            case .options: error.field == "options"
            case .location: error.field == "location"
            case .destination: error.field == "to"
            case .quantity: ["quantity", "counted"].contains(error.field)
            case .reference: error.field == "reference"
            case .reorderPoint: error.field == "reorder_point"
            case .reorderQuantity: error.field == "reorder_quantity"
            case .leadTime: error.field == "lead_time_days"
            case .receiptLines: error.field == "lines"
            case .named(let name): error.field == name
            case .tags: error.field == "tags"
            case .channels: error.field == "channels"
            }
        }
        if let index {
            fields[index].error = error.description
            focus = index
        }
    }
}

/// What a stock form does. Each is entered as a delta or a count, never as a new level.
public enum StockAction: String, Sendable, Equatable, CaseIterable {
    case receive, adjust, transfer, count

    var title: String {
        switch self {
        case .receive: "Receive"
        case .adjust: "Adjust"
        case .transfer: "Transfer"
        case .count: "Count (stocktake)"
        }
    }

    var quantityLabel: String { self == .count ? "Counted" : self == .adjust ? "Change (±)" : "Quantity" }

    var quantityHint: String {
        switch self {
        case .receive: "units received, e.g. 12"
        case .adjust: "units added or removed, e.g. -2"
        case .transfer: "units moved"
        case .count: "what is on the shelf; the difference is recorded"
        }
    }

    var referenceHint: String {
        switch self {
        case .receive: "purchase order number, e.g. PO-2026-0142"
        case .adjust: "required: why, e.g. broken in the shelf"
        case .transfer: "transfer note, e.g. TR-0012"
        case .count: "e.g. count 2026-11"
        }
    }
}

/// The forms a complaint's detail view opens.
public enum ComplaintFormKind: String, Sendable, Hashable, CaseIterable {
    case status, assign, priority, note, settle
}
