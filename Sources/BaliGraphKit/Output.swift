/// What a command prints and how the process should exit.
public struct CommandResult: Sendable, Equatable {
    /// Text for standard output (already newline-terminated when not empty).
    public var stdout: String
    /// Text for standard error.
    public var stderr: String
    /// 0 success, 1 data or query failure (or "differences found" for diff), 64 usage error.
    public var exitCode: Int32
    /// Binary output (a PNG or PDF sent to standard output), written after `stdout`.
    public var binaryStdout: [UInt8]

    /// Creates a result.
    public init(
        stdout: String = "", stderr: String = "", exitCode: Int32 = 0, binaryStdout: [UInt8] = []
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
        self.binaryStdout = binaryStdout
    }
}

/// The exit codes every command uses.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// The data or the query failed (or, for `diff`, differences were found).
    public static let failure: Int32 = 1
    /// The command line was wrong.
    public static let usage: Int32 = 64
}

/// Tabular output formats.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case csv
}

/// When to colour text output.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto
    case always
    case never
}

/// A failure a command reports instead of output: a message, notes that say what to do,
/// and any diagnostics from loading the data.
public struct BaliError: Error, Sendable, Equatable {
    /// The one-line message.
    public var message: String
    /// Follow-up lines printed as `note: …`.
    public var notes: [String]
    /// Located diagnostics, when the failure came from data.
    public var diagnostics: [String]
    /// The exit code (1 or 64).
    public var exitCode: Int32

    /// Creates an error.
    public init(
        _ message: String, notes: [String] = [], diagnostics: [String] = [],
        exitCode: Int32 = ExitStatus.failure
    ) {
        self.message = message
        self.notes = notes
        self.diagnostics = diagnostics
        self.exitCode = exitCode
    }

    /// A usage error (exit 64).
    public static func usage(_ message: String, notes: [String] = []) -> BaliError {
        BaliError(message, notes: notes, exitCode: ExitStatus.usage)
    }

    /// The text printed to standard error.
    public var rendered: String {
        var text = diagnostics.map { $0 + "\n" }.joined()
        text += "error: \(message)\n"
        for note in notes { text += "note: \(note)\n" }
        return text
    }

    /// As a command result.
    public var result: CommandResult { CommandResult(stderr: rendered, exitCode: exitCode) }
}

/// ANSI styling for text output, off unless colour was asked for.
public struct TextStyle: Sendable {
    /// Whether escape codes are written.
    public var enabled: Bool

    /// Creates a style.
    public init(enabled: Bool) { self.enabled = enabled }

    func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    /// Bold text.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dim text.
    public func dim(_ text: String) -> String { wrap(text, "2") }
    /// Red text (errors).
    public func red(_ text: String) -> String { wrap(text, "31") }
    /// Yellow text (warnings).
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    /// Cyan text (headings).
    public func cyan(_ text: String) -> String { wrap(text, "36") }
}
