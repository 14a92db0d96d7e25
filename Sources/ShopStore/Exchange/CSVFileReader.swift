import CSV
import Foundation
import ShopKit

/// Why a file could not be read as CSV at all (a bad row is a reject; this is not).
public struct ExchangeFileError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Reads a CSV file record by record without loading it: CSV.swift parses from a stream over
/// the file, a UTF-8 BOM is skipped, CRLF and LF both end a record, and quoted cells may span
/// lines. Tracks the line each record starts on and the bytes consumed, for rejects and progress.
final class CSVFileReader {
    let header: [String]
    let totalBytes: Int64
    private let reader: CSVReader
    private let stream: CountingInputStream
    private let name: String
    private var nextLine: Int

    init(url: URL) throws {
        name = url.lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ExchangeFileError(file: name, line: 0, message: "cannot read \(url.path)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        totalBytes = size
        stream = CountingInputStream(handle: handle)
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw ExchangeFileError(file: name, line: 1, message: "\(error)")
        }
        guard let header = reader.headerRow, !header.isEmpty else {
            throw ExchangeFileError(file: name, line: 1, message: "the file is empty; a header row is expected")
        }
        self.header = header
        nextLine = 1 + Self.lineBreaks(in: header) + 1
    }

    var bytesRead: Int64 { stream.bytesRead }

    /// The next record, or nil at the end of the file.
    func next() throws -> SourceRow? {
        guard let cells = reader.next() else {
            if let error = reader.error {
                throw ExchangeFileError(file: name, line: nextLine, message: "the file is not valid CSV here (\(error))")
            }
            return nil
        }
        let row = SourceRow(line: nextLine, cells: cells)
        nextLine += 1 + Self.lineBreaks(in: cells)
        return row
    }

    /// Line breaks inside quoted cells: CRLF and LF count once, a lone CR once.
    static func lineBreaks(in cells: [String]) -> Int {
        var count = 0
        for cell in cells {
            var previousCR = false
            for scalar in cell.unicodeScalars {
                if scalar == "\n" { if !previousCR { count += 1 } } else if scalar == "\r" { count += 1 }
                previousCR = scalar == "\r"
            }
        }
        return count
    }
}

/// An input stream over a file handle that counts the bytes handed out, so progress can say
/// how far through the file the parser is.
final class CountingInputStream: InputStream {
    private let handle: FileHandle
    private(set) var bytesRead: Int64 = 0
    private var status: Stream.Status = .notOpen
    private var buffer = Data()
    private var offset = 0

    init(handle: FileHandle) {
        self.handle = handle
        super.init(data: Data())
    }

    override func open() { status = .open }

    override func close() {
        status = .closed
        try? handle.close()
    }

    override var streamStatus: Stream.Status { status }

    override var hasBytesAvailable: Bool {
        refill()
        return offset < buffer.count
    }

    override func read(_ destination: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        refill()
        let count = min(length, buffer.count - offset)
        guard count > 0 else {
            status = .atEnd
            return 0
        }
        buffer.withUnsafeBytes { raw in
            let source = raw.bindMemory(to: UInt8.self).baseAddress! + offset
            destination.update(from: source, count: count)
        }
        offset += count
        bytesRead += Int64(count)
        return count
    }

    private func refill() {
        guard offset >= buffer.count, status == .open else { return }
        buffer = handle.readData(ofLength: 1 << 16)
        offset = 0
        if buffer.isEmpty { status = .atEnd }
    }

    override func getBuffer(
        _ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>
    ) -> Bool { false }
}
