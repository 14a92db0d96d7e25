import ShopStore
import ShopUI

/// The SQLite store already offers every read the console needs, in domain terms, and its
/// single write path is the only way the console changes anything.
extension ShopDatabase: ShopReading {}
extension ShopDatabase: ShopWriting {}
