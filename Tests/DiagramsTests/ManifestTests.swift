import Diagrams
import Foundation
import StakeholderModel
import Testing

@Suite("View manifest")
struct ManifestTests {
    static let valid = """
        format: baligraph-views/1
        views:
          - name: overview
            title: Overview
            description: Everything.
            select:
              kinds: [process, group, state]
              relations: [member-of, part-of]
              linked: {via: [member-of], kinds: [organisation]}
              as_of: 2024-05
            layout: {engine: dot, direction: LR, theme: mono, cluster_by: [member-of], tiers: true}
          - name: overview-2003
            base: overview
            title: Overview in 2003
            select: {as_of: 2003, linked: null}
          - name: around-sg
            title: Around the Steering Group
            select:
              ego: {node: SG, depth: 2}
            layout: {engine: twopi, root: steering-group, edge_labels: true}
          - name: brokers
            title: Brokers
            select:
              connectors: {top: 3, measure: closeness}
              as_of: current
            layout: {engine: neato}
          - name: route
            title: Route
            select:
              path: {from: Thailand, to: Co-Chairs}
        """

    func parse(_ text: String) -> ViewManifestResult {
        ViewManifest.parse(text: text, file: "views.yaml")
    }

    @Test("a valid manifest gives every view, in file order, with its selection and layout")
    func valid() throws {
        let result = parse(Self.valid)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let manifest = try #require(result.manifest)
        #expect(
            manifest.views.map(\.name) == [
                "overview", "overview-2003", "around-sg", "brokers", "route",
            ])
        let overview = try #require(manifest.view(named: "overview"))
        #expect(overview.title == "Overview")
        #expect(overview.description == "Everything.")
        #expect(overview.outputPath == "Graphs/overview.svg")
        #expect(overview.selection.kinds.map(\.text) == ["process", "group", "state"])
        #expect(overview.selection.relations.map(\.text) == ["member-of", "part-of"])
        #expect(overview.selection.linked?.via.map(\.text) == ["member-of"])
        #expect(overview.selection.asOf == .date(PartialDate("2024-05")!))
        #expect(overview.layout.engine == .dot && overview.layout.direction == .LR)
        #expect(overview.layout.theme == "mono" && overview.layout.tiers)
        #expect(overview.layout.clusterBy.map(\.text) == ["member-of"])
        // Names keep where they were written.
        #expect(
            overview.selection.kinds[1].location
                == SourceLocation(file: "views.yaml", line: 7, column: 24))

        let ego = try #require(manifest.view(named: "around-sg")?.selection.ego)
        #expect(ego.node.text == "SG" && ego.depth == 2)
        #expect(manifest.view(named: "around-sg")?.layout.root?.text == "steering-group")
        #expect(manifest.view(named: "around-sg")?.layout.edgeLabels == true)
        let connectors = try #require(manifest.view(named: "brokers")?.selection.connectors)
        #expect(connectors == ConnectorSelection(top: 3, measure: .closeness))
        #expect(manifest.view(named: "brokers")?.selection.asOf == .current)
        let path = try #require(manifest.view(named: "route")?.selection.path)
        #expect(path.from.text == "Thailand" && path.to.text == "Co-Chairs")
    }

    @Test("a view with a base takes its fields and overrides them key by key; null clears one")
    func base() throws {
        let manifest = try #require(parse(Self.valid).manifest)
        let derived = try #require(manifest.view(named: "overview-2003"))
        #expect(derived.title == "Overview in 2003")
        #expect(derived.description == "Everything.")
        #expect(derived.selection.asOf == .date(PartialDate("2003")!))
        #expect(derived.selection.kinds.map(\.text) == ["process", "group", "state"])
        #expect(derived.selection.linked == nil)
        #expect(derived.layout.direction == .LR && derived.layout.theme == "mono")
    }

    /// A manifest with one view whose body is `body`, indented under `- name: v`.
    func oneView(_ body: String) -> String {
        "format: baligraph-views/1\nviews:\n  - name: v\n    title: V\n" + body
    }

    @Test(
        "mistakes are errors located at the offending text",
        arguments: [
            (
                "    colour: red\n",
                "views.yaml:5:5: error: [unknown-key] unknown key 'colour' in a view"
            ),
            (
                "    layout: {engine: fdp}\n",
                "views.yaml:5:22: error: [invalid-value] invalid engine 'fdp'"
            ),
            (
                "    layout: {direction: up}\n",
                "views.yaml:5:25: error: [invalid-value] invalid direction 'up'"
            ),
            (
                "    layout: {theme: neon}\n",
                "views.yaml:5:21: error: [invalid-value] invalid theme 'neon'"
            ),
            (
                "    layout: {engine: twopi, cluster_by: [member-of]}\n",
                "views.yaml:5:41: error: [invalid-value] cluster_by needs an engine that keeps clusters apart; 'twopi' does not"
            ),
            (
                "    select: {as_of: 2023-02-30}\n",
                "views.yaml:5:21: error: [invalid-date] invalid date '2023-02-30'"
            ),
            (
                "    select: {ego: {node: a, depth: 0}}\n",
                "views.yaml:5:36: error: [invalid-value] ego depth 0 is out of range: expected 1…10"
            ),
            (
                "    select: {connectors: {top: many}}\n",
                "views.yaml:5:32: error: [invalid-value] invalid connectors top 'many': expected a whole number"
            ),
            (
                "    select: {connectors: {measure: fame}}\n",
                "views.yaml:5:36: error: [invalid-value] invalid connector measure 'fame'"
            ),
            (
                "    select: {ego: {node: a}, path: {from: a, to: b}}\n",
                "views.yaml:5:36: error: [invalid-value] a view selects by one of ego, path or connectors, not ego and path"
            ),
            (
                "    select: {path: {from: a}}\n",
                "views.yaml:5:20: error: [missing-key] path of view 'v' has no 'to'"
            ),
            (
                "    select: {kinds: {a: b}}\n",
                "views.yaml:5:21: error: [wrong-type] kinds must be a list of text"
            ),
            (
                "    select: {as_of: 2012, ego: {node: x, dept: 2}}\n",
                "views.yaml:5:42: error: [unknown-key] unknown key 'dept' in ego of view 'v'"
            ),
            (
                "    base: nowhere\n",
                "views.yaml:5:11: error: [unknown-node] base view 'nowhere' is not declared in this manifest"
            ),
        ])
    func located(body: String, expected: String) {
        let result = parse(oneView(body))
        #expect(result.manifest == nil)
        let lines = result.diagnostics.map(\.formatted)
        #expect(
            lines.contains { $0.hasPrefix(expected) }, "got \(lines), expected \(expected)")
    }

    @Test("an unknown key suggests the nearest and lists the allowed ones")
    func unknownKeyNotes() throws {
        let result = parse(oneView("    layout: {engin: dot}\n"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error && diagnostic.code == .unknownKey)
        #expect(diagnostic.notes.first == "did you mean 'engine'?")
        #expect(diagnostic.notes.last?.hasPrefix("allowed keys: engine, direction, theme") == true)
    }

    @Test("fdp and sfdp are refused: they cannot give byte-identical output")
    func nondeterministicEngines() {
        for engine in ["fdp", "sfdp"] {
            let result = parse(oneView("    layout: {engine: \(engine)}\n"))
            let text = result.diagnostics.map(\.formatted).joined(separator: "\n")
            #expect(text.contains("invalid engine '\(engine)'"))
            #expect(text.contains("expected one of: dot, neato, circo, twopi, osage, patchwork"))
        }
    }

    @Test("the file's own problems: format, views, duplicates, cycles, YAML syntax, size")
    func fileProblems() {
        func messages(_ text: String) -> [String] {
            parse(text).diagnostics.map(\.formatted)
        }
        #expect(
            messages("format: baligraph-views/9\nviews: []\n").first?.hasPrefix(
                "views.yaml:1:9: error: [unsupported-format] unsupported view manifest format 'baligraph-views/9'"
            ) == true)
        #expect(
            messages("views: []\n").first
                == "views.yaml:1:1: error: [missing-key] the view manifest has no 'format'")
        #expect(
            messages("format: baligraph-views/1\nviews: {a: 1}\n").first
                == "views.yaml:2:8: error: [wrong-type] views must be a list")
        let twice = """
            format: baligraph-views/1
            views:
              - {name: a, title: A}
              - {name: a, title: Again}
            """
        #expect(
            messages(twice).first?.hasPrefix(
                "views.yaml:4:12: error: [duplicate-id] duplicate view name 'a'") == true)
        let cycle = """
            format: baligraph-views/1
            views:
              - {name: a, base: b, title: A}
              - {name: b, base: a, title: B}
            """
        #expect(messages(cycle).contains { $0.contains("[cycle] views are each other's base") })
        #expect(
            messages("format: baligraph-views/1\nviews:\n  - {name: Bad Name, title: X}\n")
                .first?.hasPrefix(
                    "views.yaml:3:12: error: [invalid-id] invalid view name 'Bad Name'")
                == true)
        #expect(
            messages("format: baligraph-views/1\nviews:\n  - {name: a}\n").first
                == "views.yaml:3:5: error: [missing-key] view 'a' has no 'title'")
        #expect(
            messages("format: [unclosed\n").first?.hasPrefix(
                "views.yaml:2:1: error: [syntax] the view manifest is not valid YAML") == true)
        #expect(
            messages("").first?.hasPrefix(
                "views.yaml:1:1: error: [syntax] the view manifest is empty")
                == true)
        #expect(
            messages("format: a\u{0}b\n").first?.hasPrefix(
                "views.yaml:1:10: error: [encoding]") == true)
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(messages("views: " + deep + "\n").first?.contains("[too-deep]") == true)
        let huge = "format: baligraph-views/1\n# " + String(repeating: "x", count: 1_100_000)
        #expect(messages(huge).first?.contains("[too-large]") == true)
    }

    @Test("every problem in the file is reported at once, in file order")
    func allAtOnce() {
        let text = """
            format: baligraph-views/1
            views:
              - name: a
                title: A
                layout: {engine: fdp}
              - name: b
                title: B
                select: {as_of: someday}
            """
        let lines = parse(text).diagnostics.map(\.formatted)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("views.yaml:5:22:") == true)
        #expect(lines.last?.hasPrefix("views.yaml:8:21:") == true)
    }

    @Test("names are checked against the model: kinds, relations and nodes, with suggestions")
    func checkedAgainstModel() throws {
        let text = """
            format: baligraph-views/1
            views:
              - name: a
                title: A
                select:
                  kinds: [state, grup]
                  relations: [membre-of]
                  nodes: [Australie]
              - name: b
                title: B
                select: {ego: {node: Thailand}}
            """
        let manifest = try #require(parse(text).manifest)
        let lines = manifest.check(against: try Support.core()).map(\.formatted)
        #expect(
            lines == [
                "views.yaml:6:22: error: [unknown-kind] the model has no kind 'grup'\n    note: did you mean 'group'?",
                "views.yaml:7:19: error: [unknown-relation] the model has no relation 'membre-of'\n    note: did you mean 'member-of'?",
                "views.yaml:8:15: error: [unknown-node] no node is named 'Australie'\n    note: did you mean 'Australia'?",
            ])
    }

    @Test("ad-hoc views go through the same rules, located on the command line")
    func adHoc() throws {
        let good = ViewSpec.adHoc(
            selection: ViewSelection(ego: EgoSelection(node: Reference("Thailand"), depth: 2)))
        #expect(good.diagnostics.isEmpty)
        #expect(good.view?.name == "view" && good.view?.title == nil)

        let bad = ViewSpec.adHoc(
            selection: ViewSelection(
                ego: EgoSelection(node: Reference("Thailand"), depth: 99),
                path: PathSelection(from: Reference("a"), to: Reference("b"))),
            layout: ViewLayout(engine: .circo, theme: "neon", clusterBy: [Reference("member-of")]))
        #expect(bad.view == nil)
        #expect(
            bad.diagnostics.map(\.formatted).map { $0.components(separatedBy: "\n")[0] } == [
                "<command line>:0:0: error: [invalid-value] a view selects by one of ego, path or connectors, not ego and path",
                "<command line>:0:0: error: [invalid-value] ego depth 99 is out of range: expected 1…10",
                "<command line>:0:0: error: [invalid-value] invalid theme 'neon'",
                "<command line>:0:0: error: [invalid-value] cluster_by needs an engine that keeps clusters apart; 'circo' does not",
            ])
    }

    /// The repository's manifest and data, two folders up from this file.
    static let repository = Support.here.deletingLastPathComponent().deletingLastPathComponent()

    @Test("Graphs/views.yaml parses and every view selects something in Data/bali-process.yaml")
    func realManifest() throws {
        let text = try String(
            contentsOf: Self.repository.appendingPathComponent("Graphs/views.yaml"), encoding: .utf8
        )
        let result = ViewManifest.parse(text: text, file: "Graphs/views.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let manifest = try #require(result.manifest)
        for expected in [
            "structure", "structure-2003", "structure-2012", "membership", "working-groups", "rso",
            "connectors",
        ] {
            #expect(manifest.view(named: expected) != nil, "missing view \(expected)")
        }
        let data = try String(
            contentsOf: Self.repository.appendingPathComponent("Data/bali-process.yaml"),
            encoding: .utf8)
        let loaded = NativeLoader.load(text: data, file: "Data/bali-process.yaml")
        let model = try #require(loaded.model, "\(loaded.diagnostics.map(\.formatted))")
        // The graph engine is not a dependency here: degree stands in for the connector
        // measure, which is enough to check every name and that every view draws something.
        let analytics = ViewAnalytics(
            measure: { graph, _ in ViewAnalytics.degreeCentrality(in: graph) },
            cutPoints: { _ in [] })
        let problems = manifest.check(against: model, analytics: analytics)
        #expect(problems.isEmpty, "\(problems.map(\.formatted))")
        for view in manifest.views {
            let built = DiagramBuilder.build(
                view, model: model, analytics: analytics,
                options: DiagramOptions(dataLabel: "Data/bali-process.yaml"))
            let diagram = try #require(built.diagram, "\(view.name)")
            #expect(diagram.dot.contains("Sources: S"), "\(view.name) cites no source")
        }
    }
}
