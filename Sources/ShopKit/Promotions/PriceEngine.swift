/// Prices a cart, or one variant, under the shop's promotions. Pure and deterministic; the order
/// of application and the rounding are those of docs/PROMOTIONS.md:
///
/// 1. item level: percentages, then amounts per item, then buy-X-get-Y — each on the running
///    unit price, rounded half up to the minor unit at every step, never below zero;
/// 2. order level: amounts per order, off the goods in scope after step 1, spread over the lines;
/// 3. shipping: free shipping.
///
/// Within a step, promotions act in the order of their number (id). When promotions do not all
/// combine, every combination the rules allow is priced and the lowest total wins (ties: more
/// promotions, then lower numbers).
public enum PriceEngine {
    /// The most promotions weighed together for one cart (their combinations are all tried).
    public static let maximumCandidates = 12

    /// The price of a cart: what every line and the shipping cost after promotions, and why.
    public static func quote(_ cart: Cart, promotions: [Promotion], context: PricingContext) -> CartQuote {
        let currency = cart.shipping.currency
        var trace: [PriceTraceStep] = []
        for line in cart.lines {
            trace.append(.regularPrice(
                variantID: line.variant.id, label: line.variant.label, quantity: line.quantity,
                unitPrice: line.variant.price, total: line.variant.price * line.quantity))
        }
        if !cart.shipping.isZero { trace.append(.shipping(cart.shipping)) }
        var candidates: [Promotion] = []
        for promotion in ordered(promotions) {
            if let reason = unavailable(promotion, cart: cart, context: context) {
                trace.append(.skipped(promotionID: promotion.id, name: promotion.name, reason: reason))
            } else if candidates.count == maximumCandidates {
                trace.append(.skipped(promotionID: promotion.id, name: promotion.name, reason: .tooManyPromotions(limit: maximumCandidates)))
            } else {
                candidates.append(promotion)
            }
        }
        var best: Evaluation?
        for subset in compatibleSubsets(candidates) {
            let evaluation = evaluate(cart, chosen: subset)
            if let current = best, !evaluation.isBetter(than: current) { continue }
            best = evaluation
        }
        let chosen = best ?? evaluate(cart, chosen: [])
        trace += chosen.steps
        for promotion in candidates where !chosen.chosenIDs.contains(promotion.id) {
            let rival = candidates.first { chosen.chosenIDs.contains($0.id) && !$0.combines(with: promotion) }
            trace.append(.skipped(
                promotionID: promotion.id, name: promotion.name,
                reason: rival.map { .doesNotCombine(with: $0.name) } ?? .notInBestCombination))
        }
        let money = { (minor: Int64) in Money(minorUnits: minor, currency: currency) }
        trace.append(.result(money(chosen.goods + chosen.shipping)))
        return CartQuote(
            lines: chosen.lines.enumerated().map { index, line in
                LineQuote(
                    variantID: cart.lines[index].variant.id, quantity: line.quantity, regularTotal: money(line.regular),
                    discount: money(line.regular - line.total), total: money(line.total), promotionIDs: line.promotionIDs)
            },
            regularGoods: money(chosen.lines.reduce(0) { $0 + $1.regular }), goods: money(chosen.goods),
            regularShipping: cart.shipping, shipping: money(chosen.shipping), applied: chosen.applied(currency),
            trace: trace)
    }

    /// The price of `quantity` units of one variant bought on their own (no shipping).
    public static func quote(
        _ variant: PricedVariant, quantity: Int64 = 1, promotions: [Promotion], context: PricingContext
    ) -> VariantPriceQuote {
        let cart = Cart(lines: [CartLine(variant: variant, quantity: quantity)], shipping: .zero(variant.price.currency))
        let quote = quote(cart, promotions: promotions, context: context)
        return VariantPriceQuote(
            variant: variant, quantity: cart.lines[0].quantity, regularUnitPrice: variant.price, total: quote.goods,
            applied: quote.applied, trace: quote.trace)
    }

    // MARK: - Which promotions may take part

    /// Promotions in the order they act: item level (percentages, amounts per item, bundles),
    /// order level, shipping; then by number, then by name.
    /// Promotions in the order they act. A list already in that order (a caller that prices
    /// many variants orders the shop's promotions once) is returned as it is, without copying.
    public static func ordered(_ promotions: [Promotion]) -> [Promotion] {
        let precedes = { (a: Promotion, b: Promotion) -> Bool in
            (a.level.rawValue, rank(a), a.id, a.name) < (b.level.rawValue, rank(b), b.id, b.name)
        }
        if zip(promotions, promotions.dropFirst()).allSatisfy({ !precedes($1, $0) }) { return promotions }
        return promotions.sorted(by: precedes)
    }

    private static func rank(_ promotion: Promotion) -> Int {
        switch promotion.kind {
        case .percentage: 0
        case .fixedAmount: 1
        case .buyXGetY: 2
        case .freeShipping: 3
        }
    }

    /// Why a promotion cannot take part in this cart at all, or nil when it can.
    static func unavailable(_ promotion: Promotion, cart: Cart, context: PricingContext) -> PromotionSkipReason? {
        switch promotion.state(at: context.at) {
        case .scheduled: return .notStarted(promotion.startsAt)
        case .expired: return .ended(promotion.endsAt ?? context.at)
        case .paused: return .paused
        case .exhausted: return .usedUp(limit: promotion.usageLimit ?? promotion.uses)
        case .active: break
        }
        if let channel = promotion.channel, !(context.channel.map { PromotionText.same($0, channel) } ?? true) {
            return .otherChannel(channel)
        }
        if promotion.trigger == .code && !context.unlockedPromotionIDs.contains(promotion.id) {
            let typed = promotion.code.map { code in context.codes.contains { PromotionText.same($0, code) } } ?? false
            if !typed { return .needsCode }
        }
        if let limit = promotion.perCustomerLimit, (context.customerUses[promotion.id] ?? 0) >= limit {
            return .perCustomerLimitReached(limit)
        }
        let matches = cart.lines.map { promotion.scopeMatch($0.variant) }
        if !matches.contains(.covered) {
            for case .excluded(let why) in matches { return .excluded(why) }
            return .notInScope
        }
        if promotion.level == .shipping && cart.shipping.isZero { return .shippingOnly }
        return nil
    }

    /// Every set of promotions that may apply together (each pair combines), the empty set
    /// first, each in application order.
    static func compatibleSubsets(_ candidates: [Promotion]) -> [[Promotion]] {
        var result: [[Promotion]] = []
        func extend(_ current: [Promotion], from index: Int) {
            result.append(current)
            guard index < candidates.count else { return }
            for next in index..<candidates.count where current.allSatisfy({ $0.combines(with: candidates[next]) }) {
                extend(current + [candidates[next]], from: next + 1)
            }
        }
        extend([], from: 0)
        return result
    }

    // MARK: - Applying a chosen set

    struct LineState {
        let quantity: Int64
        let regular: Int64
        /// The running price of one unit (item-level percentages and amounts act on it).
        var unit: Int64
        /// Taken off the line as a whole (bundles, order amounts), after the unit price.
        var lineDiscount: Int64 = 0
        var promotionIDs: [Int64] = []

        var total: Int64 { max(0, unit * quantity - lineDiscount) }
    }

    struct Evaluation {
        var lines: [LineState]
        var shipping: Int64
        var steps: [PriceTraceStep] = []
        var chosenIDs: [Int64]
        var appliedTotals: [(promotion: Promotion, discount: Int64)] = []

        var goods: Int64 { lines.reduce(0) { $0 + $1.total } }

        func isBetter(than other: Evaluation) -> Bool {
            let mine = goods + shipping
            let theirs = other.goods + other.shipping
            if mine != theirs { return mine < theirs }
            if chosenIDs.count != other.chosenIDs.count { return chosenIDs.count > other.chosenIDs.count }
            return chosenIDs.lexicographicallyPrecedes(other.chosenIDs)
        }

        func applied(_ currency: Currency) -> [AppliedPromotion] {
            appliedTotals.map {
                AppliedPromotion(
                    id: $0.promotion.id, name: $0.promotion.name, kind: $0.promotion.kind,
                    discount: Money(minorUnits: $0.discount, currency: currency))
            }
        }

        /// Whether a promotion in the chosen set actually took part (met its minimums).
        func didApply(_ id: Int64) -> Bool { appliedTotals.contains { $0.promotion.id == id } }
    }

    /// Applies exactly `chosen` (already known to be available and combinable) to the cart, in
    /// application order, checking minimums; the margin guard calls this for its worst cases.
    static func evaluate(_ cart: Cart, chosen: [Promotion]) -> Evaluation {
        let currency = cart.shipping.currency
        let money = { (minor: Int64) in Money(minorUnits: minor, currency: currency) }
        var state = Evaluation(
            lines: cart.lines.map {
                LineState(quantity: $0.quantity, regular: $0.variant.price.minorUnits * $0.quantity, unit: $0.variant.price.minorUnits)
            },
            shipping: cart.shipping.minorUnits, chosenIDs: chosen.map(\.id).sorted())
        let regularGoods = state.goods
        var afterItems: Int64?
        for promotion in ordered(chosen) {
            let covered = cart.lines.indices.filter { promotion.covers(cart.lines[$0].variant) }
            if promotion.level > .item && afterItems == nil { afterItems = state.goods }
            // Minimums: item level on the regular goods total, order and shipping level on the
            // goods total after item-level discounts. Quantities count the units in scope.
            let units = covered.reduce(Int64(0)) { $0 + cart.lines[$1].quantity }
            if let minimum = promotion.minimumQuantity, units < minimum {
                state.steps.append(.skipped(
                    promotionID: promotion.id, name: promotion.name, reason: .belowMinimumQuantity(minimum: minimum, quantity: units)))
                continue
            }
            let judged = afterItems ?? regularGoods
            if let minimum = promotion.minimumOrder, judged < minimum.minorUnits {
                state.steps.append(.skipped(
                    promotionID: promotion.id, name: promotion.name,
                    reason: .belowMinimumOrder(minimum: minimum, total: money(judged))))
                continue
            }
            let before = state.goods + state.shipping
            switch (promotion.kind, promotion.level) {
            case (.percentage, _):
                applyPercentage(promotion, lines: covered, cart: cart, to: &state)
            case (.fixedAmount, .item):
                applyAmountPerItem(promotion, lines: covered, cart: cart, to: &state)
            case (.buyXGetY, _):
                guard applyBundle(promotion, lines: covered, cart: cart, to: &state) else { continue }
            case (.fixedAmount, _):
                applyAmountPerOrder(promotion, lines: covered, cart: cart, to: &state)
            case (.freeShipping, _):
                let discount = state.shipping
                state.shipping = 0
                state.steps.append(.applied(
                    promotionID: promotion.id, name: promotion.name, effect: "free shipping", discount: money(discount),
                    runningTotal: money(0)))
            }
            state.appliedTotals.append((promotion, before - state.goods - state.shipping))
        }
        return state
    }

    private static func applyPercentage(_ promotion: Promotion, lines: [Int], cart: Cart, to state: inout Evaluation) {
        let currency = cart.shipping.currency
        let basisPoints = promotion.percentBasisPoints ?? 0
        for index in lines {
            let unit = state.lines[index].unit
            let exact = unit * basisPoints
            let off = min(unit, Money.divideRounded(exact, by: 10_000))
            state.lines[index].unit = unit - off
            state.lines[index].promotionIDs.append(promotion.id)
            let quantity = state.lines[index].quantity
            state.steps.append(.applied(
                promotionID: promotion.id, name: promotion.name,
                effect: "\(percentText(basisPoints: basisPoints)) off \(cart.lines[index].variant.label): "
                    + "\(Money(minorUnits: unit, currency: currency).formatted) → \(Money(minorUnits: unit - off, currency: currency).formatted)"
                    + (quantity > 1 ? " each" : ""),
                discount: Money(minorUnits: off * quantity, currency: currency),
                runningTotal: Money(minorUnits: state.goods, currency: currency)))
            if exact % 10_000 != 0 {
                state.steps.append(.rounded(
                    exact: exactText(exact, scale: 10_000, currency: currency), to: Money(minorUnits: off, currency: currency)))
            }
        }
    }

    private static func applyAmountPerItem(_ promotion: Promotion, lines: [Int], cart: Cart, to state: inout Evaluation) {
        let currency = cart.shipping.currency
        let amount = promotion.amount?.minorUnits ?? 0
        for index in lines {
            let unit = state.lines[index].unit
            let off = min(unit, amount)
            state.lines[index].unit = unit - off
            state.lines[index].promotionIDs.append(promotion.id)
            let quantity = state.lines[index].quantity
            state.steps.append(.applied(
                promotionID: promotion.id, name: promotion.name,
                effect: "\(Money(minorUnits: amount, currency: currency).formatted) off each \(cart.lines[index].variant.label)"
                    + (off < amount ? " (down to zero)" : ""),
                discount: Money(minorUnits: off * quantity, currency: currency),
                runningTotal: Money(minorUnits: state.goods, currency: currency)))
        }
    }

    /// The cheapest units in scope are the discounted ones: one group of `get` per complete
    /// bundle. Returns false (with a skipped step) when the cart holds no complete bundle.
    private static func applyBundle(_ promotion: Promotion, lines: [Int], cart: Cart, to state: inout Evaluation) -> Bool {
        let currency = cart.shipping.currency
        guard let rule = promotion.bundle else { return false }
        var units: [(price: Int64, line: Int)] = []
        for index in lines {
            let quantity = state.lines[index].quantity
            // A cart is small; the units are listed one by one only up to what the bundles can use.
            units += Array(repeating: (state.lines[index].unit, index), count: Int(min(quantity, 10_000)))
        }
        let groups = Int64(units.count) / rule.bundleSize
        guard groups > 0 else {
            state.steps.append(.skipped(
                promotionID: promotion.id, name: promotion.name, reason: .incompleteBundle(rule, units: Int64(units.count))))
            return false
        }
        units.sort { ($0.price, $0.line) < ($1.price, $1.line) }
        var offByLine: [Int: Int64] = [:]
        var roundedNotes: [PriceTraceStep] = []
        for unit in units.prefix(Int(groups * rule.get)) {
            let exact = unit.price * rule.percentOffBasisPoints
            let off = min(unit.price, Money.divideRounded(exact, by: 10_000))
            offByLine[unit.line, default: 0] += off
            if exact % 10_000 != 0 && roundedNotes.isEmpty {
                roundedNotes.append(.rounded(
                    exact: exactText(exact, scale: 10_000, currency: currency), to: Money(minorUnits: off, currency: currency)))
            }
        }
        for index in lines {
            guard let off = offByLine[index] else { continue }
            state.lines[index].lineDiscount += off
            state.lines[index].promotionIDs.append(promotion.id)
        }
        let total = offByLine.values.reduce(0, +)
        state.steps.append(.applied(
            promotionID: promotion.id, name: promotion.name,
            effect: "\(rule.label): \(groups * rule.get) of \(units.count) units (the cheapest)",
            discount: Money(minorUnits: total, currency: currency), runningTotal: Money(minorUnits: state.goods, currency: currency)))
        state.steps += roundedNotes
        return true
    }

    /// Off the goods in scope once, never more than they cost; spread over the lines in
    /// proportion to their totals (the minor units left by rounding down go to the first lines).
    private static func applyAmountPerOrder(_ promotion: Promotion, lines: [Int], cart: Cart, to state: inout Evaluation) {
        let currency = cart.shipping.currency
        let base = lines.reduce(Int64(0)) { $0 + state.lines[$1].total }
        let amount = min(promotion.amount?.minorUnits ?? 0, base)
        var given: Int64 = 0
        var shares: [Int: Int64] = [:]
        if base > 0 {
            for index in lines {
                let share = proportion(amount, state.lines[index].total, base)
                shares[index] = share
                given += share
            }
            for index in lines where given < amount && state.lines[index].total > shares[index]! {
                shares[index]! += 1
                given += 1
            }
        }
        for index in lines {
            state.lines[index].lineDiscount += shares[index] ?? 0
            if (shares[index] ?? 0) > 0 { state.lines[index].promotionIDs.append(promotion.id) }
        }
        let full = promotion.amount ?? .zero(currency)
        state.steps.append(.applied(
            promotionID: promotion.id, name: promotion.name,
            effect: "\(full.formatted) off the order" + (amount < full.minorUnits ? " (capped at the goods in scope)" : "")
                + (lines.count > 1 ? ", spread over \(lines.count) lines" : ""),
            discount: Money(minorUnits: amount, currency: currency), runningTotal: Money(minorUnits: state.goods, currency: currency)))
    }

    /// amount × part / whole rounded down, without overflowing for large amounts.
    private static func proportion(_ amount: Int64, _ part: Int64, _ whole: Int64) -> Int64 {
        let product = amount.multipliedFullWidth(by: part)
        return whole.dividingFullWidth(product).quotient
    }

    /// An exact value of `numerator / scale` minor units as decimal text, e.g. €2.9985.
    static func exactText(_ numerator: Int64, scale: Int64, currency: Currency) -> String {
        var extra = 0
        var rest = scale
        while rest > 1 { rest /= 10; extra += 1 }
        let digits = currency.minorDigits + extra
        var text = String(numerator.magnitude)
        while text.count <= digits { text = "0" + text }
        var whole = String(text.dropLast(digits))
        var fraction = String(text.suffix(digits))
        while fraction.count > currency.minorDigits && fraction.hasSuffix("0") { fraction.removeLast() }
        if whole.isEmpty { whole = "0" }
        return (numerator < 0 ? "-" : "") + currency.symbol + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
