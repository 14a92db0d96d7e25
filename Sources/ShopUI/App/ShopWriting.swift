import ShopKit

/// How the console changes the shop: through the store's single write path, never around it.
public protocol ShopWriting: Sendable {
    func perform(_ command: WriteCommand, reason: String) throws(WriteError) -> WriteResult
}
