import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real console in a pseudo-terminal, watched from the outside: every byte it writes is
/// read on the master side with the moment it arrived, as a terminal emulator would see it.
final class PseudoTerminal {
    let process: Process
    private let master: Int32
    /// Bytes and read() calls since the last `take()`.
    private(set) var bytes = 0
    private(set) var chunks = 0
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var recent: [UInt8] = []

    init(executable: URL, arguments: [String], width: Int, height: Int, environment: [String: String]) throws {
        // posix_openpt and friends are not visible to Swift here; these are the Linux ioctls they wrap
        // (TIOCSPTLCK unlocks the slave, TIOCGPTN names it).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw BenchFailure("cannot open a pseudo-terminal")
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = name
        guard let slave = FileHandle(forUpdatingAtPath: slavePath) else { throw BenchFailure("cannot open \(slavePath)") }
        self.master = master
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close(master)
    }

    func send(_ text: String) {
        let data = Array(text.utf8)
        _ = data.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits up to `timeout` ms for output, then reads until none arrives for `quiet` ms.
    /// Returns the moment of the last byte (nil when nothing came), counting bytes and reads.
    func settle(quiet: Int, timeout: Int) -> UInt64? {
        var last: UInt64?
        var wait = Int32(timeout)
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, wait)
            if ready <= 0 { return last }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return last }
            recent = Array((recent + buffer[0..<count]).suffix(4_096))
            last = Clock.now()
            bytes += count
            chunks += 1
            wait = Int32(quiet)
        }
    }

    /// Resets the byte and read counters, returning what they held.
    func take() -> (bytes: Int, chunks: Int) {
        defer { bytes = 0; chunks = 0 }
        return (bytes, chunks)
    }

    /// Whether the console is still running.
    var isRunning: Bool { process.isRunning }

    /// The printable text of the console's last few kilobytes of output, escape sequences left out.
    var recentText: String {
        var text = ""
        var inEscape = false
        for byte in recent {
            if byte == 0x1B { inEscape = true; continue }
            if inEscape {
                // A CSI sequence ends with a letter; other escapes are one character long.
                if (0x40...0x7E).contains(byte) && byte != 0x5B { inEscape = false }
                continue
            }
            if byte >= 0x20 && byte < 0x7F { text.append(Character(UnicodeScalar(byte))) } else if byte == 0x0A { text.append(" ") }
        }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Peak resident memory of the console (VmHWM), in KiB.
    var peakResidentKiB: Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    func waitForExit(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            _ = settle(quiet: 20, timeout: 20)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

enum Clock {
    /// Monotonic nanoseconds.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
