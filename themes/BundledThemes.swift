import Foundation

/// The theme files of `themes/`, shipped with the executable as a package resource.
public enum BundledThemes {
    /// The text of a bundled theme, or nil when there is none by that name.
    public static func text(named name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "toml") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    public static var names: [String] { ["default", "light", "high-contrast", "monochrome"] }
}
