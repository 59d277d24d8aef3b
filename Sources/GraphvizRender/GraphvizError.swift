/// Why a render failed: the stage that failed, our explanation, and Graphviz's own
/// messages.
///
/// `description` is meant to be shown to a user as is, for example:
///
/// ```
/// Graphviz parse error: the DOT text is not valid DOT
///   Error: syntax error in line 3 near '}'
/// ```
public struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step of a render that failed.
    public enum Stage: String, Sendable, CaseIterable, Hashable {
        /// The Graphviz library could not be set up (for example no plugins loaded).
        case setup
        /// The input was refused before Graphviz saw it (size, node count, NUL bytes).
        case input
        /// Graphviz could not parse the DOT text.
        case parse
        /// The layout engine failed or is not available.
        case layout
        /// Writing the output format failed or the format is not available.
        case render
    }

    /// The step that failed.
    public let stage: Stage

    /// A one-line explanation, including what to do about it where we know.
    public let summary: String

    /// Graphviz's own messages for the failed render, in emission order, each as
    /// Graphviz prints it (`Error: syntax error in line 1 near ';'`). Captured through
    /// Graphviz's error hook; nothing is written to standard error.
    public let messages: [String]

    /// Creates an error. The library creates these; the initialiser is public for tests
    /// and for callers that wrap the renderer.
    public init(stage: Stage, summary: String, messages: [String] = []) {
        self.stage = stage
        self.summary = summary
        self.messages = messages
    }

    /// The longest part of one Graphviz message that ``description`` shows.
    static let messageDisplayLimit = 400

    /// The stage, the summary and, indented below, Graphviz's messages (each cut to a
    /// few hundred characters; ``messages`` keeps them whole).
    public var description: String {
        var text = "Graphviz \(stage.rawValue) error: \(summary)"
        for message in messages {
            text += "\n  " + Self.abbreviated(message).replacingNewlines(with: "\n  ")
        }
        return text
    }

    static func abbreviated(_ message: String) -> String {
        guard message.count > messageDisplayLimit else { return message }
        let kept = message.prefix(messageDisplayLimit)
        return "\(kept)… (\(message.count - messageDisplayLimit) more characters)"
    }
}

extension String {
    fileprivate func replacingNewlines(with separator: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}
