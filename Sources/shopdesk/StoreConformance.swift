import Foundation
import ShopKit
import ShopStore
import ShopUI

/// The SQLite store already offers every read the console needs, in domain terms, and its
/// single write path is the only way the console changes anything.
extension ShopDatabase: ShopReading {}
extension ShopDatabase: ShopWriting {}

/// `:import` and `:export` run the very code of `shopdesk import` and `shopdesk export`.
extension ShopDatabase: ShopExchanging {
    public func importFile(
        _ kind: ImportKind, path: String, dryRun: Bool, progress: @escaping @Sendable (ImportProgress) -> Void
    ) throws -> ImportSummary {
        let url = URL(fileURLWithPath: path)
        let options = ImportOptions(dryRun: dryRun)
        switch kind {
        case .products: return try importProducts(from: url, options: options, progress: progress)
        case .inventory: return try importInventory(from: url, options: options, progress: progress)
        case .discounts: return try importDiscounts(from: url, options: options, progress: progress)
        }
    }

    public func exportFile(_ target: ExportTarget, path: String) throws -> Int {
        guard let kind = ExportKind(rawValue: target.rawValue) else { throw CocoaError(.featureUnsupported) }
        return try export(kind, to: URL(fileURLWithPath: path))
    }
}
