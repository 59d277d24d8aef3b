import Diagrams
import Foundation
import GraphvizRender
import StakeholderModel
import Testing

@testable import BaliGraphKit

/// Nothing baligraph writes can run code or reach outside the file when it is inlined into
/// a documentation page: the committed diagrams, the explorer page's inline diagrams, every
/// hostile model drawn with every engine and theme, and hostile SVG given straight to the
/// post-processor. The hostile corpus test scans the SVG of every hostile fixture too.
@Suite("Safe SVG")
struct SVGSafetyTests {
    @Test("the scan finds every kind of unsafe content it looks for")
    func scanCatchesEverything() {
        let prologue = #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">"#
        let bad = [
            "<script>alert(1)</script>", "<SCRIPT>alert(1)</SCRIPT>",
            "<foreignObject><div/></foreignObject>", "<iframe src='x'/>", "<image href='x.png'/>",
            "<use href='#a'/>", "<animate attributeName='href' to='javascript:x'/>",
            "<set attributeName='onclick' to='x'/>", "<g onload='x'/>", "<g ONCLICK=x/>",
            "<a href='javascript:alert(1)'>x</a>", "<a xlink:href=' java\tscript:x'>x</a>",
            "<a href='&#106;avascript:x'>x</a>", "<a href='data:text/html,x'>x</a>",
            "<a href='//evil.example'>x</a>", "<g fill='url(https://evil.example/x#a)'/>",
            "<g style='background:url(x.png)'/>", "<g style='behavior:url(x.htc)'/>",
            "<style>@import 'https://evil.example/x.css';</style>", "<!-- comment -->",
            "<!DOCTYPE svg [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "<![CDATA[ x ]]>",
            "<?php echo 1 ?>", "<g xml:base='https://evil.example/'/>", "<polyline\"x='1'/>",
            "<g a=\"1\"onload=\"x\"/>", "< script>",
        ]
        for snippet in bad {
            let findings = SVGScan.findings(prologue + snippet + "</svg>", mustParse: false)
            #expect(!findings.isEmpty, "not caught: \(snippet)")
        }
        let good =
            prologue
            + #"<g id="n-a" class="node"><a xlink:href="https://example.org/?a=1&amp;b=2" xlink:title="javascript: is only text here"><polygon fill="url(#l_0)" points="0,0 1,1"/><text>&lt;script&gt; onload=x</text></a></g></svg>"#
        #expect(SVGScan.findings(good, mustParse: true) == [])
    }

    @Test("every SVG committed in Graphs/, and every diagram inlined in Graphs/explorer.html")
    func committed() throws {
        let graphs = Reliability.root.appendingPathComponent("Graphs")
        let names = try Reliability.files(in: graphs)
        #expect(names.filter { $0.hasSuffix(".svg") }.count >= 7)
        for name in names where name.hasSuffix(".svg") {
            let svg = try String(contentsOf: graphs.appendingPathComponent(name), encoding: .utf8)
            let findings = SVGScan.findings(svg, mustParse: true)
            #expect(findings.isEmpty, "\(name): \(findings)")
        }
        let page = graphs.appendingPathComponent("explorer.html")
        guard FileManager.default.fileExists(atPath: page.path) else { return }
        let html = try String(contentsOf: page, encoding: .utf8)
        let inline = Self.inlineSVGs(html)
        #expect(inline.count >= 7)
        for (index, svg) in inline.enumerated() {
            let findings = SVGScan.findings(svg, mustParse: false)
            #expect(findings.isEmpty, "explorer.html, diagram \(index): \(findings)")
        }
    }

    /// The `<svg>…</svg>` elements of an HTML page.
    static func inlineSVGs(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"),
            let end = rest[start.lowerBound...].range(of: "</svg>")
        {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    static let hostileModels = [
        "markup-names.yaml", "control-characters.yaml",
        "bidi-combining-emoji.yaml", "url-tricky-valid.yaml", "combining-zalgo.yaml",
    ]

    @Test("hostile models drawn with every engine and theme", arguments: hostileModels)
    func everyEngine(_ name: String) throws {
        let result = ModelStore.importModel(
            Invocation(), path: Reliability.corpus.appendingPathComponent(name).path)
        let model = try #require(result.model, "\(result.diagnostics.map(\.formatted))")
        for engine in Diagrams.LayoutEngine.allCases {
            for theme in Theme.all {
                var selection = ViewSelection()
                selection.kinds = model.schema.kinds.map { Reference($0.id) }
                let layout = ViewLayout(
                    engine: engine, theme: theme.name,
                    clusterBy: engine.keepsClustersApart
                        ? model.schema.relations.prefix(1).map { Reference($0.id) } : [],
                    tiers: true, edgeLabels: true)
                let view = try #require(
                    ViewSpec.adHoc(title: model.title, selection: selection, layout: layout).view)
                let built = DiagramBuilder.build(view, model: model)
                let diagram = try #require(built.diagram, "\(built.diagnostics.map(\.formatted))")
                let svg = String(
                    decoding: try RenderCommand.draw(diagram, format: .svg).get(), as: UTF8.self)
                let findings = SVGScan.findings(svg, mustParse: true)
                #expect(findings.isEmpty, "\(name) \(engine) \(theme.name): \(findings)")
                // Data never adds a node, an edge or a cluster: Graphviz reads back exactly
                // the drawn nodes plus the legend.
                let json = try Graphviz.shared.render(
                    dot: diagram.dot,
                    engine: GraphvizRender.LayoutEngine(rawValue: engine.rawValue) ?? .dot,
                    format: .json)
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
                let objects = (object["objects"] as? [[String: Any]]) ?? []
                let subgraphs = object["_subgraph_cnt"] as? Int ?? 0
                let nodes = objects.dropFirst(subgraphs)
                #expect(
                    nodes.count == diagram.nodeCount + 1,
                    "\(name) \(engine): \(nodes.count) nodes read back, \(diagram.nodeCount) drawn")
                #expect(
                    (object["edges"] as? [Any])?.count ?? 0 == diagram.edgeCount,
                    "\(name) \(engine): edges read back")
            }
        }
    }

    @Test("hostile SVG given to the post-processor comes out safe")
    func postProcessor() throws {
        var inputs: [(String, String)] = [
            ("script", #"<svg><g><script>alert(1)</script><text>t</text></g></svg>"#),
            ("events", #"<svg onload="x"><g onclick='y' ONMOUSEOVER=z><rect/></g></svg>"#),
            (
                "links",
                #"<svg><a xlink:href="javascript:alert(1)" href=" &#x6A;avascript:x"><text>t</text></a></svg>"#
            ),
            (
                "foreign",
                #"<svg><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>x</script></body></foreignObject></svg>"#
            ),
            (
                "doctype",
                #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/passwd">]><svg><text>&e;</text></svg>"#
            ),
            (
                "style",
                #"<svg><style>@import url(x.css)</style><g style="fill:url(https://e/x)"/></svg>"#
            ),
            ("nested", #"<svg><script><g></script><script>alert(1)</script></svg>"#),
            ("unterminated", #"<svg><a"onmouseover=alert(1) href="https://x">t</a><g"#),
            ("cdata", #"<svg><![CDATA[<script>x</script>]]><!-- <script>y</script> --></svg>"#),
        ]
        let regressions = Reliability.root.appendingPathComponent("Fuzz/Regressions/FuzzRender")
        for name in (try? Reliability.files(in: regressions)) ?? [] {
            let data = try Data(contentsOf: regressions.appendingPathComponent(name))
            if data.first == UInt8(ascii: "<") {
                inputs.append((name, String(decoding: data, as: UTF8.self)))
            }
        }
        for (name, input) in inputs {
            let out = SVGPostProcessor.process(
                input, id: "t", title: "T", description: "D", theme: .light)
            let findings = SVGScan.findings(out, mustParse: false)
            #expect(findings.isEmpty, "\(name): \(findings)\n\(out)")
        }
    }
}
