import Foundation
import XCTest

/// Drives the real `shopdesk` binary inside tmux, the way a person at a terminal uses it:
/// keys go in with send-keys, the screen comes out with capture-pane. Each session has its own
/// tmux server socket, so tests never touch a person's tmux.
final class TmuxSession {
    let socket: String
    let workDirectory: URL

    init(width: Int = 80, height: Int = 24, command: String, environment: [String: String] = [:]) throws {
        socket = "shopdesk-e2e-\(UUID().uuidString.prefix(8))"
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        var exports = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        exports.merge(environment) { _, new in new }
        let prefix = exports.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        // After the console exits, the shell reports its exit code and whether the terminal modes
        // are what they were before it started, then waits.
        let script = "cd \(Self.quote(workDirectory.path)); before=$(stty -g); env \(prefix) \(command); code=$?; "
            + "after=$(stty -g); if [ \"$before\" = \"$after\" ]; then tty=same; else tty=changed; fi; "
            + "echo \"EXIT=$code TTY=$tty\"; sleep 600"
        // The tmux server outlives this call and would hold a captured stdout open forever.
        try Self.run("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height), "-s", "e2e",
                       "sh", "-c", script], capture: false)
    }

    deinit {
        _ = try? Self.tmux(["-L", socket, "kill-server"])
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// Types keys: tmux key names (`Enter`, `Escape`, `C-c`, `Tab`, `BTab`) or literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", "e2e"] + (literal ? ["-l"] : []) + keys)
    }

    func screen() throws -> String {
        try Self.tmux(["-L", socket, "capture-pane", "-p", "-t", "e2e"])
    }

    /// Waits until the screen satisfies `condition`, failing with the last screen after `timeout`.
    @discardableResult
    func waitFor(
        _ description: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for \(description); the screen was:\n\(last)", file: file, line: line)
        throw TmuxError.timeout(description)
    }

    func waitFor(text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor("“\(text)”", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// The process id of the program running in the pane's shell (its only child).
    func consolePID() throws -> Int32? {
        let shell = try Self.tmux(["-L", socket, "display-message", "-p", "-t", "e2e", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let output = try Self.run("/usr/bin/env", ["pgrep", "-P", shell])
        return output.split(separator: "\n").first.flatMap { Int32($0) }
    }

    enum TmuxError: Error { case timeout(String), failed(String) }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        try run("/usr/bin/env", ["tmux"] + arguments)
    }

    /// Runs a program and returns its standard output. Uses posix_spawn and waitpid directly:
    /// the tmux server a client starts inherits nothing from us, and we reap the client ourselves.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], capture: Bool = true) throws -> String {
        var fds: [Int32] = [-1, -1]
        if capture { guard pipe(&fds) == 0 else { throw TmuxError.failed("pipe") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        if capture { close(fds[1]) }
        guard status == 0 else {
            if capture { close(fds[0]) }
            throw TmuxError.failed("cannot start \(executable): \(status)")
        }
        var output = Data()
        if capture {
            // A tmux server started by this client may keep the pipe open; stop at the client's exit.
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let flags = fcntl(fds[0], F_GETFL)
            _ = fcntl(fds[0], F_SETFL, flags | O_NONBLOCK)
            var exited = false
            var code: Int32 = 0
            while true {
                let count = read(fds[0], &buffer, buffer.count)
                if count > 0 { output.append(buffer, count: count); continue }
                if count == 0 { break }
                if exited { break }
                if waitpid(pid, &code, WNOHANG) == pid { exited = true; continue }
                usleep(2_000)
            }
            close(fds[0])
            if !exited { waitpid(pid, &code, 0) }
        } else {
            var code: Int32 = 0
            waitpid(pid, &code, 0)
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Where the built `shopdesk` executable is: next to the test bundle in the build folder.
enum Binary {
    static var shopdesk: String {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle(for: TmuxSession.self).bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ].compactMap { $0?.appendingPathComponent("shopdesk").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// Runs shopdesk to completion (for `init`), returning its exit status and output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shopdesk)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
