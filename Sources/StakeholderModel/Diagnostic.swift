/// A position in a model file: the file's path as given and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The file as the user named it (or a label such as `<built-in>`).
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column (in Unicode scalars); 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error
    case warning

    public static func < (a: Severity, b: Severity) -> Bool {
        a == .error && b == .warning
    }
}

/// One problem found in a model, located in its file, with optional notes.
///
/// Diagnostics are data, not exceptions: loaders and validators collect all of them before
/// stopping. The wording of every message lives in ``DiagnosticCode`` and the factory
/// functions in `Diagnostic+Messages.swift`.
public struct Diagnostic: Hashable, Sendable {
    /// Error or warning.
    public var severity: Severity
    /// The stable machine-readable code, printed in brackets.
    public var code: DiagnosticCode
    /// The human message.
    public var message: String
    /// Where the problem is.
    public var location: SourceLocation
    /// Extra lines printed as `note: …` (suggestions, the other occurrence, what to do).
    public var notes: [String]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String,
        at location: SourceLocation,
        notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// The compiler-style rendering: `FILE:LINE:COL: error: [code] message` and note lines.
    public var formatted: String {
        var text = "\(location.file):\(location.line):\(location.column): "
        text += "\(severity.rawValue): [\(code.rawValue)] \(message)"
        for note in notes {
            text += "\n    note: \(note)"
        }
        return text
    }
}

/// The stable codes of every diagnostic the loaders and validator produce.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    case syntax = "syntax"
    case encoding = "encoding"
    case tooLarge = "too-large"
    case tooDeep = "too-deep"
    case unsupportedFormat = "unsupported-format"
    case missingKey = "missing-key"
    case unknownKey = "unknown-key"
    case duplicateKey = "duplicate-key"
    case wrongType = "wrong-type"
    case invalidValue = "invalid-value"
    case invalidID = "invalid-id"
    case duplicateID = "duplicate-id"
    case unknownKind = "unknown-kind"
    case unknownRelation = "unknown-relation"
    case unknownNode = "unknown-node"
    case kindNotAllowed = "kind-not-allowed"
    case invalidDate = "invalid-date"
    case dateOrder = "date-order"
    case unknownSource = "unknown-source"
    case noSource = "no-source"
    case aliasClash = "alias-clash"
    case invalidURL = "invalid-url"
    case selfLoop = "self-loop"
    case cycle = "cycle"
    case tooMany = "too-many"
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by location, then severity, code and message: the order they are printed in.
    public var sortedForOutput: [Diagnostic] {
        sorted {
            ($0.location, $0.severity.rawValue, $0.code.rawValue, $0.message)
                < ($1.location, $1.severity.rawValue, $1.code.rawValue, $1.message)
        }
    }
}

/// A diagnostic can travel as the failure of a `Result`.
extension Diagnostic: Error {}
