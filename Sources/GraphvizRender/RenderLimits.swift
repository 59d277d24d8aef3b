/// Size limits checked before Graphviz lays a graph out.
///
/// Layout time grows faster than linearly with the graph and Graphviz has no way to
/// cancel a layout, so a render refuses graphs above these limits with an ``GraphvizError/Stage/input``
/// error instead of running for minutes.
public struct RenderLimits: Sendable, Hashable {
    /// The largest DOT text any render accepts, in UTF-8 bytes (4 MiB).
    ///
    /// Graphviz 2.42 crashes on diagnostics longer than its message buffer, and a
    /// diagnostic can quote a name from the input; the renderer grows that buffer to
    /// twice this size once per process, so no message can overflow it.
    public static let maximumInputBytes = 4 * 1024 * 1024

    /// The largest DOT text accepted, in UTF-8 bytes, at most ``maximumInputBytes``.
    public var inputBytes: Int

    /// The largest number of nodes accepted.
    public var nodes: Int

    /// The largest number of edges accepted.
    public var edges: Int

    /// Creates limits; `inputBytes` is clamped to ``maximumInputBytes``.
    public init(
        inputBytes: Int = RenderLimits.maximumInputBytes, nodes: Int = 5_000, edges: Int = 20_000
    ) {
        self.inputBytes = min(max(inputBytes, 0), Self.maximumInputBytes)
        self.nodes = max(nodes, 0)
        self.edges = max(edges, 0)
    }
}
