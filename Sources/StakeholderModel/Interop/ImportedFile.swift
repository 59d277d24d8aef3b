import Foundation

/// A diagnostic as an `Error`, for `Result`.
struct DiagnosticError: Error {
    var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}

/// Reading import files: whole-file reads with a size limit, and UTF-8 checks that say
/// where the first bad byte is.
enum ImportedFile {
    /// The bytes of a file no larger than `limit`, or a located diagnostic.
    static func read(path: String, limit: Int) -> Result<[UInt8], DiagnosticError> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(DiagnosticError(.unreadable(path, reason: "no such file")))
        }
        if isDirectory.boolValue {
            return .failure(DiagnosticError(.unreadable(path, reason: "it is a folder")))
        }
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int,
            size > limit
        {
            return .failure(DiagnosticError(.tooLarge(bytes: size, at: start)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                DiagnosticError(.unreadable(path, reason: "permission denied or I/O error")))
        }
        if data.count > limit {
            return .failure(DiagnosticError(.tooLarge(bytes: data.count, at: start)))
        }
        return .success([UInt8](data))
    }

    /// True when the bytes start with a UTF-8 byte order mark.
    static func hasBOM(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// A diagnostic for UTF-16/UTF-32 byte order marks, which are not read.
    static func utf16Problem(_ bytes: [UInt8], file: String) -> Diagnostic? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .wrongEncoding(
                "it starts with a UTF-16 byte order mark",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        return nil
    }

    /// Decodes UTF-8 (a BOM is dropped) or locates the first invalid byte by line and column.
    static func decodeUTF8(_ bytes: [UInt8], file: String) -> Result<String, DiagnosticError> {
        if let problem = utf16Problem(bytes, file: file) {
            return .failure(DiagnosticError(problem))
        }
        let body = hasBOM(bytes) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        return .failure(
            DiagnosticError(locateInvalidUTF8(body, file: file, bomOffset: hasBOM(bytes) ? 3 : 0)))
    }

    /// The position of the first invalid UTF-8 sequence in `bytes`.
    static func locateInvalidUTF8(_ bytes: ArraySlice<UInt8>, file: String, bomOffset: Int)
        -> Diagnostic
    {
        var validator = UTF8Validator()
        var line = 1
        var column = 0
        var lead: (byte: UInt8, offset: Int, column: Int) = (0, 0, 0)
        for (n, b) in zip(bytes.indices, bytes) {
            let midSequence = validator.need != 0
            if b & 0xC0 != 0x80 { column += 1 }
            if !validator.accept(b) {
                if midSequence {
                    return .invalidUTF8(
                        byte: lead.byte, offset: lead.offset + bomOffset,
                        at: SourceLocation(file: file, line: line, column: lead.column))
                }
                return .invalidUTF8(
                    byte: b, offset: n - bytes.startIndex + bomOffset,
                    at: SourceLocation(file: file, line: line, column: max(column, 1)))
            }
            if !midSequence && b >= 0x80 { lead = (b, n - bytes.startIndex, column) }
            if b == 0x0A {
                line += 1
                column = 0
            }
        }
        return .invalidUTF8(
            byte: nil, offset: bytes.count + bomOffset,
            at: SourceLocation(file: file, line: line, column: column + 1))
    }
}

/// An incremental UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF), fed one byte at a time.
struct UTF8Validator {
    /// Continuation bytes still expected.
    var need: UInt8 = 0
    /// The allowed range of the next continuation byte.
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF

    /// True when the sequence so far is still valid.
    @inline(__always)
    mutating func accept(_ b: UInt8) -> Bool {
        if need == 0 {
            if b < 0x80 { return true }
            switch b {
            case 0xC2...0xDF:
                need = 1
                low = 0x80
                high = 0xBF
            case 0xE0:
                need = 2
                low = 0xA0
                high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF:
                need = 2
                low = 0x80
                high = 0xBF
            case 0xED:
                need = 2
                low = 0x80
                high = 0x9F
            case 0xF0:
                need = 3
                low = 0x90
                high = 0xBF
            case 0xF1...0xF3:
                need = 3
                low = 0x80
                high = 0xBF
            case 0xF4:
                need = 3
                low = 0x80
                high = 0x8F
            default:
                return false
            }
            return true
        }
        guard b >= low && b <= high else { return false }
        need -= 1
        low = 0x80
        high = 0xBF
        return true
    }

    /// True when no multi-byte sequence is left unfinished.
    var isComplete: Bool { need == 0 }
}

/// Text files read with the loaders' rules (size limit, BOM dropped, the first invalid
/// UTF-8 byte located): view manifests, models at git revisions.
public enum TextInput {
    /// The text of a file, or a located diagnostic.
    public static func read(path: String, limit: Int = ModelLimits.maxFileBytes) -> Result<
        String, Diagnostic
    > {
        switch ImportedFile.read(path: path, limit: limit) {
        case .failure(let e): return .failure(e.diagnostic)
        case .success(let bytes): return decode(bytes, file: path)
        }
    }

    /// Bytes decoded as UTF-8 text, or a located diagnostic.
    public static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        ImportedFile.decodeUTF8(bytes, file: file).mapError(\.diagnostic)
    }
}
