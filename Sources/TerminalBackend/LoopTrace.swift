import Foundation

/// An opt-in record of where the main loop spends its time, for finding the rare slow frame
/// that a benchmark reports but cannot explain: one line per step that took longer than a
/// threshold (key handling, a background result, drawing), with what it was. Off unless
/// `SHOPDESK_TRACE` names a file; never on the screen.
public final class LoopTrace {
    private let handle: FileHandle
    private let thresholdMs: Double

    /// Nil unless the environment asks for a trace and the file can be written.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["SHOPDESK_TRACE"], !path.isEmpty else { return nil }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
        self.thresholdMs = Double(environment["SHOPDESK_TRACE_MS"] ?? "") ?? 5
    }

    /// Runs `step` and writes a line when it took longer than the threshold.
    @discardableResult
    public func measure<T>(_ label: @autoclosure () -> String, _ step: () throws -> T) rethrows -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        let result = try step()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        if elapsed >= thresholdMs {
            let line = String(format: "%.3f %8.1f ms  %@\n", Date().timeIntervalSince1970, elapsed, label())
            handle.write(Data(line.utf8))
        }
        return result
    }
}

extension Optional where Wrapped == LoopTrace {
    /// Runs `step`, measured when there is a trace.
    func measure<T>(_ label: @autoclosure () -> String, _ step: () throws -> T) rethrows -> T {
        switch self {
        case .some(let trace): try trace.measure(label(), step)
        case .none: try step()
        }
    }
}
