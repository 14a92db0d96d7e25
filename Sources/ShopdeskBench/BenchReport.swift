import Foundation

/// The results as a table of figures against their targets, for the terminal and BENCHMARKS.md.
struct BenchReport {
    let results: [ScaleResult]
    let quiet: Int

    private struct Line {
        let figure: String
        let target: String
        let values: [String]
        /// Per scale: nil (no target), or met, or how far it is off.
        let verdicts: [String?]
    }

    private func ms(_ value: Double?) -> String { value.map { String(format: "%.1f ms", $0) } ?? "–" }

    /// "ok" or by how much `value` misses an upper `limit`.
    private func check(_ value: Double?, _ limit: Double, unit: String) -> String? {
        guard let value else { return nil }
        if value <= limit { return "ok" }
        return String(format: "missed by %.1f %@ (%.1f×)", value - limit, unit, value / limit)
    }

    private var lines: [Line] {
        var lines: [Line] = []
        func latency(_ figure: String, _ target: String, limit: Double?, _ value: (ScaleResult) -> Double?) {
            let values = results.map(value)
            lines.append(Line(figure: figure, target: target, values: values.map(ms),
                              verdicts: values.map { value in limit.flatMap { check(value, $0, unit: "ms") } }))
        }
        func size(_ figure: String, _ target: String, limit: Int?, _ value: (ScaleResult) -> Int?) {
            let values = results.map(value)
            lines.append(Line(figure: figure, target: target, values: values.map { $0.map(String.init) ?? "–" },
                              verdicts: values.map { value in limit.flatMap { check(value.map(Double.init), Double($0), unit: "") } }))
        }
        let baseline = results.first.flatMap { Samples.median(($0.firstPaints).map { Int($0 * 1000) }) }.map { Double($0) / 1000 }
        latency("first paint (median of 5)", "≤ 100 ms", limit: 100) { r in Samples.median(r.firstPaints.map { Int($0 * 1000) }).map { Double($0) / 1000 } }
        if let baseline, results.count > 1 {
            latency("first paint vs smallest", "≤ 1.5 × \(ms(baseline))", limit: baseline * 1.5) { r in
                Samples.median(r.firstPaints.map { Int($0 * 1000) }).map { Double($0) / 1000 }
            }
        }
        latency("key → screen p50 (navigation)", "≤ 2 ms", limit: 2) { $0.allNavigation.percentile(0.5) }
        latency("key → screen p99 (navigation)", "≤ 16 ms", limit: 16) { $0.allNavigation.percentile(0.99) }
        latency("key → screen max (navigation)", "≤ 50 ms", limit: 50) { $0.allNavigation.percentile(1) }
        latency("jumps g/G max", "≤ 20 ms", limit: 20) { $0.byKind[.jump]?.percentile(1) }
        latency("filter, 2+ characters p99", "≤ 50 ms", limit: 50) { $0.byKind[.filterMore]?.percentile(0.99) }
        latency("filter, 2+ characters max", "", limit: nil) { $0.byKind[.filterMore]?.percentile(1) }
        latency("filter, 1 character p99", "(may be deferred)", limit: nil) { $0.byKind[.filterOne]?.percentile(0.99) }
        size("bytes per cursor move (median)", "≤ 300", limit: 300) { Samples.median($0.byKind[.move]?.bytes ?? []) }
        size("bytes per one-line scroll (median)", "≤ 400", limit: 400) { Samples.median($0.byKind[.scroll]?.bytes ?? []) }
        size("bytes per page (median)", "≤ 2500", limit: 2500) { Samples.median($0.byKind[.page]?.bytes ?? []) }
        size("bytes per page (max)", "", limit: nil) { $0.byKind[.page]?.bytes.max() }
        size("reads per frame, master side (median)", "1", limit: 1) { r in
            Samples.median([StepKind.move, .scroll, .page].flatMap { r.byKind[$0]?.chunks ?? [] })
        }
        size("reads per frame, master side (max)", "", limit: nil) { r in
            [StepKind.move, .scroll, .page].flatMap { r.byKind[$0]?.chunks ?? [] }.max()
        }
        size("bytes of a full repaint (Ctrl-L)", "", limit: nil) { $0.redrawBytes }
        size("peak RSS of the console (KiB)", "≤ 65536", limit: 65_536) { $0.peakResidentKiB }
        for pane in filterWords.map(\.pane) {
            latency("\(pane): navigation p99", "≤ 16 ms", limit: 16) { $0.byPane[pane]?.percentile(0.99) }
            latency("\(pane): navigation max", "≤ 50 ms", limit: 50) { $0.byPane[pane]?.percentile(1) }
        }
        size("keys measured", "", limit: nil) { r in StepKind.allCases.filter { $0 != .other }.map { r.byKind[$0]?.latencies.count ?? 0 }.reduce(0, +) }
        size("concurrent writer: commits", "", limit: nil) { $0.writerCommits }
        // Refusals are the write path at work (a random price below the compare-at price), not errors.
        size("concurrent writer: edits refused", "", limit: nil) { $0.writerFailures }
        lines.append(Line(
            figure: "concurrent writer: commits per second", target: "10",
            values: results.map { $0.writerSeconds > 0 ? String(format: "%.1f", Double($0.writerCommits) / $0.writerSeconds) : "–" },
            verdicts: results.map { _ in nil }))
        return lines
    }

    var table: String {
        let header = ["figure", "target"] + results.map { "\($0.products) products" }
        var rows = [header]
        for line in lines {
            rows.append([line.figure, line.target] + zip(line.values, line.verdicts).map { value, verdict in
                verdict.map { $0 == "ok" ? value + " ✓" : value + " ✗ " + $0 } ?? value
            })
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    var markdown: String {
        var text = """
            # Benchmarks

            The console measured from the outside, as a terminal sees it: `shopdesk-bench` generates a shop
            (`ShopGenerator`, seed 1, cached between runs), starts the release `shopdesk` binary in a
            pseudo-terminal of 80x24 with `TERM=xterm-256color`, presses scripted keys and reads the
            screen bytes on the master side. Meanwhile a thread of the benchmark commits 10 price changes a
            second to the same file through the audited write path, so the console's change watcher
            refreshes what it shows.

            Run it with:

            ```sh
            swift build -c release && .build/release/shopdesk-bench --scales 10000,1000000 --rounds 4
            ```

            How the figures are taken:

            - **first paint**: process start → the last byte of the first frame; a frame is complete when
              no byte follows for \(quiet) ms (that quiet wait is not counted). Median of five starts.
            - **key → screen**: key written → last byte of the frame it caused, over navigation keys in
              every pane (j/k within the screen, j past its edge, PgDn/PgUp, g/G) and, separately, over
              filter-as-you-type (typing then deleting 2–12 character words and `key:value` terms).
            - **bytes**: the frame's bytes as read on the master side. **reads per frame** counts the
              read() calls that returned them — an approximation of the console's write() calls (the
              kernel may split or merge them).
            - **peak RSS**: `VmHWM` of the console process at the end of the session.

            ## Machine

            \(MachineDescription.current)

            ## Results

            | figure | target | \(results.map { "\($0.products) products" }.joined(separator: " | ")) |
            |---|---|\(results.map { _ in "---|" }.joined())

            """
        for line in lines {
            let cells = zip(line.values, line.verdicts).map { value, verdict in
                verdict.map { $0 == "ok" ? value + " ✓" : value + " ✗ " + $0 } ?? value
            }
            text += "| \(line.figure) | \(line.target) | \(cells.joined(separator: " | ")) |\n"
        }
        text += "\n" + BenchNotes.text
        return text
    }
}

enum MachineDescription {
    static var current: String {
        let info = ProcessInfo.processInfo
        var os = info.operatingSystemVersionString
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            os = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        #if compiler(>=6.3)
        let swift = "6.3"
        #elseif compiler(>=6.2)
        let swift = "6.2"
        #else
        let swift = "6.1"
        #endif
        return "\(info.activeProcessorCount) cores, \(info.physicalMemory / (1 << 30)) GiB memory, \(os), Swift \(swift), SQLite of the system"
    }
}
