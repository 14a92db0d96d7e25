import Foundation

/// Latencies in milliseconds and frame sizes of one kind of step.
struct Samples {
    var latencies: [Double] = []
    var bytes: [Int] = []
    var chunks: [Int] = []
    /// Keys after which nothing was written (the screen did not change).
    var silent = 0

    func percentile(_ p: Double) -> Double? {
        guard !latencies.isEmpty else { return nil }
        let sorted = latencies.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func median(_ values: [Int]) -> Int? {
        values.isEmpty ? nil : values.sorted()[values.count / 2]
    }
}

/// Everything measured at one scale.
struct ScaleResult {
    let products: Int
    var firstPaints: [Double] = []
    var byKind: [StepKind: Samples] = [:]
    var byPane: [String: Samples] = [:]
    var peakResidentKiB: Int?
    var redrawBytes: Int?
    /// Keys slower than a frame at 60 Hz: pane, key (or filter text), milliseconds.
    var slowKeys: [(pane: String, key: String, milliseconds: Double)] = []
    var writerCommits = 0
    var writerFailures = 0
    /// How long the writer ran (the whole session at this size).
    var writerSeconds = 0.0

    var allNavigation: Samples {
        var all = Samples()
        for kind in [StepKind.move, .scroll, .page, .jump, .navigate] {
            all.latencies += byKind[kind]?.latencies ?? []
        }
        return all
    }
}

/// Drives one console session over a shop, in a pseudo-terminal of 80x24.
struct BenchSession {
    let binary: URL
    let database: String
    let quiet: Int
    let environment: [String: String]

    func start() throws -> (PseudoTerminal, UInt64) {
        let started = Clock.now()
        let terminal = try PseudoTerminal(
            executable: binary, arguments: ["--db", database], width: 80, height: 24, environment: environment)
        return (terminal, started)
    }

    /// Process start → last byte of the first settled frame (the quiet wait not counted).
    func firstPaint() throws -> Double {
        let (terminal, started) = try start()
        guard let last = terminal.settle(quiet: quiet, timeout: 10_000) else { throw BenchFailure("the console drew nothing") }
        try Self.checkRunning(terminal)
        terminal.send("q")
        terminal.waitForExit(timeout: 5)
        return Double(last - started) / 1e6
    }

    /// Presses every step, waiting for each frame to settle; returns the samples.
    func run(into result: inout ScaleResult, rounds: Int, log: (String) -> Void) throws {
        let (terminal, _) = try start()
        _ = terminal.settle(quiet: 300, timeout: 10_000)
        try Self.checkRunning(terminal)
        for (pane, key, words) in filterWords {
            press(Step(keys: key, kind: .other, label: pane), on: terminal, pane: pane, into: &result)
            _ = terminal.settle(quiet: 300, timeout: 300) // the background count
            for step in navigationSteps(rounds: rounds) + filterSteps(words: words) {
                press(step, on: terminal, pane: pane, into: &result)
            }
            log("  \(pane): \(result.byPane[pane]?.latencies.count ?? 0) keys")
        }
        // Ctrl-L: a full repaint, the one case (with resize) that should send the whole screen.
        _ = terminal.settle(quiet: 100, timeout: 100)
        _ = terminal.take()
        terminal.send(Keys.redraw)
        _ = terminal.settle(quiet: quiet, timeout: 2_000)
        result.redrawBytes = terminal.take().bytes
        result.peakResidentKiB = terminal.peakResidentKiB
        terminal.send("q")
        terminal.waitForExit(timeout: 5)
    }

    /// A console that stopped at once (a file it refuses, a wrong flag) would otherwise be
    /// measured as a very fast one.
    static func checkRunning(_ terminal: PseudoTerminal) throws {
        guard terminal.isRunning else {
            throw BenchFailure("the console exited before it was measured; it said: " + terminal.recentText)
        }
    }

    private func press(_ step: Step, on terminal: PseudoTerminal, pane: String, into result: inout ScaleResult) {
        // Let any frame the console sends on its own (another process's commit, a count) finish first.
        _ = terminal.settle(quiet: 5, timeout: 0)
        _ = terminal.take()
        let sent = Clock.now()
        terminal.send(step.keys)
        let last = terminal.settle(quiet: quiet, timeout: step.keys == Keys.escape ? 200 : 500)
        let (bytes, chunks) = terminal.take()
        var samples = result.byKind[step.kind] ?? Samples()
        var paneSamples = result.byPane[pane] ?? Samples()
        if let last {
            let milliseconds = Double(last - sent) / 1e6
            samples.latencies.append(milliseconds)
            if milliseconds > 16 && step.kind != .other { result.slowKeys.append((pane, step.label, milliseconds)) }
            samples.bytes.append(bytes)
            samples.chunks.append(chunks)
            if [.move, .scroll, .page, .jump, .navigate].contains(step.kind) { paneSamples.latencies.append(milliseconds) }
        } else {
            samples.silent += 1
        }
        result.byKind[step.kind] = samples
        result.byPane[pane] = paneSamples
    }
}
