import Foundation
import Yams

/// The outcome of loading a model: a valid model, or none, plus every diagnostic found.
public struct LoadResult: Sendable {
    /// The model, or nil when any error was found (never a half-valid model).
    public var model: Model?
    /// Every error and warning, in output order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(model: Model?, diagnostics: [Diagnostic]) {
        self.model = model
        self.diagnostics = diagnostics
    }
}

/// Limits that keep hostile model files from exhausting the machine.
public enum ModelLimits {
    /// The largest model file read, in bytes.
    public static let maxFileBytes = 64 * 1024 * 1024
    /// The deepest nesting of YAML/JSON collections accepted.
    public static let maxNesting = 64
    /// The most nodes one model may declare.
    public static let maxNodes = 2_000_000
}

/// Loads the native YAML (or JSON) model format, keeping line and column positions and
/// collecting every problem before it stops.
public enum NativeLoader {
    /// Parses and validates a model document. `file` is the name used in diagnostics.
    public static func load(text: String, file: String) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.utf8.count > ModelLimits.maxFileBytes {
            diagnostics.append(.tooLarge(bytes: text.utf8.count, at: start))
            return LoadResult(model: nil, diagnostics: diagnostics)
        }
        if let deep = nestingProblem(in: text, file: file) {
            return LoadResult(model: nil, diagnostics: [deep])
        }
        if let bad = text.unicodeScalars.firstIndex(where: { $0 == "\u{0}" }) {
            let prefix = String(text.unicodeScalars[..<bad])
            return LoadResult(
                model: nil, diagnostics: [.nulCharacter(at: position(in: prefix, file: file))])
        }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            return LoadResult(model: nil, diagnostics: [syntaxDiagnostic(error, file: file)])
        } catch {
            return LoadResult(
                model: nil, diagnostics: [.syntax("\(error)", at: start)])
        }
        guard let root else {
            return LoadResult(model: nil, diagnostics: [.emptyDocument(at: start)])
        }
        var reader = DocumentReader(file: file)
        let raw = reader.readDocument(root)
        diagnostics += reader.diagnostics
        guard let raw else {
            return LoadResult(model: nil, diagnostics: diagnostics.sortedForOutput)
        }
        var validator = ModelValidator(document: raw, file: file)
        let model = validator.validate()
        diagnostics += validator.diagnostics
        let sorted = diagnostics.sortedForOutput
        return LoadResult(model: sorted.hasErrors ? nil : model, diagnostics: sorted)
    }

    /// The 1-based line and column just after `prefix`.
    static func position(in prefix: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for scalar in prefix.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Rejects documents nested deeper than ``ModelLimits/maxNesting`` before the recursive
    /// YAML composer sees them: flow brackets are counted outside quotes, block nesting by
    /// indentation.
    static func nestingProblem(in text: String, file: String) -> Diagnostic? {
        var depth = 0
        var line = 1
        var column = 0
        var quote: UnicodeScalar? = nil
        var escaped = false
        var comment = false
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                comment = false
                if quote == "'" || quote == "\"" { continue }
                continue
            }
            if comment { continue }
            if let q = quote {
                if escaped {
                    escaped = false
                } else if scalar == "\\" && q == "\"" {
                    escaped = true
                } else if scalar == q {
                    quote = nil
                }
                continue
            }
            switch scalar {
            case "\"", "'": quote = scalar
            case "#": comment = true
            case "[", "{":
                depth += 1
                if depth > ModelLimits.maxNesting {
                    return .tooDeep(
                        limit: ModelLimits.maxNesting,
                        at: SourceLocation(file: file, line: line, column: column))
                }
            case "]", "}": depth = Swift.max(0, depth - 1)
            default: break
            }
        }
        // Block nesting: each level indents by at least one column, so a line indented
        // more than 2 × the limit is a warning sign only when dash-nesting piles up.
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var dashes = 0
            var indent = 0
            for ch in rawLine.unicodeScalars {
                if ch == " " {
                    indent += 1
                } else if ch == "-" {
                    dashes += 1
                } else {
                    break
                }
            }
            if indent / 2 + dashes > ModelLimits.maxNesting * 2 {
                return .tooDeep(
                    limit: ModelLimits.maxNesting,
                    at: SourceLocation(file: file, line: lineNumber, column: indent + 1))
            }
        }
        return nil
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        func loc(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var notes: [String] = []
            if let context {
                notes.append("\(context.text) at \(context.mark.line):\(context.mark.column)")
            }
            return .syntax(problem, at: loc(mark), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .duplicateKey(duplicates, at: loc(context.mark))
        case .reader(let problem, let offset, _, _):
            return .encodingProblem(problem, offset: offset, file: file)
        default:
            return .syntax("\(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
