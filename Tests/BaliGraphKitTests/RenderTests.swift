import Diagrams
import Foundation
import StakeholderModel
import Testing

@testable import BaliGraphKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Everything in an SVG that could run code or reach outside the file, found by parsing it
/// as XML: script-capable elements, `on*` event attributes, links that are not http(s),
/// and `url(…)` references outside the document. An SVG that does not parse is unsafe.
func unsafeSVGFindings(_ svg: String) -> [String] {
    final class Scanner: NSObject, XMLParserDelegate {
        var findings: [String] = []
        let forbidden: Set<String> = [
            "script", "foreignobject", "iframe", "embed", "object", "image", "use", "animate",
            "set",
            "handler", "listener",
        ]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if forbidden.contains(name.lowercased()) { findings.append("<\(name)>") }
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let k = key.lowercased()
                if k.hasPrefix("on") { findings.append("\(name) \(key)=") }
                if k == "href" || k.hasSuffix(":href") {
                    let v = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                    if !(v.hasPrefix("https://") || v.hasPrefix("http://")) {
                        findings.append("\(key)=\(value)")
                    }
                }
                if value.lowercased().contains("url("), !value.contains("url(#") {
                    findings.append("\(key)=\(value)")
                }
            }
        }
    }
    let scanner = Scanner()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.shouldResolveExternalEntities = false
    parser.delegate = scanner
    if !parser.parse() { return ["does not parse: \(parser.parserError.map { "\($0)" } ?? "?")"] }
    if svg.lowercased().contains("<!doctype") || svg.contains("<!ENTITY") {
        scanner.findings.append("DOCTYPE")
    }
    return scanner.findings
}

@Suite("Diagrams rendered through Graphviz", .serialized)
struct RenderTests {
    let model: Model
    let manifest: ViewManifest

    init() throws {
        model = try #require(
            ModelStore.parse(text: BuiltInModel.text, file: BuiltInModel.label).model)
        let text = try String(
            contentsOf: root.appendingPathComponent("Graphs/views.yaml"), encoding: .utf8)
        manifest = try #require(ViewManifest.parse(text: text, file: "Graphs/views.yaml").manifest)
    }

    @Test("the embedded manifest is byte-identical to Graphs/views.yaml (run `make embed`)")
    func embeddedManifest() throws {
        let file = try String(
            contentsOf: root.appendingPathComponent("Graphs/views.yaml"), encoding: .utf8)
        #expect(EmbeddedViews.yaml + "\n" == file)
    }

    @Test(
        "every view: well-formed XML with a title, a legend, the as-of line and every selected node"
    )
    func everyView() throws {
        #expect(manifest.views.count >= 7)
        for view in manifest.views {
            let built = DiagramBuilder.build(view, model: model, analytics: RenderCommand.analytics)
            let diagram = try #require(
                built.diagram, "\(view.name): \(built.diagnostics.map(\.formatted))")
            let bytes = try RenderCommand.draw(diagram, format: .svg).get()
            let svg = String(decoding: bytes, as: UTF8.self)
            _ = try XMLDocument(data: Data(bytes), options: [])
            #expect(svg.contains("<title"), "\(view.name)")
            #expect(svg.contains("<desc"), "\(view.name)")
            #expect(svg.contains(">Key<"), "\(view.name): legend")
            #expect(svg.contains("Data as of 2026-11-30"), "\(view.name): as-of line")
            #expect(svg.contains("Sources:"), "\(view.name): sources line")
            #expect(svg.contains("prefers-color-scheme: dark"), "\(view.name)")
            #expect(unsafeSVGFindings(svg).isEmpty, "\(view.name): \(unsafeSVGFindings(svg))")
            let selection = try #require(
                ViewSelector.select(view, from: model, analytics: RenderCommand.analytics).selection
            )
            #expect(!selection.nodes.isEmpty)
            for node in selection.nodes {
                #expect(svg.contains("id=\"n-\(node.id)\""), "\(view.name) lacks \(node.id)")
            }
        }
    }

    @Test("the same view twice in one process gives byte-identical SVG, PNG and PDF")
    func deterministic() throws {
        let view = try #require(manifest.view(named: "working-groups"))
        let diagram = try #require(
            DiagramBuilder.build(view, model: model, analytics: RenderCommand.analytics).diagram)
        for format in [DiagramFormat.svg, .png, .pdf, .dot] {
            let a = try RenderCommand.draw(diagram, format: format).get()
            let b = try RenderCommand.draw(diagram, format: format).get()
            #expect(a == b, "\(format)")
        }
        let png = try RenderCommand.draw(diagram, format: .png).get()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try RenderCommand.draw(diagram, format: .pdf).get()
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test("hostile names render without a crash, escaped and intact")
    func hostile() throws {
        let text = try String(
            contentsOf: root.appendingPathComponent("Tests/Fixtures/models/hostile.yaml"),
            encoding: .utf8)
        let hostile = try #require(ModelStore.parse(text: text, file: "hostile.yaml").model)
        var selection = ViewSelection()
        selection.asOf = .current
        let view = try #require(ViewSpec.adHoc(selection: selection).view)
        let diagram = try #require(DiagramBuilder.build(view, model: hostile).diagram)
        let bytes = try RenderCommand.draw(diagram, format: .svg).get()
        let svg = String(decoding: bytes, as: UTF8.self)
        _ = try XMLDocument(data: Data(bytes), options: [])
        #expect(unsafeSVGFindings(svg).isEmpty, "\(unsafeSVGFindings(svg))")
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("\u{05E9}\u{05DC}\u{05D5}\u{05DD}"), "Hebrew text intact")
        #expect(svg.contains("\u{1F30F}"), "emoji intact")
        #expect(svg.contains("https://example.org/quotes?x=1&amp;y=%3Cw%3E"), "URL escaped for XML")
        for format in [DiagramFormat.png, .pdf] {
            #expect(try !RenderCommand.draw(diagram, format: format).get().isEmpty)
        }
    }

    @Test("every committed SVG in Graphs/ is safe to inline")
    func committedSafe() throws {
        let dir = root.appendingPathComponent("Graphs")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
            $0.hasSuffix(".svg")
        }
        #expect(names.count >= 7)
        for name in names.sorted() {
            let svg = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(unsafeSVGFindings(svg).isEmpty, "\(name): \(unsafeSVGFindings(svg))")
        }
    }
}
