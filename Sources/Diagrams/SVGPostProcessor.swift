import Foundation

/// Finishes the SVG that Graphviz renders from a diagram: accessible, dark-mode aware and
/// safe to inline in a web page.
///
/// It is pure text work, byte-deterministic, and defensive: it does not trust that the
/// input came from our own DOT. It
/// - keeps the XML declaration and drops the DOCTYPE (no external DTD or entities), comments,
///   other processing instructions and CDATA sections;
/// - keeps only the elements Graphviz's SVG renderer uses, dropping any other element with
///   its content (`script`, `foreignObject`, `style`, `image`, `iframe`, animation…);
/// - drops event-handler attributes (`on*`), attributes that load or submit something
///   (`src`, `srcdoc`, `action`, `formaction`, `xlink:actuate`), links that are not absolute http(s) URLs
///   (`href`, `xlink:href`, after decoding entities and removing whitespace), `style`
///   attributes that could load or run anything, and `url(…)` references outside the
///   document;
/// - gives the root `<svg>` an id, `role="img"`, `aria-labelledby` and `aria-describedby`,
///   and inserts a `<title>`, a `<desc>` and a `<style>` whose
///   `@media (prefers-color-scheme: dark)` section restyles the page, text and strokes;
/// - removes the root graph's own `<title>` (the graph's name), leaving one document title.
public enum SVGPostProcessor {
    /// Finishes the SVG rendered from `diagram`.
    public static func process(_ svg: String, for diagram: Diagram) -> String {
        process(
            svg, id: "baligraph-" + DOTText.cssIdentifier(diagram.name), title: diagram.title,
            description: diagram.summary, theme: diagram.theme)
    }

    /// Finishes an SVG with an explicit document id (used for the root and, suffixed, for the
    /// title and description), title, description and theme.
    public static func process(
        _ svg: String, id: String, title: String, description: String, theme: Theme
    ) -> String {
        var processor = Processor(
            input: Array(svg.utf8), id: DOTText.cssIdentifier(id), title: title,
            description: description, theme: theme)
        processor.run()
        // Graphviz writes every hyphen as "&#45;"; comments are gone, so a plain hyphen is
        // equivalent everywhere and keeps ids readable for CSS, scripts and diffs.
        return String(decoding: plainHyphens(processor.output), as: UTF8.self)
    }

    /// Replaces every `&#45;` with `-`, in one pass over the bytes.
    static func plainHyphens(_ bytes: [UInt8]) -> [UInt8] {
        let entity = Array("&#45;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "&"), i + 5 <= n, bytes[i + 1] == entity[1],
                bytes[i + 2] == entity[2],
                bytes[i + 3] == entity[3], bytes[i + 4] == entity[4]
            {
                out.append(UInt8(ascii: "-"))
                i += 5
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    /// The elements kept: those Graphviz's `svg` renderer writes, less `image`.
    static let allowedElements: Set<String> = [
        "svg", "g", "title", "desc", "polygon", "polyline", "path", "ellipse", "circle", "rect",
        "line", "text", "tspan", "a", "defs", "linearGradient", "radialGradient", "stop",
    ]

    /// Attributes that load or submit something in some element; Graphviz writes none.
    static let loadingAttributes: Set<String> = [
        "src", "srcdoc", "action", "formaction", "xlink:actuate",
    ]

    /// Presentation attributes whose `url(…)` must point inside the document.
    static let urlAttributes: Set<String> = [
        "fill", "stroke", "filter", "clip-path", "mask", "marker-start", "marker-mid",
        "marker-end", "cursor",
    ]

    /// The `<style>` block: dark-mode rules scoped to the document's id.
    static func styleSheet(id: String, theme: Theme) -> String {
        let root = "#" + id
        let dark = theme.dark
        var rules = [
            "\(root) > .graph > polygon:first-of-type { fill: \(dark.background); stroke: \(dark.background); }",
            "\(root) .graph > text, \(root) .cluster > text, \(root) .edge text, \(root) .legend text { fill: \(dark.text); }",
            "\(root) [fill=\"\(theme.clusterFill)\"] { fill: \(dark.clusterFill); }",
        ]
        for (from, to) in dark.strokeReplacements {
            rules.append("\(root) [stroke=\"\(from)\"] { stroke: \(to); }")
            rules.append("\(root) .edge [fill=\"\(from)\"] { fill: \(to); }")
        }
        return "@media (prefers-color-scheme: dark) {\n"
            + rules.map { "  " + $0 }.joined(separator: "\n") + "\n}"
    }

    /// XML-escaped text for element content and attribute values.
    static func xmlEscaped(_ text: String) -> String {
        var out = ""
        for scalar in DOTText.displayable(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text of an attribute value with character and the five predefined entity
    /// references decoded (unknown references are kept as written).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let end = scalars[i...].prefix(12).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
                var decoded: Unicode.Scalar? = nil
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if name.hasPrefix("#") {
                        decoded = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                    }
                }
                if let decoded {
                    out.append(decoded)
                    i = end + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// True for a link value that is an absolute http(s) URL once entities are decoded and
    /// whitespace and control characters (which browsers ignore in URLs) are removed.
    static func isWebLink(_ raw: String) -> Bool {
        let decoded = decodeEntities(raw).unicodeScalars.filter {
            !($0.properties.isWhitespace || $0.properties.generalCategory == .control)
        }
        let text = String(String.UnicodeScalarView(decoded)).lowercased()
        return (text.hasPrefix("http://") || text.hasPrefix("https://")) && text.count > 8
    }

    /// True when a `style` attribute could load or run something.
    static func isUnsafeStyle(_ raw: String) -> Bool {
        let text = decodeEntities(raw).lowercased()
        return ["url(", "expression", "@import", "javascript:", "\\", "behavior", "-moz-binding"]
            .contains { text.contains($0) }
    }

    /// True when a presentation attribute refers to something outside the document.
    static func isExternalReference(_ raw: String) -> Bool {
        // Without `(` (written or as a character reference) there is no `url(`.
        guard raw.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "&") })
        else { return false }
        let text = decodeEntities(raw).lowercased().filter { !$0.isWhitespace }
        guard let range = text.range(of: "url(") else { return false }
        let rest = text[range.upperBound...].drop { $0 == "'" || $0 == "\"" }
        return !rest.hasPrefix("#") || text.components(separatedBy: "url(").count > 2
    }
}

/// One attribute of a start tag as written.
private struct Attribute {
    var name: String
    var value: String
    var raw: ArraySlice<UInt8>
    /// False for an unquoted value or a bare name, which are rewritten quoted.
    var quoted: Bool

    /// The attribute as it is written out: as read when it was quoted, else quoted.
    var text: String {
        quoted
            ? String(decoding: raw, as: UTF8.self)
            : name + "=\"" + SVGPostProcessor.xmlEscaped(value) + "\""
    }
}

/// A single pass over the SVG bytes.
private struct Processor {
    let input: [UInt8]
    let id: String
    let title: String
    let description: String
    let theme: Theme
    var output: [UInt8] = []
    var position = 0
    /// The open kept elements, and whether each is the root graph's group.
    var stack: [(name: String, isRootGraph: Bool)] = []
    var sawRoot = false
    var removedGraphTitle = false

    init(input: [UInt8], id: String, title: String, description: String, theme: Theme) {
        self.input = input
        self.id = id
        self.title = title
        self.description = description
        self.theme = theme
        output.reserveCapacity(input.count + 2_048)
    }

    mutating func run() {
        while position < input.count {
            if input[position] != UInt8(ascii: "<") {
                let end = input[position...].firstIndex(of: UInt8(ascii: "<")) ?? input.count
                output += input[position..<end]
                position = end
                continue
            }
            if starts(with: "<!--") {
                position = end(after: "-->", from: position + 4)
                dropLineBreak()
            } else if starts(with: "<![CDATA[") {
                position = end(after: "]]>", from: position + 9)
                dropLineBreak()
            } else if starts(with: "<!") {
                position = endOfDeclaration(from: position + 2)
                dropLineBreak()
            } else if starts(with: "<?") {
                let start = position
                position = end(after: "?>", from: position + 2)
                let declaration = input[start..<position]
                // An HTML parser ends `<?…` at the first '>': keep the XML declaration only
                // when that is its own end, and it is closed by `?>` (an unclosed one runs to
                // the end of the input).
                if start == 0 && declaration.starts(with: Array("<?xml ".utf8))
                    && declaration.reversed().starts(with: Array(">?".utf8))
                    && declaration.firstIndex(of: UInt8(ascii: ">")) == position - 1
                    && declaration.lastIndex(of: UInt8(ascii: "<")) == start
                {
                    output += declaration
                } else {
                    dropLineBreak()
                }
            } else if starts(with: "</") {
                endTag()
            } else if position + 1 < input.count, isNameStart(input[position + 1]) {
                startTag()
            } else {
                output += Array("&lt;".utf8)
                position += 1
            }
        }
    }

    // MARK: Tags

    mutating func startTag() {
        let start = position
        position += 1
        let name = readName()
        var attributes: [Attribute] = []
        var selfClosing = false
        // A tag is copied as written only when a browser would split it exactly as read
        // here: the name and each attribute followed by white space, '/' or '>', and the
        // tag closed. Anything else (`<a"x=…`, `<g a="1"b="2"`, a tag cut off) is rewritten.
        var clean = true
        var closed = false
        while position < input.count {
            let before = position
            skipWhitespace()
            guard position < input.count else { break }
            let byte = input[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                closed = true
                break
            }
            if byte == UInt8(ascii: "/") {
                position += 1
                if position < input.count, input[position] == UInt8(ascii: ">") {
                    selfClosing = true
                    closed = true
                    position += 1
                    break
                }
                clean = false
                continue
            }
            if position == before { clean = false }
            let attributeStart = position
            let attributeName = readName()
            if attributeName.isEmpty {
                clean = false
                position += 1
                continue
            }
            skipWhitespace()
            var value = ""
            var quoted = false
            if position < input.count, input[position] == UInt8(ascii: "=") {
                position += 1
                skipWhitespace()
                quoted =
                    position < input.count
                    && (input[position] == UInt8(ascii: "\"")
                        || input[position] == UInt8(ascii: "'"))
                value = readValue()
            }
            attributes.append(
                Attribute(
                    name: attributeName, value: value, raw: input[attributeStart..<position],
                    quoted: quoted))
        }
        let raw = input[start..<position]

        guard SVGPostProcessor.allowedElements.contains(name) else {
            if !selfClosing { skipElement(name) } else { dropLineBreak() }
            return
        }
        if name == "title", !removedGraphTitle, let parent = stack.last, parent.isRootGraph {
            removedGraphTitle = true
            if !selfClosing { skipElement(name) } else { dropLineBreak() }
            return
        }
        let kept = attributes.filter(isSafe)
        var isRootGraph = false
        if name == "svg" && !sawRoot {
            sawRoot = true
            let replaced: Set<String> = [
                "id", "class", "role", "aria-labelledby", "aria-describedby",
            ]
            var tag = "<svg"
            for attribute in kept where !replaced.contains(attribute.name.lowercased()) {
                tag += " " + attribute.text
            }
            tag += " id=\"\(id)\" class=\"baligraph\" role=\"img\""
            tag += " aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\""
            tag += selfClosing ? "/>" : ">"
            output += Array(tag.utf8)
            if !selfClosing { output += Array(header().utf8) }
        } else {
            if name == "g", stack.count == 1, stack[0].name == "svg",
                let cls = attributes.first(where: { $0.name == "class" }),
                cls.value.split(separator: " ").contains("graph")
            {
                isRootGraph = true
            }
            if clean && closed && kept.count == attributes.count && kept.allSatisfy(\.quoted) {
                output += raw
            } else {
                var tag = "<" + name
                for attribute in kept {
                    tag += " " + attribute.text
                }
                tag += selfClosing ? "/>" : ">"
                output += Array(tag.utf8)
            }
        }
        if !selfClosing { stack.append((name, isRootGraph)) }
    }

    mutating func endTag() {
        position += 2
        let name = readName()
        if let close = input[position...].firstIndex(of: UInt8(ascii: ">")) {
            position = close + 1
        } else {
            position = input.count
        }
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        // Written anew, never copied: `</text<…` or `</g a=">…` would end somewhere else in
        // a browser than here. Elements left open inside are closed too.
        for open in stack[index...].reversed() {
            output += Array("</\(open.name)>".utf8)
        }
        stack.removeSubrange(index...)
    }

    /// Skips the content and end tag of an element whose start tag (named `name`) was just
    /// read. Inner elements are tracked by name, so an end tag closes the innermost open
    /// element of that name and everything inside it, as an HTML parser would: a stray `<g>`
    /// in a script's text cannot keep the script open.
    mutating func skipElement(_ name: String) {
        var open = [name]
        while position < input.count && !open.isEmpty {
            if input[position] != UInt8(ascii: "<") {
                position = input[position...].firstIndex(of: UInt8(ascii: "<")) ?? input.count
            } else if starts(with: "<!--") {
                position = end(after: "-->", from: position + 4)
            } else if starts(with: "<![CDATA[") {
                position = end(after: "]]>", from: position + 9)
            } else if starts(with: "<!") {
                position = endOfDeclaration(from: position + 2)
            } else if starts(with: "<?") {
                position = end(after: "?>", from: position + 2)
            } else if starts(with: "</") {
                position += 2
                let closing = readName()
                position = Swift.min(
                    (input[position...].firstIndex(of: UInt8(ascii: ">")) ?? input.count) + 1,
                    input.count)
                if let index = open.lastIndex(of: closing) { open.removeSubrange(index...) }
            } else {
                position += 1
                let inner = readName()
                var selfClosing = false
                while position < input.count, input[position] != UInt8(ascii: ">") {
                    let byte = input[position]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        _ = readValue()
                    } else {
                        selfClosing = byte == UInt8(ascii: "/")
                        position += 1
                    }
                }
                position = Swift.min(position + 1, input.count)
                if !selfClosing && !inner.isEmpty { open.append(inner) }
            }
        }
        dropLineBreak()
    }

    /// After something dropped, skips the line break that followed it when the output
    /// already ends a line, so that no blank lines are left behind.
    mutating func dropLineBreak() {
        if position < input.count, input[position] == UInt8(ascii: "\n"),
            output.last == UInt8(ascii: "\n")
        {
            position += 1
        }
    }

    func isSafe(_ attribute: Attribute) -> Bool {
        let name = attribute.name.lowercased()
        if name.hasPrefix("on") { return false }
        if name == "href" || name.hasSuffix(":href") {
            return SVGPostProcessor.isWebLink(attribute.value)
        }
        if name == "style" { return !SVGPostProcessor.isUnsafeStyle(attribute.value) }
        if name == "xml:base" || name.hasSuffix(":base") { return false }
        if SVGPostProcessor.loadingAttributes.contains(name) { return false }
        if SVGPostProcessor.urlAttributes.contains(name) {
            return !SVGPostProcessor.isExternalReference(attribute.value)
        }
        return true
    }

    func header() -> String {
        "\n<title id=\"\(id)-title\">" + SVGPostProcessor.xmlEscaped(title) + "</title>"
            + "\n<desc id=\"\(id)-desc\">" + SVGPostProcessor.xmlEscaped(description) + "</desc>"
            + "\n<style>\n" + SVGPostProcessor.styleSheet(id: id, theme: theme) + "\n</style>"
    }

    // MARK: Scanning

    func starts(with prefix: String) -> Bool {
        input[position...].starts(with: prefix.utf8)
    }

    /// The position after the first `terminator` at or after `from`, or the end.
    func end(after terminator: String, from: Int) -> Int {
        let t = Array(terminator.utf8)
        var i = from
        while i + t.count <= input.count {
            if input[i] == t[0] && input[i..<(i + t.count)].elementsEqual(t) { return i + t.count }
            i += 1
        }
        return input.count
    }

    /// The position after a `<!…>` declaration, skipping quoted text and an internal subset.
    func endOfDeclaration(from: Int) -> Int {
        var i = from
        var bracket = 0
        var quote: UInt8? = nil
        while i < input.count {
            let byte = input[i]
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                bracket += 1
            } else if byte == UInt8(ascii: "]") {
                bracket = Swift.max(0, bracket - 1)
            } else if byte == UInt8(ascii: ">") && bracket == 0 {
                return i + 1
            }
            i += 1
        }
        return input.count
    }

    func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    mutating func readName() -> String {
        let start = position
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
                || byte == UInt8(ascii: "<")
            {
                break
            }
            position += 1
        }
        return String(decoding: input[start..<position], as: UTF8.self)
    }

    /// A quoted value (without its quotes), or an unquoted one up to whitespace or `>`.
    mutating func readValue() -> String {
        guard position < input.count else { return "" }
        let quote = input[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = position + 1
            let end = input[start...].firstIndex(of: quote) ?? input.count
            position = Swift.min(end + 1, input.count)
            return String(decoding: input[start..<end], as: UTF8.self)
        }
        let start = position
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ">")
                || (byte == UInt8(ascii: "/") && position + 1 < input.count
                    && input[position + 1] == UInt8(ascii: ">"))
            {
                break
            }
            position += 1
        }
        return String(decoding: input[start..<position], as: UTF8.self)
    }

    mutating func skipWhitespace() {
        while position < input.count,
            [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")]
                .contains(input[position])
        {
            position += 1
        }
    }
}
