import ArgumentParser
import Foundation
import ShopStore

/// Measures the real console from the outside at several shop sizes. See BENCHMARKS.md.
struct ShopdeskBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopdesk-bench",
        abstract: "Measure first paint, key → screen, bytes per frame and memory of the shopdesk console.")

    @Option(help: "Shop sizes in products, comma-separated.")
    var scales = "10000,1000000"

    @Option(help: "Navigation rounds per pane (78 keys each).")
    var rounds = 6

    @Option(help: "Milliseconds without output after which a frame counts as complete.")
    var quiet = 30

    @Option(help: "Where generated shops are kept between runs (default: $TMPDIR/shopdesk-bench).")
    var cache: String?

    @Option(help: "The shopdesk binary (default: next to this one).")
    var binary: String?

    @Option(help: "Write the results here (Markdown).")
    var output = "BENCHMARKS.md"

    func run() throws {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let shopdesk = binary.map { URL(fileURLWithPath: $0) } ?? here.appendingPathComponent("shopdesk")
        guard FileManager.default.isExecutableFile(atPath: shopdesk.path) else {
            throw BenchFailure("no shopdesk binary at \(shopdesk.path); build it first: swift build -c release")
        }
        let folder = cache ?? (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/shopdesk-bench"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = folder + "/config"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["XDG_CONFIG_HOME"] = config
        for key in ["NO_COLOR", "LINES", "COLUMNS", "SHOPDESK_DB", "VISUAL", "EDITOR"] { environment[key] = nil }

        var results: [ScaleResult] = []
        for products in scales.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            let path = folder + "/shop-\(products)-g\(GeneratorPlan.version).db"
            if !FileManager.default.fileExists(atPath: path) {
                log("generating \(products) products into \(path)")
                let started = Date()
                let temporary = path + ".creating"
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
                try ShopGenerator.generate(path: temporary, plan: GeneratorPlan(products: products, seed: 1)) { log("  " + $0) }
                try FileManager.default.moveItem(atPath: temporary, toPath: path)
                log(String(format: "generated in %.1f s", Date().timeIntervalSince(started)))
            }
            var result = ScaleResult(products: products)
            let writer = ConcurrentWriter(path: path, variants: Int64(products) * 3)
            writer.start()
            let writerStarted = Date()
            let session = BenchSession(binary: shopdesk, database: path, quiet: quiet, environment: environment)
            log("\(products) products: first paint")
            for _ in 0..<5 { result.firstPaints.append(try session.firstPaint()) }
            log("\(products) products: keys")
            try session.run(into: &result, rounds: rounds, log: log)
            writer.stop()
            result.writerSeconds = Date().timeIntervalSince(writerStarted)
            result.writerCommits = writer.commits
            result.writerFailures = writer.failures
            if let failure = writer.firstFailure { log("  the writer's first failed edit: \(failure)") }
            for slow in result.slowKeys.sorted(by: { $0.milliseconds > $1.milliseconds }).prefix(25) {
                log(String(format: "  slow: %@ %@ %.1f ms", slow.pane, slow.key, slow.milliseconds))
            }
            results.append(result)
        }
        let report = BenchReport(results: results, quiet: quiet)
        print(report.table)
        try report.markdown.write(toFile: output, atomically: true, encoding: .utf8)
        log("written to \(output)")
    }
}

func log(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

ShopdeskBench.main()
