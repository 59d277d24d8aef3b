import Foundation
import Testing

@testable import GraphvizRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the text content of `<text>` and `<title>` elements.
private final class TextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    private var current: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == "text" || elementName == "title" {
            current = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName: String?
    ) {
        if let text = current, elementName == "text" || elementName == "title" {
            texts.append(text)
            current = nil
        }
    }
}

/// Parses SVG as XML (external entities and the DTD are not loaded) and returns the
/// texts, or nil if the document is not well-formed.
private func svgTexts(_ bytes: [UInt8]) -> [String]? {
    let parser = XMLParser(data: Data(bytes))
    parser.shouldResolveExternalEntities = false
    let collector = TextCollector()
    parser.delegate = collector
    return parser.parse() ? collector.texts : nil
}

@Suite("Escaping and file access")
struct EscapingAndSandboxTests {
    static let names = [
        "say \"hi\"",
        "back\\slash",
        "a<b>&c",
        "first line\nsecond line",
        "שלום עולם",
        "مرحبا بالعالم",
        "parrot 🦜 and 👩‍💻",
        "dash--dash -> arrow",
    ]

    @Test("awkward names render, appear escaped and keep the SVG well-formed")
    func awkwardNames() throws {
        var dot = "digraph \"Names\" {\n"
        for (index, name) in Self.names.enumerated() {
            dot += "  \"n\(index)\" [label=\(Samples.quoted(name))];\n"
        }
        dot += "  \"n0\" -> \"n1\" [label=\(Samples.quoted("<&> \"edge\""))];\n}\n"
        let rendered = try Graphviz.shared.render(dot: dot)
        let text = rendered.text
        #expect(rendered.warnings.isEmpty)
        #expect(text.contains("say &quot;hi&quot;"))
        #expect(text.contains("a&lt;b&gt;&amp;c"))
        #expect(!text.contains("a<b>"))
        #expect(text.contains(">first line</text>"))
        #expect(text.contains(">second line</text>"))
        #expect(text.contains("back\\slash"))
        let texts = try #require(svgTexts(rendered.bytes), "the SVG is not well-formed XML")
        for expected in [
            "say \"hi\"", "back\\slash", "a<b>&c", "first line", "second line", "שלום עולם",
            "مرحبا بالعالم", "parrot 🦜 and 👩‍💻", "dash--dash -> arrow", "<&> \"edge\"",
        ] {
            #expect(texts.contains(expected), "\(expected) is not a text of the SVG")
        }
    }

    @Test("awkward node names (not only labels) are escaped in titles and comments")
    func awkwardIdentifiers() throws {
        let body = Self.names.map { Samples.quoted($0) }.joined(separator: " -> ")
        let rendered = try Graphviz.shared.render(dot: "digraph \"Ids\" { \(body) }")
        let texts = try #require(svgTexts(rendered.bytes), "the SVG is not well-formed XML")
        #expect(texts.contains("a<b>&c"))
        #expect(texts.contains("parrot 🦜 and 👩‍💻"))
        // An XML comment must not contain "--": Graphviz writes '-' as &#45; there.
        #expect(rendered.text.contains("<!-- dash&#45;&#45;dash &#45;&gt; arrow -->"))
    }

    @Test("image=/etc/passwd is not read")
    func imageOutsideSandbox() throws {
        let rendered = try Graphviz.shared.render(
            dot: "digraph \"G\" { \"a\" [image=\"/etc/passwd\", label=\"\"] }")
        #expect(!rendered.text.contains("<image"))
        #expect(!rendered.text.contains("root:"))
        #expect(rendered.warnings.contains("Warning: Filename \"/etc/passwd\" is unsafe"))
    }

    @Test("a real image file is not embedded either, in SVG or PNG")
    func realImage() throws {
        let png = try Graphviz.shared.render(dot: Samples.plain, format: .png).bytes
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("graphviz-render-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let dot =
            "digraph \"G\" { \"a\" [shape=box, image=\(Samples.quoted(file.path)), label=\"\"] }"
        let svg = try Graphviz.shared.render(dot: dot)
        #expect(!svg.text.contains("<image"))
        #expect(svg.warnings.contains("Warning: Filename \"\(file.path)\" is unsafe"))
        let html =
            "digraph \"G\" { \"a\" [label=<<TABLE><TR><TD><IMG SRC=\"\(file.path)\"/></TD></TR></TABLE>>] }"
        let htmlSVG = try Graphviz.shared.render(dot: html)
        #expect(!htmlSVG.text.contains("<image"))
        let bitmap = try Graphviz.shared.render(dot: dot, format: .png)
        #expect(bitmap.warnings.contains("Warning: Filename \"\(file.path)\" is unsafe"))
    }
}
