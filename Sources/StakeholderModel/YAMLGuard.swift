import Yams

/// Checks shared by every YAML reader (models, view manifests): positions, a nesting guard
/// that runs before the recursive composer, and Yams' errors turned into located problems.
public enum YAMLGuard {
    /// The 1-based line and column just after `prefix`.
    public static func location(after prefix: String, file: String) -> SourceLocation {
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

    /// Where a document nests deeper than `limit` levels, or nil: flow brackets are counted
    /// outside quotes and comments, block nesting by indentation (spaces and dashes at the
    /// start of a line, more than four per level). Documents this deep are refused before
    /// Yams' recursive composer could exhaust the stack.
    ///
    /// - Complexity: O(n) in the text's length.
    public static func excessiveNesting(in text: String, file: String, limit: Int)
        -> SourceLocation?
    {
        var depth = 0
        var line = 1
        var column = 0
        var quote: Unicode.Scalar? = nil
        var escaped = false
        var comment = false
        var indent = 0
        var atLineStart = true
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                comment = false
                indent = 0
                atLineStart = true
                continue
            }
            if atLineStart {
                if scalar == " " || scalar == "-" {
                    indent += 1
                    if indent > limit * 4 {
                        return SourceLocation(file: file, line: line, column: column)
                    }
                    continue
                }
                atLineStart = false
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
                if depth > limit { return SourceLocation(file: file, line: line, column: column) }
            case "]", "}": depth = Swift.max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// A Yams error, located.
    public enum Problem: Sendable, Equatable {
        /// Malformed YAML or JSON, with context notes.
        case syntax(String, SourceLocation, notes: [String])
        /// A mapping repeats keys.
        case duplicateKey([String], SourceLocation)
        /// The bytes are not readable text.
        case encoding(String, SourceLocation)
    }

    /// Locates a Yams error.
    public static func problem(_ error: YamlError, file: String) -> Problem {
        func loc(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line, column: mark.column)
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var notes: [String] = []
            if let context {
                notes.append("\(context.text) at \(context.mark.line):\(context.mark.column)")
            }
            return .syntax(problem, loc(mark), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .duplicateKey(duplicates, loc(context.mark))
        case .reader(let problem, let offset, _, _):
            return .encoding(problem + (offset.map { " (byte \($0))" } ?? ""), start)
        default:
            return .syntax("\(error)", start, notes: [])
        }
    }
}
