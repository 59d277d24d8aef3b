/// An output format that ``Graphviz/render(dot:engine:format:limits:)`` can produce.
///
/// The raw value is the usual name of the format (as in `dot -T<name>`).
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    /// Scalable Vector Graphics from Graphviz's core renderer, post-processed to be
    /// byte-stable: no version comment, gradient ids numbered from zero in every render.
    case svg
    /// A PNG bitmap rendered with cairo (96 dpi unless the graph sets `dpi`).
    case png
    /// A PDF document rendered with cairo. The creation date cairo embeds is set to
    /// 1970-01-01, so the bytes are stable too.
    case pdf
    /// The input graph written back as DOT with the computed layout attributes (`pos`,
    /// `bb`, `width`, `height`, ...), i.e. Graphviz's own "dot" output.
    case dot
    /// The graph and its layout as JSON (Graphviz's "json" output, with drawing
    /// operations).
    case json

    /// The usual file name extension for this format, without the dot.
    public var fileExtension: String {
        switch self {
        case .svg: "svg"
        case .png: "png"
        case .pdf: "pdf"
        case .dot: "gv"
        case .json: "json"
        }
    }

    /// Whether the output is UTF-8 text (SVG, DOT, JSON) rather than binary (PNG, PDF).
    public var isText: Bool {
        switch self {
        case .svg, .dot, .json: true
        case .png, .pdf: false
        }
    }

    /// The format string handed to `gvRenderData`: `device:renderer` where the choice
    /// matters. `svg:svg:core` pins the core SVG renderer (cairo's SVG differs).
    var graphvizName: String {
        switch self {
        case .svg: "svg:svg:core"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .dot: "dot"
        case .json: "json"
        }
    }
}
