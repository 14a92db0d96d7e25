import CSV
import Foundation
import ShopKit

/// Writes a CSV file with CSV.swift's writer (RFC 4180 quoting), cells typed as numbers or
/// guarded text. The rows go to a temporary file beside the target, moved in place when
/// complete, so a failed export never leaves half a file under the name asked for.
final class CSVFileWriter {
    private let target: URL
    private let temporary: URL
    private let stream: BufferedFileOutputStream
    private let writer: CSVWriter
    private var finished = false

    init(url: URL, header: [String]) throws {
        target = url
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw ExchangeFileError(file: url.lastPathComponent, line: 0, message: "cannot write \(url.path)")
        }
        stream = BufferedFileOutputStream(handle: handle)
        writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header.map { SpreadsheetCell.text($0).written })
    }

    func write(_ cells: [SpreadsheetCell]) throws {
        try writer.write(row: cells.map(\.written))
    }

    /// Ends the last record, flushes and moves the file in place.
    func finish() throws {
        finished = true
        stream.append(Array("\r\n".utf8))
        try stream.flushAndClose()
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.moveItem(at: temporary, to: target)
    }

    deinit {
        if !finished {
            try? stream.flushAndClose()
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}

/// CSV.swift writes one byte per call; this collects them and writes 64 KiB at a time.
final class BufferedFileOutputStream: OutputStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var status: Stream.Status = .notOpen
    private(set) var failed = false

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
        super.init(toMemory: ())
    }

    /// Required by OutputStream; a stream made this way writes nowhere.
    required init(toMemory: ()) {
        handle = FileHandle.nullDevice
        super.init(toMemory: ())
    }

    override func open() { status = .open }
    override var streamStatus: Stream.Status { status }
    override var hasSpaceAvailable: Bool { true }

    override func write(_ source: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        buffer.append(contentsOf: UnsafeBufferPointer(start: source, count: length))
        if buffer.count >= 1 << 16 { flush() }
        return failed ? -1 : length
    }

    func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    private func flush() {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { failed = true }
        buffer.removeAll(keepingCapacity: true)
    }

    func flushAndClose() throws {
        guard status != .closed else { return }
        flush()
        status = .closed
        try handle.close()
        if failed { throw ExchangeFileError(file: "", line: 0, message: "the disk refused the write") }
    }

    override func close() {}
}
