import Foundation

/// A streaming RFC 4180 CSV reader over raw bytes.
///
/// Hand-written rather than built on `String` splitting or a general CSV library, for two
/// reasons: every field must know its exact line and column for diagnostics (a quoted field
/// may span lines, so neither is the row number), and the million-edge import path must not
/// create a `String` per cell. The reader fills a 1 MiB buffer from the file descriptor,
/// scans it once, and exposes each row as byte ranges in a reused buffer; callers turn only
/// the cells they need into strings (or intern them as bytes, see ``EdgeListTable``).
///
/// Accepted: LF, CRLF and lone CR line ends; quoted fields with embedded commas, quotes
/// (`""`) and line breaks; a UTF-8 BOM; a last row without a line end. Blank lines are
/// skipped (but still counted as rows). A quote inside an unquoted field is kept literally.
/// Errors (invalid UTF-8, a NUL byte, text after a closing quote, an unclosed quote) stop
/// reading with a located diagnostic in ``failure``.
///
/// Rows are numbered as a spreadsheet shows them: the header is row 1, blank lines count.
/// Locations are physical: the line a field starts on and its 1-based column in Unicode
/// scalars.
final class CSVReader {
    struct Field {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
        var quoted: Bool
    }

    let file: String
    private let fd: Int32
    private let capacity = 1 << 20
    private let buffer: UnsafeMutablePointer<UInt8>
    private var atEOF = false
    private var started = false

    /// The current row's field bytes (unquoted, `""` undone), back to back.
    private(set) var bytes: [UInt8] = []
    /// The current row's fields.
    private(set) var fields: [Field] = []
    /// The current row's number (header = 1; blank lines count).
    private(set) var rowNumber = 0
    /// Where the current row starts.
    private(set) var rowLine = 1
    /// The position just after the current row's last character.
    private(set) var endLine = 1
    private(set) var endColumn = 1
    /// The error that stopped reading, if any.
    private(set) var failure: Diagnostic?

    /// Bytes of the file still to read when the reader covers only part of it.
    private var remaining: Int?

    /// Opens a file for reading the bytes in `range` only (as if the file held just those):
    /// for reading the two halves of a large file at once. Lines count from 1 at
    /// `range.lowerBound`; a byte-order mark is looked for only at offset 0.
    convenience init?(path: String, failure: inout Diagnostic?, range: Range<Int>) {
        self.init(path: path, failure: &failure)
        guard lseek(fd, off_t(range.lowerBound), SEEK_SET) == off_t(range.lowerBound) else {
            failure = .unreadable(path, reason: String(cString: strerror(errno)))
            return nil
        }
        remaining = range.count
        started = range.lowerBound > 0
    }

    /// Opens a file; nil and a diagnostic when it cannot be read.
    init?(path: String, failure: inout Diagnostic?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            failure = .unreadable(path, reason: "no such file")
            return nil
        }
        guard !isDirectory.boolValue else {
            failure = .unreadable(path, reason: "it is a folder")
            return nil
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            failure = .unreadable(path, reason: String(cString: strerror(errno)))
            return nil
        }
        file = path
        fd = descriptor
        buffer = .allocate(capacity: capacity)
        bytes.reserveCapacity(256)
        fields.reserveCapacity(16)
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// The location of field `i` of the current row.
    func location(_ i: Int) -> SourceLocation {
        SourceLocation(file: file, line: fields[i].line, column: fields[i].column)
    }

    /// The location of the start of the current row.
    var rowLocation: SourceLocation { SourceLocation(file: file, line: rowLine, column: 1) }

    /// The location just after the current row's last character.
    var endLocation: SourceLocation { SourceLocation(file: file, line: endLine, column: endColumn) }

    /// Field `i` as a string (the bytes are valid UTF-8: the reader checked them).
    func string(_ i: Int) -> String {
        let f = fields[i]
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[f.start..<f.end]), as: UTF8.self)
        }
    }

    /// Field `i` without surrounding spaces and tabs, as a string.
    func trimmed(_ i: Int) -> String {
        withTrimmedField(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when field `i` is empty or only spaces and tabs.
    func isBlank(_ i: Int) -> Bool { withTrimmedField(i) { $0.isEmpty } }

    /// Calls `body` with the bytes of field `i`, spaces and tabs at both ends dropped.
    @inline(__always)
    func withTrimmedField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let f = fields[i]
        return bytes.withUnsafeBufferPointer { all in body(Self.trimmed(f, in: all)) }
    }

    /// The bytes of `field` in `all`, spaces and tabs at both ends dropped.
    @inline(__always)
    private static func trimmed(_ field: Field, in all: UnsafeBufferPointer<UInt8>)
        -> UnsafeBufferPointer<UInt8>
    {
        var s = field.start
        var e = field.end
        while s < e, all[s] == 0x20 || all[s] == 0x09 { s += 1 }
        while e > s, all[e - 1] == 0x20 || all[e - 1] == 0x09 { e -= 1 }
        return UnsafeBufferPointer(rebasing: all[s..<e])
    }

    /// Calls `body` with the bytes of fields `i` and `j`, each trimmed as by
    /// ``withTrimmedField(_:_:)``.
    @inline(__always)
    func withTrimmedFields<R>(
        _ i: Int, _ j: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        let fi = fields[i]
        let fj = fields[j]
        return bytes.withUnsafeBufferPointer { all in
            body(Self.trimmed(fi, in: all), Self.trimmed(fj, in: all))
        }
    }

    private func refill(_ c: inout Cursor) {
        c.count = 0
        c.pos = 0
        while true {
            let want = remaining.map { Swift.min($0, capacity) } ?? capacity
            let n = want == 0 ? 0 : read(fd, buffer, want)
            if n < 0 && errno == EINTR { continue }
            if n > 0, let left = remaining { remaining = left - n }
            if n <= 0 {
                atEOF = true
                if n < 0 {
                    failure = .unreadable(file, reason: String(cString: strerror(errno)))
                }
                return
            }
            c.count = n
            break
        }
        if !started {
            started = true
            if c.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                c.pos = 3
                c.offset = 3
            } else if c.count >= 2,
                (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)
            {
                failure = .wrongEncoding(
                    "it starts with a UTF-16 byte order mark",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
        }
    }

    private enum State {
        case fieldStart
        case unquoted
        case quoted
        case afterQuote
    }

    /// Reads the next non-blank row; false at the end of the file or after an error.
    func next() -> Bool {
        guard failure == nil else { return false }
        while true {
            switch readRow() {
            case .row: return true
            case .blank: continue
            case .end: return false
            }
        }
    }

    private enum Outcome {
        case row
        case blank
        case end
    }

    /// The reader's position, copied into a local for the scanning loop (class properties
    /// would cost an exclusivity check per byte).
    private struct Cursor {
        var pos = 0
        var count = 0
        var line = 1
        var column = 0
        var lastWasCR = false
        var skipLF = false
        var offset = 0
        var utf8 = UTF8Validator()
        var sequenceLead: UInt8 = 0
        var sequenceOffset = 0
    }

    private var cursor = Cursor()

    private func readRow() -> Outcome {
        var c = cursor
        var rowBytes: [UInt8] = []
        var rowFields: [Field] = []
        swap(&rowBytes, &bytes)
        swap(&rowFields, &fields)
        rowBytes.removeAll(keepingCapacity: true)
        rowFields.removeAll(keepingCapacity: true)
        defer {
            cursor = c
            swap(&rowBytes, &bytes)
            swap(&rowFields, &fields)
        }
        let buffer = self.buffer
        var state = State.fieldStart
        var fieldStart = 0
        var fieldLine = c.line
        var fieldColumn = c.column + 1
        var quoted = false
        var quoteLine = 0
        var quoteColumn = 0
        var rowHasContent = false
        // A run of literal bytes in the buffer not yet copied into the row's bytes.
        var runStart = -1
        rowLine = c.line

        func endField() {
            rowFields.append(
                Field(
                    start: fieldStart, end: rowBytes.count, line: fieldLine, column: fieldColumn,
                    quoted: quoted))
        }
        func flushRun(to end: Int) {
            if runStart >= 0 {
                rowBytes.append(
                    contentsOf: UnsafeBufferPointer(start: buffer + runStart, count: end - runStart)
                )
                runStart = -1
            }
        }

        while true {
            if c.pos == c.count {
                let inRun = runStart >= 0
                flushRun(to: c.pos)
                refill(&c)
                if failure != nil { return .end }
                if atEOF {
                    if !c.utf8.isComplete {
                        failure = .invalidUTF8(
                            byte: nil, offset: c.offset,
                            at: SourceLocation(file: file, line: c.line, column: c.column + 1))
                        return .end
                    }
                    if state == .quoted {
                        failure = .csvUnclosedQuote(
                            at: SourceLocation(file: file, line: quoteLine, column: quoteColumn))
                        return .end
                    }
                    if !rowHasContent && rowFields.isEmpty { return .end }
                    endField()
                    rowNumber += 1
                    endLine = c.line
                    endColumn = c.column + 1
                    return .row
                }
                if inRun { runStart = c.pos }
            }
            // Fast path inside an unquoted field: printable ASCII other than the comma is
            // copied as it is, so skip over the whole run at once.
            if state == .unquoted, !c.skipLF, c.utf8.need == 0 {
                var p = c.pos
                while p < c.count {
                    let b = buffer[p]
                    guard b >= 0x20, b < 0x80, b != 0x2C else { break }
                    p += 1
                }
                if p > c.pos {
                    let n = p - c.pos
                    c.column += n
                    c.offset += n
                    c.lastWasCR = false
                    c.pos = p
                    continue
                }
            }
            let b = buffer[c.pos]
            if c.skipLF {
                c.skipLF = false
                if b == 0x0A {
                    c.pos += 1
                    c.offset += 1
                    c.lastWasCR = false
                    if runStart >= 0 { runStart = c.pos }
                    continue
                }
            }
            if b >= 0x80 || c.utf8.need != 0 {
                let midSequence = c.utf8.need != 0
                if !c.utf8.accept(b) {
                    failure =
                        midSequence
                        ? .invalidUTF8(
                            byte: c.sequenceLead, offset: c.sequenceOffset,
                            at: SourceLocation(file: file, line: c.line, column: c.column))
                        : .invalidUTF8(
                            byte: b, offset: c.offset,
                            at: SourceLocation(file: file, line: c.line, column: c.column + 1))
                    return .end
                }
                if !midSequence {
                    c.sequenceLead = b
                    c.sequenceOffset = c.offset
                }
            } else if b == 0 {
                failure = .nulCharacter(
                    at: SourceLocation(file: file, line: c.line, column: c.column + 1))
                return .end
            }
            if b & 0xC0 != 0x80 { c.column += 1 }
            let crlf = b == 0x0A && c.lastWasCR
            c.lastWasCR = b == 0x0D
            let here = c.pos
            c.pos += 1
            c.offset += 1

            switch state {
            case .fieldStart, .unquoted:
                if b == 0x2C {  // ,
                    flushRun(to: here)
                    endField()
                    rowHasContent = true
                    state = .fieldStart
                    fieldStart = rowBytes.count
                    fieldLine = c.line
                    fieldColumn = c.column + 1
                    quoted = false
                } else if b == 0x0A || b == 0x0D {
                    flushRun(to: here)
                    endLine = c.line
                    endColumn = c.column
                    Self.newline(&c, crlf)
                    endField()
                    rowNumber += 1
                    if b == 0x0D { c.skipLF = true }
                    let blank =
                        rowFields.count == 1 && rowFields[0].end == rowFields[0].start
                        && !rowFields[0].quoted
                    return blank ? .blank : .row
                } else if b == 0x22 && state == .fieldStart {  // "
                    state = .quoted
                    quoted = true
                    quoteLine = c.line
                    quoteColumn = c.column
                    rowHasContent = true
                } else {
                    if runStart < 0 { runStart = here }
                    state = .unquoted
                    rowHasContent = true
                }
            case .quoted:
                if b == 0x22 {
                    flushRun(to: here)
                    state = .afterQuote
                } else {
                    if runStart < 0 { runStart = here }
                    if b == 0x0A || b == 0x0D { Self.newline(&c, crlf) }
                }
            case .afterQuote:
                if b == 0x22 {  // "" inside quotes
                    rowBytes.append(0x22)
                    state = .quoted
                } else if b == 0x2C {
                    endField()
                    state = .fieldStart
                    fieldStart = rowBytes.count
                    fieldLine = c.line
                    fieldColumn = c.column + 1
                    quoted = false
                } else if b == 0x0A || b == 0x0D {
                    endLine = c.line
                    endColumn = c.column
                    Self.newline(&c, crlf)
                    endField()
                    rowNumber += 1
                    if b == 0x0D { c.skipLF = true }
                    return .row
                } else {
                    failure = .csvAfterQuote(
                        at: SourceLocation(file: file, line: c.line, column: c.column))
                    return .end
                }
            }
        }
    }

    /// Moves to the next line; the LF of a CRLF pair does not count again.
    @inline(__always)
    private static func newline(_ c: inout Cursor, _ crlf: Bool) {
        if !crlf { c.line += 1 }
        c.column = 0
    }
}
