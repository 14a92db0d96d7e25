import ShopStore
import ShopUI

/// The SQLite store already offers every read the console needs, in domain terms.
extension ShopDatabase: ShopReading {}
