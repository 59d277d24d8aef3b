/// The attributes the DOT writer may emit: a fixed allow-list, so that nothing that reads
/// files (`image`, `shapefile`, `fontpath`), crashes Graphviz 2.42 (`concentrate`) or runs
/// slowly without bound can reach the renderer.
enum DOTAttribute: String, CaseIterable, Sendable {
    case arrowhead, arrowsize, arrowtail, bgcolor, color, dir, fillcolor, fixedsize, fontcolor
    case fontname, fontsize, height, id, label, labeljust, labelloc, margin, mindist, newrank
    case nodesep, outputorder, overlap, pad, penwidth, peripheries, rank, rankdir, ranksep
    case root, shape, splines, style, tooltip, width, xlabel
    case cssClass = "class"
    case url = "URL"
}

/// An attribute value: quoted text, or an HTML-like label built by ``HTML``.
enum DOTValue: Sendable {
    case text(String)
    case html(HTML)

    /// The value as DOT source.
    var source: String {
        switch self {
        case .text(let text): return DOTText.quoted(text)
        case .html(let html): return "<" + html.markup + ">"
        }
    }
}

/// Markup for an HTML-like label. Text only enters it through ``text(_:)``, which escapes it,
/// so that a name can never close the label or add elements.
struct HTML: Sendable, Hashable {
    private(set) var markup: String

    private init(markup: String) { self.markup = markup }

    /// Escaped text; newlines become `<BR/>`.
    static func text(_ text: String) -> HTML {
        var out = ""
        for scalar in DOTText.displayable(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<BR/>"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return HTML(markup: out)
    }

    /// An element with attributes (values escaped) around content.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ content: HTML)
        -> HTML
    {
        HTML(markup: open(name, attributes) + content.markup + "</\(name)>")
    }

    /// An element with attributes (values escaped) and no content.
    static func empty(_ name: String, _ attributes: [(String, String)] = []) -> HTML {
        HTML(markup: open(name, attributes) + "</\(name)>")
    }

    /// A line break.
    static let lineBreak = HTML(markup: "<BR/>")

    /// Nothing.
    static let none = HTML(markup: "")

    private static func open(_ name: String, _ attributes: [(String, String)]) -> String {
        var out = "<" + name
        for (key, value) in attributes {
            out += " \(key)=\"" + text(value).markup + "\""
        }
        return out + ">"
    }

    /// Fragments one after another.
    static func + (a: HTML, b: HTML) -> HTML { HTML(markup: a.markup + b.markup) }

    /// Fragments joined.
    static func join(_ parts: [HTML], separator: HTML = .none) -> HTML {
        var out = HTML.none
        for (i, part) in parts.enumerated() {
            if i > 0 { out = out + separator }
            out = out + part
        }
        return out
    }
}

/// Text rules for DOT source.
enum DOTText {
    /// The text made safe to display: line breaks normalised to `\n`, tabs to spaces; other
    /// control characters, the byte-order mark, and bidirectional marks, embeddings,
    /// overrides and isolates (U+202E would make a name read backwards) removed.
    static func displayable(_ text: String) -> String {
        // Fast path: printable ASCII (most ids, names and attribute values) is already safe.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: out.append("\n")
            case 0x0A: if !previousCR { out.append("\n") }
            case 0x09: out.append(" ")
            case 0x2028, 0x2029: out.append("\n")
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// A quoted DOT string: `\` and `"` escaped, newlines as `\n`, unsafe characters removed
    /// (see ``displayable(_:)``). Graphviz's own escapes (`\N`, `\G`, `\l`…) cannot be formed
    /// because every backslash is doubled, and `&` is written `&amp;`: Graphviz decodes
    /// character references in labels and tooltips, so text holding `&#5;` or `&#x202E;`
    /// became a control character (an SVG that is not well-formed XML) or a bidi override.
    /// Attributes Graphviz copies verbatim (`URL`, `id`) then carry `&amp;`, which is what
    /// XML needs there.
    static func quoted(_ text: String) -> String {
        // Fast path: printable ASCII with nothing to escape is copied once.
        if text.utf8.allSatisfy({
            $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "\\")
                && $0 != UInt8(ascii: "\"")
        }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in displayable(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A number with at most two decimals and no trailing zeros, independent of locale.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((abs(value) * 100).rounded())
        var text = String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return (value < 0 && hundredths != 0 ? "-" : "") + text
    }

    /// An identifier safe in CSS selectors and SVG ids: `a`–`z`, `0`–`9` and `-` are kept,
    /// `_` becomes `__`, and any other character `_HEX_`, so that distinct ids stay distinct.
    static func cssIdentifier(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": out.unicodeScalars.append(scalar)
            case "_": out += "__"
            default: out += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// Words wrapped into lines of at most `width` characters (a longer word keeps a line of
    /// its own), at most `maxLines` lines, the last ending in "…" when text was cut.
    static func wrapped(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        for paragraph in displayable(text).split(separator: "\n", omittingEmptySubsequences: true) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            if !line.isEmpty { lines.append(line) }
        }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += "…"
        }
        return lines.map { $0.count > width * 2 ? String($0.prefix(width * 2 - 1)) + "…" : $0 }
    }
}

/// Builds DOT source line by line with consistent indentation.
struct DOTBuilder {
    private(set) var lines: [String] = []
    private var depth = 0

    /// Appends a line at the current depth.
    mutating func line(_ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    /// `[a="1", b=<…>]`, or nothing for no attributes.
    static func list(_ attributes: [(DOTAttribute, DOTValue)]) -> String {
        guard !attributes.isEmpty else { return "" }
        return " [" + attributes.map { "\($0.0.rawValue)=\($0.1.source)" }.joined(separator: ", ")
            + "]"
    }

    /// A default-attribute statement: `graph [...]`, `node [...]` or `edge [...]`.
    mutating func defaults(_ target: String, _ attributes: [(DOTAttribute, DOTValue)]) {
        line(target + Self.list(attributes) + ";")
    }

    /// A node statement.
    mutating func node(_ id: String, _ attributes: [(DOTAttribute, DOTValue)]) {
        line(DOTText.quoted(id) + Self.list(attributes) + ";")
    }

    /// An edge statement.
    mutating func edge(_ tail: String, _ head: String, _ attributes: [(DOTAttribute, DOTValue)]) {
        line(DOTText.quoted(tail) + " -> " + DOTText.quoted(head) + Self.list(attributes) + ";")
    }

    /// Opens a block: `digraph "name" {`, `subgraph "name" {` or `{`.
    mutating func open(_ header: String) {
        line(header + "{")
        depth += 1
    }

    /// Closes the innermost block.
    mutating func close() {
        depth -= 1
        line("}")
    }

    /// The source, ending in a newline.
    var text: String { lines.joined(separator: "\n") + "\n" }
}
