import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The safety scan for every SVG baligraph writes: anything that could run code or reach
/// outside the file when the SVG is inlined into a web page.
///
/// Shared, as this one file, by the reliability tests and the render fuzz target
/// (`Fuzz/Sources/FuzzRender/SVGScan.swift` is a link to it).
///
/// It reads the text the way a browser's tokenizer would, tag by tag, so that it also
/// judges text that is not well-formed XML, and reports:
/// - any element other than those Graphviz's SVG renderer draws (plus the one `<style>`
///   the post-processor adds): `script`, `foreignObject`, `iframe`, `image`, `use`,
///   `animate`, `set`, `handler`… and any unknown or differently-cased name;
/// - comments, DOCTYPEs, entity declarations, CDATA sections and processing instructions
///   other than the leading XML declaration;
/// - `on*` event attributes, `xml:base`, and links (`href`, `xlink:href`, any `*:href`) that
///   are not absolute http(s) URLs once character references and the white space and
///   control characters browsers ignore are removed;
/// - `url(…)` in a presentation attribute (`fill`, `stroke`, `filter`, …), a `style`
///   attribute or the style sheet unless it points inside the document (`url(#id)`), and
///   `@import`, `expression(`, `javascript:`, `behavior`, `-moz-binding` there; `src`,
///   `action` and similar attributes;
/// - a `<` that starts no tag (it could start one in an HTML parser).
///
/// `mustParse` also requires the text to be well-formed XML.
enum SVGScan {
    static let allowedElements: Set<String> = [
        "svg", "g", "title", "desc", "polygon", "polyline", "path", "ellipse", "circle", "rect",
        "line", "text", "tspan", "a", "defs", "linearGradient", "radialGradient", "stop",
        "style",
    ]

    static func findings(_ svg: String, mustParse: Bool) -> [String] {
        var findings = tagFindings(Array(svg.utf8))
        if mustParse, let problem = xmlProblem(svg) {
            findings.append("not well-formed XML: \(problem)")
        }
        return findings
    }

    static func xmlProblem(_ svg: String) -> String? {
        let parser = XMLParser(data: Data(svg.utf8))
        parser.shouldResolveExternalEntities = false
        return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "?")"
    }

    // MARK: Tags

    static func tagFindings(_ s: [UInt8]) -> [String] {
        var findings: [String] = []
        var i = 0
        func byte(_ k: Int) -> UInt8 { k < s.count ? s[k] : 0 }
        // Names end where an HTML tokenizer ends them: quotes and '<' belong to the name.
        func isNameByte(_ b: UInt8) -> Bool {
            !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
                || b == UInt8(ascii: ">") || b == UInt8(ascii: "/"))
        }
        func isAttributeNameByte(_ b: UInt8) -> Bool { isNameByte(b) && b != UInt8(ascii: "=") }
        func skipSpace() {
            while i < s.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(s[i]) { i += 1 }
        }
        while i < s.count {
            guard s[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            let next = byte(i + 1)
            if next == UInt8(ascii: "?") {
                // An HTML parser reads `<?…` as a comment that ends at the first '>'.
                var end = i
                while end < s.count, s[end] != UInt8(ascii: ">") { end += 1 }
                let isDeclaration =
                    i == 0 && s[i...].starts(with: Array("<?xml ".utf8)) && end < s.count
                    && s[end - 1] == UInt8(ascii: "?")
                if !isDeclaration { findings.append("processing instruction") }
                i = end + 1
                continue
            }
            if next == UInt8(ascii: "!") {
                findings.append("comment, DOCTYPE, entity or CDATA")
                i += 2
                continue
            }
            let closing = next == UInt8(ascii: "/")
            var k = i + (closing ? 2 : 1)
            let nameStart = k
            while k < s.count, isNameByte(s[k]) { k += 1 }
            let name = String(decoding: s[nameStart..<k], as: UTF8.self)
            guard !name.isEmpty else {
                findings.append("a '<' that starts no tag")
                i += 1
                continue
            }
            if !allowedElements.contains(name) { findings.append("<\(name)>") }
            i = k
            // Attributes.
            while i < s.count {
                skipSpace()
                guard i < s.count else { break }
                if s[i] == UInt8(ascii: ">") {
                    i += 1
                    break
                }
                if s[i] == UInt8(ascii: "/") {
                    i += 1
                    continue
                }
                let attributeStart = i
                // An attribute name may start with '='; it ends at the next one.
                if s[i] == UInt8(ascii: "=") { i += 1 }
                while i < s.count, isAttributeNameByte(s[i]) { i += 1 }
                if i == attributeStart {
                    i += 1
                    continue
                }
                let attribute = String(decoding: s[attributeStart..<i], as: UTF8.self)
                skipSpace()
                var value = ""
                if i < s.count, s[i] == UInt8(ascii: "=") {
                    i += 1
                    skipSpace()
                    if i < s.count, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") {
                        let quote = s[i]
                        let start = i + 1
                        var end = start
                        while end < s.count, s[end] != quote { end += 1 }
                        value = String(decoding: s[start..<min(end, s.count)], as: UTF8.self)
                        i = min(end + 1, s.count)
                    } else {
                        let start = i
                        while i < s.count,
                            ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">")].contains(s[i])
                        {
                            i += 1
                        }
                        value = String(decoding: s[start..<i], as: UTF8.self)
                    }
                }
                // A browser reads the attributes of an end tag the same way, then ignores them.
                if !closing {
                    findings += attributeFindings(element: name, name: attribute, value: value)
                }
            }
            if name == "style" && !closing {
                // The style sheet's text runs to the next '<'.
                var end = i
                while end < s.count, s[end] != UInt8(ascii: "<") { end += 1 }
                let sheet = decodeReferences(String(decoding: s[i..<end], as: UTF8.self))
                findings += styleFindings(sheet, where: "<style>")
                i = end
            }
        }
        return findings
    }

    static func attributeFindings(element: String, name: String, value: String) -> [String] {
        let lower = name.lowercased()
        let decoded = decodeReferences(value)
        var findings: [String] = []
        if lower.hasPrefix("on") { findings.append("\(element) \(name)=") }
        if lower == "xml:base" || lower.hasSuffix(":base") {
            findings.append("\(element) \(name)=")
        }
        if lower == "href" || lower.hasSuffix(":href") {
            let stripped = String(
                String.UnicodeScalarView(
                    decoded.unicodeScalars.filter {
                        !($0.properties.isWhitespace || $0.properties.generalCategory == .control)
                    })
            ).lowercased()
            if !(stripped.hasPrefix("http://") || stripped.hasPrefix("https://")) {
                findings.append("\(element) \(name)=\(value)")
            }
        } else if lower == "style" || presentationAttributes.contains(lower) {
            findings += styleFindings(decoded, where: "\(element) \(name)=")
        } else if ["src", "srcdoc", "action", "formaction", "xlink:actuate"].contains(lower) {
            findings.append("\(element) \(name)=\(value)")
        }
        return findings
    }

    /// The attributes in which a browser follows `url(…)`.
    static let presentationAttributes: Set<String> = [
        "fill", "stroke", "filter", "clip-path", "mask", "marker-start", "marker-mid",
        "marker-end", "cursor",
    ]

    /// `url(…)` outside the document and the CSS that loads or runs things.
    static func styleFindings(_ text: String, where place: String) -> [String] {
        let compact = text.lowercased().filter { !$0.isWhitespace && $0 != "\\" }
        var findings: [String] = []
        var rest = Substring(compact)
        while let range = rest.range(of: "url(") {
            let target = rest[range.upperBound...].drop { $0 == "'" || $0 == "\"" }
            if !target.hasPrefix("#") { findings.append("\(place) url(\(target.prefix(40))") }
            rest = rest[range.upperBound...]
        }
        for word in [
            "@import", "expression(", "javascript:", "vbscript:", "behavior:", "-moz-binding",
        ]
        where compact.contains(word) {
            findings.append("\(place) \(word)")
        }
        return findings
    }

    /// The text with character references and the five predefined entities decoded.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let end = scalars[i...].prefix(16).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
                var decoded: Unicode.Scalar?
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "colon": decoded = ":"
                case "tab": decoded = "\t"
                case "newline": decoded = "\n"
                default:
                    let lower = name.lowercased()
                    if lower.hasPrefix("#x") {
                        decoded = UInt32(lower.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if lower.hasPrefix("#") {
                        decoded = UInt32(lower.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
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
}
