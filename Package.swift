// swift-tools-version:6.1
import PackageDescription

// Layers, one way: ShopKit (domain) → ShopStore (SQLite) → ShopUI (state, views, no curses)
// → TerminalBackend (the only code that touches ncurses) → shopdesk (commands and wiring).
let package = Package(
    name: "shopdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shopdesk", targets: ["shopdesk"]),
        .executable(name: "shopdesk-bench", targets: ["ShopdeskBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .target(name: "ShopKit"),
        .target(
            name: "DemoShop",
            path: "sample-data",
            exclude: ["generate.py", "check.py", "README.md"],
            sources: ["DemoShopFiles.swift"],
            resources: [.copy("demo")]
        ),
        .target(
            name: "BundledThemes",
            path: "themes",
            sources: ["BundledThemes.swift"],
            resources: [
                .copy("default.toml"), .copy("light.toml"), .copy("high-contrast.toml"), .copy("monochrome.toml"),
            ]
        ),
        .target(
            name: "ShopStore",
            dependencies: [
                "ShopKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API of the same SQLite, for the one loop that steps a statement itself (MatchSet).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "ShopUI",
            dependencies: [
                "ShopKit",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Signal handlers and the wake pipe, in C: no Swift runs inside a signal handler.
        .target(name: "TerminalShim"),
        .target(name: "TerminalBackend", dependencies: ["CNcurses", "TerminalShim", "ShopUI"]),
        .executableTarget(
            name: "shopdesk",
            dependencies: [
                "ShopKit", "ShopStore", "ShopUI", "TerminalBackend", "DemoShop", "BundledThemes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures the real console in a pseudo-terminal; not part of `swift test` (see BENCHMARKS.md).
        .executableTarget(
            name: "ShopdeskBench",
            dependencies: [
                "ShopKit", "ShopStore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ShopKitTests", dependencies: ["ShopKit"]),
        .testTarget(
            name: "ShopStoreTests",
            dependencies: ["ShopStore", "ShopKit", "DemoShop", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "ShopUITests", dependencies: ["ShopUI", "ShopKit", "BundledThemes"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ShopKit"]),
    ]
)
