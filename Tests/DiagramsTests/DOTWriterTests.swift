import Diagrams
import Foundation
import StakeholderModel
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Views of the core fixture used across these tests.
enum CoreViews {
    static let overview = ViewSpec(
        name: "core-overview", title: "The Bali Process: core",
        description: "The co-chairs and the Steering Group, with their members.",
        layout: ViewLayout(clusterBy: [Reference("member-of")]))
    static let path = ViewSpec(
        name: "core-path", title: nil,
        selection: ViewSelection(
            path: PathSelection(from: Reference("Thailand"), to: Reference("Co-Chairs"))),
        layout: ViewLayout(direction: .LR, edgeLabels: true))
    static let ego = ViewSpec(
        name: "core-ego", title: "Around Australia",
        selection: ViewSelection(ego: EgoSelection(node: Reference("AUS"))),
        layout: ViewLayout(engine: .twopi, root: Reference("australia")))
    static let states = ViewSpec(
        name: "core-states", title: "States",
        selection: ViewSelection(
            kinds: [Reference("state")],
            linked: LinkedSelection(via: [Reference("member-of")])),
        layout: ViewLayout(engine: .neato, theme: "mono"))
    static let all = [overview, path, ego, states]
}

@Suite("DOT writer")
struct DOTWriterTests {
    @Test(
        "golden DOT for two views of the core fixture",
        arguments: [CoreViews.overview, CoreViews.path])
    func golden(view: ViewSpec) throws {
        let diagram = try Support.diagram(view, try Support.core())
        try Golden.check(diagram.dot, against: view.name + ".dot")
    }

    @Test("the same input gives byte-identical DOT and summary", arguments: CoreViews.all)
    func deterministic(view: ViewSpec) throws {
        let first = try Support.diagram(view, try Support.core())
        let second = try Support.diagram(view, try Support.core())
        #expect(first.dot == second.dot)
        #expect(first.summary == second.summary)
    }

    @Test("every selected node and edge is drawn, and nothing else", arguments: CoreViews.all)
    func everyNodeDrawn(view: ViewSpec) throws {
        let model = try Support.core()
        let selection = try #require(ViewSelector.select(view, from: model).selection)
        let dot = DOTWriter(engine: view.layout.engine).write(selection).dot
        let statements = DOTReading.nodeStatements(dot)
        #expect(Set(statements.keys) == Set(selection.nodes.map(\.id) + ["_legend"]))
        for node in selection.nodes {
            let statement = try #require(statements[node.id])
            #expect(DOTReading.attribute("id", in: statement) == "n-" + node.id)
            #expect(
                DOTReading.attribute("class", in: statement)?.hasPrefix("kind-" + node.kind) == true
            )
        }
        #expect(DOTReading.edgeStatements(dot).count == selection.edges.count)
    }

    @Test("the legend lists exactly the kinds and relations drawn", arguments: CoreViews.all)
    func legendIsExact(view: ViewSpec) throws {
        let model = try Support.core()
        let selection = try #require(ViewSelector.select(view, from: model).selection)
        let dot = DOTWriter(engine: view.layout.engine).write(selection).dot
        #expect(DOTReading.htmlIDs(dot, prefix: "legend-kind-") == Set(selection.nodes.map(\.kind)))
        #expect(
            DOTReading.htmlIDs(dot, prefix: "legend-rel-") == Set(selection.edges.map(\.relation)))
        // In schema order within the legend: kinds by rank, relations by declaration.
        for relation in selection.model.schema.relations
        where Set(selection.edges.map(\.relation)).contains(relation.id) {
            #expect(dot.contains(">" + relation.label + "<"))
        }
    }

    @Test("the legend only describes boxes, outlines, sizes and cut points when they are drawn")
    func legendNotes() throws {
        let model = try Support.core()
        let plain = try Support.diagram(ViewSpec(name: "p", title: "P"), model).dot
        #expect(
            DOTReading.htmlIDs(plain, prefix: "legend-").allSatisfy {
                $0.hasPrefix("kind-") || $0.hasPrefix("rel-")
            })
        let overview = try Support.diagram(CoreViews.overview, model).dot
        #expect(DOTReading.htmlIDs(overview, prefix: "legend-cluster").count == 1)
        let ego = try Support.diagram(CoreViews.ego, model).dot
        #expect(DOTReading.htmlIDs(ego, prefix: "legend-focus").count == 1)
    }

    @Test("title, footer with both dates, sources cited by what is drawn")
    func titleAndFooter() throws {
        let model = try TestModels.overlapModel()
        let view = ViewSpec(
            name: "early", title: "Early days", description: "Before 2010.",
            selection: ViewSelection(
                kinds: [Reference("working-group")], asOf: .date(PartialDate("2005")!)))
        let diagram = try Support.diagram(
            view, model, options: DiagramOptions(dataLabel: "Data/x.yaml"))
        #expect(
            diagram.dot.contains("label=<<FONT POINT-SIZE=\"20\"><B>Early days</B></FONT><BR/>"))
        #expect(
            diagram.dot.contains("Data as of 2024-06 · drawn as of 2005 · Overlapping memberships"))
        // wg-c (S2) did not exist yet: only S1 is cited.
        #expect(diagram.dot.contains("Sources: S1 — see Data/x.yaml"))
        #expect(diagram.title == "Early days")
        #expect(
            diagram.summary
                == "Before 2010. The diagram shows 2 nodes (Working groups: 2) and 0 ties. Data as of 2024-06 · drawn as of 2005 · Overlapping memberships. Sources: S1 — see Data/x.yaml."
        )
        let current = try Support.diagram(
            ViewSpec(name: "now", title: "Now", selection: ViewSelection(asOf: .current)), model)
        #expect(current.dot.contains("Data as of 2024-06 · historical bodies and ties left out"))
        #expect(current.dot.contains("Sources: S1, S2, S3 — see overlap.yaml"))
    }

    @Test("a long list of sources is cut, naming how many more")
    func manySources() throws {
        var text = TestModels.overlap.replacingOccurrences(
            of: "  - {id: S3, title: Third source}",
            with: (3...20).map { "  - {id: S\($0), title: Source \($0)}" }.joined(separator: "\n"))
        text = text.replacingOccurrences(
            of: "{id: gamma, kind: state, name: Gammaland, sources: [S1]}",
            with: "{id: gamma, kind: state, name: Gammaland, sources: ["
                + (3...20).map { "S\($0)" }.joined(separator: ", ") + "]}")
        let model = try Support.model(text: text)
        let dot = try Support.diagram(ViewSpec(name: "all", title: "All"), model).dot
        #expect(
            dot.contains(
                "Sources: S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12 and 8 more — see test.yaml"
            ))
    }

    @Test("nodes carry CSS-safe ids, classes, tooltips; edges ids, classes and a sentence")
    func idsAndTooltips() throws {
        let model = try TestModels.overlapModel()
        let dot = try Support.diagram(ViewSpec(name: "all", title: "All"), model).dot
        let alpha = try #require(DOTReading.nodeStatements(dot)["alpha"])
        #expect(DOTReading.attribute("tooltip", in: alpha) == "Alphaland (AL)\nState")
        #expect(DOTReading.attribute("class", in: alpha) == "kind-state")
        let wgc = try #require(DOTReading.nodeStatements(dot)["wg-c"])
        #expect(
            DOTReading.attribute("tooltip", in: wgc) == "Working Group C\nWorking group, since 2010"
        )
        let edges = DOTReading.edgeStatements(dot)
        let chairs = try #require(edges.first { $0.contains("id=\"e-alpha--chairs--sg\"") })
        #expect(
            DOTReading.attribute("tooltip", in: chairs)
                == "Alphaland chairs the Steering Group (since 2020)")
        #expect(DOTReading.attribute("class", in: chairs) == "rel-chairs")
        // Parallel ties keep distinct ids.
        let ids = edges.compactMap { DOTReading.attribute("id", in: $0) }
        #expect(Set(ids).count == ids.count)
        #expect(
            ids.contains("e-alpha--member-of--wg-a") && ids.contains("e-alpha--member-of--wg-a-2"))
    }

    @Test("overlapping memberships stay visible: a node on several bodies keeps an edge to each")
    func overlap() throws {
        let model = try TestModels.overlapModel()
        let view = ViewSpec(
            name: "wgs", title: "Working groups",
            selection: ViewSelection(
                kinds: [Reference("working-group"), Reference("state")],
                relations: [Reference("member-of")], asOf: .current),
            layout: ViewLayout(clusterBy: [Reference("member-of")]))
        let dot = try Support.diagram(view, model).dot
        let clusters = DOTReading.clusters(dot)
        // Betaland belongs to one working group only: it is drawn inside it.
        #expect(clusters["cluster_wg-a"] == ["wg-a", "beta"])
        #expect(clusters.count == 1)
        // Alphaland (three groups) and Gammaland (two) are in no cluster and keep visible edges.
        let inside = clusters.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(!inside.contains("alpha") && !inside.contains("gamma"))
        let edges = DOTReading.edgeStatements(dot)
        func visible(_ from: String, _ to: String) -> Int {
            edges.filter {
                $0.contains("id=\"e-\(from)--member-of--\(to)") && !$0.contains("style=\"invis\"")
            }.count
        }
        #expect(visible("alpha", "wg-a") == 2)  // two sourced ties, two lines
        #expect(visible("alpha", "wg-b") == 1)
        #expect(visible("alpha", "wg-c") == 1)
        #expect(visible("gamma", "wg-b") == 1 && visible("gamma", "wg-c") == 1)
        // Betaland's tie is kept as an invisible edge with its own id, shown by containment.
        #expect(
            edges.contains {
                $0.contains("id=\"e-beta--member-of--wg-a\"") && $0.contains("contained")
            })

        // An engine that cannot keep clusters apart draws every membership as an edge.
        let radial = try Support.diagram(view, model, options: DiagramOptions(engine: .twopi)).dot
        #expect(DOTReading.clusters(radial).isEmpty)
        #expect(!radial.contains("invis"))
        #expect(DOTReading.edgeStatements(radial).count == 7)
    }

    @Test("clusters nest when a container itself belongs to exactly one body; cycles do not nest")
    func nesting() throws {
        let text =
            TestModels.overlap + """

                  - {from: wg-a, relation: member-of, to: sg, sources: [S1]}
                  - {from: sg, relation: member-of, to: wg-c, sources: [S1]}
                  - {from: wg-c, relation: member-of, to: sg, sources: [S1]}
                """
        let model = try Support.model(text: text)
        let view = ViewSpec(
            name: "n", title: "N", selection: ViewSelection(relations: [Reference("member-of")]),
            layout: ViewLayout(clusterBy: [Reference("member-of")]))
        let clusters = DOTReading.clusters(try Support.diagram(view, model).dot)
        // wg-a belongs to sg only, beta to wg-a only: beta's box sits inside sg's box.
        #expect(clusters["cluster_wg-a"] == ["wg-a", "beta"])
        #expect(clusters["cluster_sg"]?.isSuperset(of: ["sg", "wg-a", "beta"]) == true)
        // sg and wg-c belong to each other: sg, first in file order, stays out of wg-c.
        #expect(clusters["cluster_sg"] == ["sg", "wg-a", "beta", "wg-c", "delta"])
        #expect(clusters["cluster_wg-c"] == ["wg-c", "delta"])
    }

    @Test("styling comes from the schema and the theme")
    func styling() throws {
        let model = try TestModels.overlapModel()
        let light = try Support.diagram(ViewSpec(name: "s", title: "S"), model).dot
        let group = try #require(DOTReading.nodeStatements(light)["sg"])
        #expect(DOTReading.attribute("shape", in: group) == "box3d")
        // No schema colour: a palette colour picked by a stable hash of the kind id.
        let kind = try #require(model.schema.kind("group"))
        #expect(DOTReading.attribute("fillcolor", in: group) == Theme.light.fill(for: kind))
        #expect(Theme.light.kindPalette.contains(Theme.light.fill(for: kind)))
        #expect(Theme.light.fill(for: kind) == "#9fc7e0")
        // Relations without a style of their own get the default; chairs has one.
        let chairs = Theme.light.edgeStyle(for: "chairs")
        #expect(chairs.arrowhead == .diamond && chairs.width > 1)
        #expect(Theme.light.edgeStyle(for: "no-such-relation") == Theme.light.defaultEdgeStyle)
        // mono: greys only.
        let mono = try Support.diagram(
            ViewSpec(name: "s", title: "S"), model, options: DiagramOptions(theme: .mono)
        ).dot
        for statement in DOTReading.nodeStatements(mono).values {
            guard let fill = DOTReading.attribute("fillcolor", in: statement) else { continue }
            let hex = Array(fill.dropFirst())
            #expect(hex[0..<2] == hex[2..<4] && hex[2..<4] == hex[4..<6], "\(fill) is not grey")
        }
        // Text stays readable on dark fills.
        #expect(Theme.light.text(on: "#0072b2") == "#ffffff")
        #expect(Theme.light.text(on: "#f0e442") == Theme.light.ink)
    }

    @Test("higher tiers sit above lower ones in layered drawings: ties are written top-down")
    func tiers() throws {
        let model = try Support.core()
        let dot = try Support.diagram(
            ViewSpec(name: "t", title: "T", layout: ViewLayout(tiers: true)), model
        ).dot
        let edge = try #require(
            DOTReading.edgeStatements(dot).first {
                $0.contains("e-australia--member-of--steering-group")
            })
        #expect(edge.hasPrefix("\"steering-group\" -> \"australia\""))
        #expect(edge.contains("dir=\"back\"") && edge.contains("arrowtail=\"normal\""))
        #expect(dot.contains("rank=\"same\";\n    \"australia\";\n    \"indonesia\";"))
        let radial = try Support.diagram(CoreViews.ego, model).dot
        #expect(radial.contains("\"australia\" -> \"steering-group\""))
        #expect(radial.contains("root=\"australia\""))
    }

    @Test("connector views size nodes by the measure and double the outline of cut points")
    func connectorStyling() throws {
        let model = try TestModels.overlapModel()
        let analytics = ViewAnalytics(
            measure: { _, _ in ["sg": 0.8, "alpha": 0.2, "wg-a": 0.05] },
            cutPoints: { _ in ["sg"] })
        let view = ViewSpec(
            name: "c", title: "C", selection: ViewSelection(connectors: ConnectorSelection(top: 3)),
            layout: ViewLayout(engine: .neato))
        let dot = try Support.diagram(view, model, analytics: analytics).dot
        let nodes = DOTReading.nodeStatements(dot)
        let sg = try #require(nodes["sg"])
        let alpha = try #require(nodes["alpha"])
        #expect(DOTReading.attribute("peripheries", in: sg) == "2")
        #expect(DOTReading.attribute("peripheries", in: alpha) == nil)
        let width = { (s: String) in Double(DOTReading.attribute("width", in: s) ?? "") ?? 0 }
        let wga = try #require(nodes["wg-a"])
        #expect(width(sg) > width(alpha) && width(alpha) > width(wga))
        #expect(
            DOTReading.attribute("tooltip", in: sg)?.contains("Betweenness 0.800 (rank 1)") == true)
        #expect(DOTReading.htmlIDs(dot, prefix: "legend-").isSuperset(of: ["size", "cut-point"]))
    }

    @Test(
        "only allow-listed attributes are written; never concentrate or ortho splines",
        arguments: CoreViews.all)
    func allowList(view: ViewSpec) throws {
        let dot = try Support.diagram(view, try Support.core()).dot
        let allowed: Set<String> = [
            "arrowhead", "arrowsize", "arrowtail", "bgcolor", "color", "dir", "fillcolor",
            "fixedsize", "fontcolor", "fontname", "fontsize", "height", "id", "label", "labeljust",
            "labelloc", "margin", "mindist", "newrank", "nodesep", "outputorder", "overlap", "pad",
            "penwidth", "peripheries", "rank", "rankdir", "ranksep", "root", "shape", "splines",
            "style", "tooltip", "width", "class", "URL",
        ]
        // Attribute names stand after "[", ", " or at a line's start (rank=…), before '='.
        var stripped = dot
        for label in DOTReading.lex(dot).htmlLabels {
            stripped = stripped.replacingOccurrences(of: label, with: "")
        }
        let pattern = try NSRegularExpression(
            pattern: #"(?:\[|, |^\s*)([A-Za-z_]+)="#, options: [.anchorsMatchLines])
        let range = NSRange(stripped.startIndex..., in: stripped)
        let names = pattern.matches(in: stripped, range: range).compactMap {
            Range($0.range(at: 1), in: stripped).map { String(stripped[$0]) }
        }
        #expect(!names.isEmpty)
        #expect(Set(names).isSubset(of: allowed), "\(Set(names).subtracting(allowed))")
        #expect(!dot.contains("concentrate") && !dot.contains("ortho"))
        #expect(dot.hasPrefix("digraph \"\(view.name)\" {"))
    }

    static let hostile = #"""
        format: baligraph/1
        title: "Title with \"quotes\" & <tags>"
        as_of: 2024
        schema:
          kinds:
            state: {label: "<b>State</b> & \"co\"", plural: States, shape: ellipse}
            group: {label: Group, plural: Groups, shape: box}
          relations:
            member-of: {label: "is <i>in</i> & \"of\"", inverse: has member}
        sources:
          - {id: S1, title: Source}
        nodes:
          - id: evil
            kind: state
            name: "Evil \"quoted\" \\ back\\N <script>alert(1)</script> & co\nsecond \u202Ereversed 🎉"
            short: "E\\vil"
            attributes: {url: "https://example.org/a?b=1&c=2"}
            sources: [S1]
          - id: web
            kind: state
            name: Webland
            attributes: {url: "https://example.org/"}
            sources: [S1]
          - {id: g, kind: group, name: "</TD></TR></TABLE>> ]; \"x\" -> \"y\"; //", sources: [S1]}
        edges:
          - {from: evil, relation: member-of, to: g, sources: [S1], note: "a \"note\""}
        """#

    @Test("hostile names are quoted and escaped, and DOT stays lexically sound")
    func hostileNames() throws {
        var model = try Support.model(text: Self.hostile, file: "hostile.yaml")
        // The loader refuses shapes that read files; a model built in code is checked again.
        model.schema.kinds[0].shape = "epsf"
        let diagram = try Support.diagram(
            ViewSpec(name: "hostile", title: nil, description: "Bad <desc> & \"more\""), model)
        let dot = diagram.dot
        let lexed = DOTReading.lex(dot)
        #expect(lexed.ok)
        #expect(!dot.contains("\u{202E}"))
        // Inside HTML-like labels, markup from the data is escaped…
        for html in lexed.htmlLabels {
            #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<i>"))
        }
        #expect(dot.contains("&lt;b&gt;State&lt;/b&gt; &amp; &quot;co&quot;"))
        #expect(dot.contains("is &lt;i&gt;in&lt;/i&gt; &amp; &quot;of&quot;"))
        #expect(dot.contains("Title with &quot;quotes&quot; &amp; &lt;tags&gt;"))
        // …and quoted strings read back as the text, less the bidi override, with '&' as
        // '&amp;' (Graphviz decodes character references in labels and tooltips).
        let evil = try #require(DOTReading.nodeStatements(dot)["evil"])
        let tooltip = try #require(DOTReading.attribute("tooltip", in: evil))
        #expect(
            tooltip.hasPrefix(
                "Evil \"quoted\" \\ back\\N <script>alert(1)</script> &amp; co\nsecond reversed 🎉 (E\\vil)\n"
            ))
        #expect(DOTReading.attribute("label", in: evil) == "E\\vil")
        #expect(DOTReading.attribute("shape", in: evil) == "box")  // epsf reads files: refused
        let group = try #require(DOTReading.nodeStatements(dot)["g"])
        let label = try #require(DOTReading.attribute("label", in: group))
        #expect(
            label.replacingOccurrences(of: "\n", with: " ")
                == "</TD></TR></TABLE>> ]; \"x\" -> \"y\"; //")
        // HTML-like labels are well-formed XML.
        #if canImport(FoundationXML)
            for html in lexed.htmlLabels {
                let parser = XMLParser(data: Data(("<r>" + html + "</r>").utf8))
                #expect(parser.parse(), "not well-formed: \(html)")
            }
        #endif
        // Graphviz reads it and escapes the names in its SVG.
        if GraphvizCLI.available {
            let run = try GraphvizCLI.run(dot)
            #expect(run.status == 0, "\(run.errors)")
            #expect(!run.errors.contains("syntax error"))
            #expect(!run.output.contains("<script>"))
            #expect(run.output.contains("&lt;script&gt;"))
        }
    }

    @Test("only http(s) URLs become links; javascript: and others never do")
    func urls() throws {
        var model = try Support.model(text: Self.hostile, file: "hostile.yaml")
        let web = try #require(model.index(of: "web"))
        let evil = try #require(model.index(of: "evil"))
        let g = try #require(model.index(of: "g"))
        model.nodes[web].attributes = [("url", .string("javascript:alert(1)"))]
        model.nodes[evil].attributes = [("url", .string(" JAVASCRIPT:alert(1)//https://x.org"))]
        model.nodes[g].attributes = [
            ("url", .list(["data:text/html,<script>", "https://ok.example/"]))
        ]
        var dot = try Support.diagram(ViewSpec(name: "u", title: "U"), model).dot
        #expect(!dot.contains("URL="))
        #expect(!dot.lowercased().contains("javascript"))
        model.nodes[web].attributes = [("url", .string("https://example.org/w?a=1&b=\"2\""))]
        model.nodes[evil].attributes = [("url", .string("HTTPS://Example.org/ok"))]
        dot = try Support.diagram(ViewSpec(name: "u", title: "U"), model).dot
        let statements = DOTReading.nodeStatements(dot)
        #expect(
            DOTReading.attribute("URL", in: try #require(statements["evil"]))
                == "HTTPS://Example.org/ok")
        // A quote is not allowed in a link at all.
        #expect(DOTReading.attribute("URL", in: try #require(statements["web"])) == nil)
    }
}
