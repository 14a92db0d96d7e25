import Foundation

/// The demo shop's CSV files, shipped with the executable as a package resource so that
/// `shopdesk init --demo` works from any working directory.
public enum DemoShopFiles {
    public static var directory: URL {
        Bundle.module.url(forResource: "demo", withExtension: nil)!
    }
}
