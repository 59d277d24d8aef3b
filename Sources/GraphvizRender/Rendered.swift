/// The result of a successful render.
public struct Rendered: Sendable, Hashable {
    /// The output file's bytes: SVG, PNG, PDF, DOT or JSON, depending on the format.
    public let bytes: [UInt8]

    /// Graphviz's own non-fatal messages for this render, in the order it emitted them,
    /// each as Graphviz prints it (`Warning: using box for unknown shape hexagonn`).
    ///
    /// Graphviz sometimes reports an `Error: ...` and still produces output (for
    /// example "lost ... edge" in `dot`); such messages are listed here too, with their
    /// `Error:` prefix, because the output may be incomplete.
    public let warnings: [String]

    /// Creates a result from output bytes and Graphviz's messages.
    public init(bytes: [UInt8], warnings: [String]) {
        self.bytes = bytes
        self.warnings = warnings
    }

    /// The bytes decoded as UTF-8, for the text formats (SVG, DOT, JSON). Invalid
    /// sequences become U+FFFD, so this is not meant for PNG or PDF.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
