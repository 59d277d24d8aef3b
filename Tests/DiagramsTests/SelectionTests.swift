import Diagrams
import Foundation
import StakeholderModel
import Testing

/// Small models written for these tests.
enum TestModels {
    /// Three working groups; Alphaland sits on all three, Gammaland on two, Betaland on one;
    /// the working groups report to the Steering Group, which Alphaland chairs from 2020.
    static let overlap = """
        format: baligraph/1
        title: Overlapping memberships
        as_of: 2024-06
        schema:
          kinds:
            group: {label: Group, plural: Groups, shape: box3d, rank: 1, article: the}
            working-group: {label: Working group, plural: Working groups, shape: component, rank: 2, article: the}
            state: {label: State, plural: States, shape: ellipse, rank: 4}
          relations:
            member-of: {label: is a member of, inverse: has member}
            reports-to: {label: reports to, inverse: receives reports from}
            chairs: {label: chairs, inverse: is chaired by}
        sources:
          - {id: S1, title: First source}
          - {id: S2, title: Second source}
          - {id: S3, title: Third source}
        nodes:
          - {id: sg, kind: group, name: Steering Group, sources: [S1]}
          - {id: wg-a, kind: working-group, name: Working Group A, sources: [S1]}
          - {id: wg-b, kind: working-group, name: Working Group B, sources: [S1]}
          - {id: wg-c, kind: working-group, name: Working Group C, sources: [S2], since: 2010}
          - {id: alpha, kind: state, name: Alphaland, short: AL, sources: [S1]}
          - {id: beta, kind: state, name: Betaland, sources: [S2]}
          - {id: gamma, kind: state, name: Gammaland, sources: [S1]}
          - {id: delta, kind: state, name: Deltaland, sources: [S1], until: 2015}
        edges:
          - {from: wg-a, relation: reports-to, to: sg, sources: [S1]}
          - {from: wg-b, relation: reports-to, to: sg, sources: [S1]}
          - {from: wg-c, relation: reports-to, to: sg, sources: [S1]}
          - {from: alpha, relation: member-of, to: wg-a, sources: [S1]}
          - {from: alpha, relation: member-of, to: wg-b, sources: [S1]}
          - {from: alpha, relation: member-of, to: wg-c, sources: [S3]}
          - {from: beta, relation: member-of, to: wg-a, sources: [S2]}
          - {from: gamma, relation: member-of, to: wg-b, sources: [S1]}
          - {from: gamma, relation: member-of, to: wg-c, sources: [S1]}
          - {from: delta, relation: member-of, to: wg-c, sources: [S1]}
          - {from: alpha, relation: chairs, to: sg, sources: [S1], since: 2020}
          - {from: beta, relation: chairs, to: sg, sources: [S2], until: 2019}
          - {from: alpha, relation: member-of, to: wg-a, sources: [S2], since: 2021}
        """

    static func overlapModel() throws -> Model {
        try Support.model(text: overlap, file: "overlap.yaml")
    }
}

@Suite("Selecting what a view draws")
struct SelectionTests {
    func select(_ view: ViewSpec, _ model: Model, analytics: ViewAnalytics = .standalone)
        -> SelectionResult
    {
        ViewSelector.select(view, from: model, analytics: analytics)
    }

    func view(_ selection: ViewSelection, layout: ViewLayout = ViewLayout()) -> ViewSpec {
        ViewSpec(name: "t", title: "T", selection: selection, layout: layout)
    }

    func ids(_ result: SelectionResult) -> [String] {
        result.selection?.nodes.map(\.id) ?? []
    }

    @Test("with no selection, the whole model in file order")
    func whole() throws {
        let model = try Support.core()
        let result = select(view(ViewSelection()), model)
        #expect(ids(result) == model.nodes.map(\.id))
        #expect(result.selection?.edges == model.edges)
    }

    @Test("kinds select nodes and relations select edges; edges need both ends drawn")
    func kindsAndRelations() throws {
        let model = try TestModels.overlapModel()
        let result = select(
            view(
                ViewSelection(
                    kinds: [Reference("working-group"), Reference("group")],
                    relations: [Reference("reports-to")])), model)
        #expect(ids(result) == ["sg", "wg-a", "wg-b", "wg-c"])
        let edges = try #require(result.selection?.edges)
        #expect(edges.count == 3 && edges.allSatisfy { $0.relation == "reports-to" })
    }

    @Test("an ego neighbourhood follows ties in both directions, to the depth asked")
    func ego() throws {
        let model = try TestModels.overlapModel()
        let one = select(view(ViewSelection(ego: EgoSelection(node: Reference("Betaland")))), model)
        #expect(ids(one) == ["sg", "wg-a", "beta"])
        #expect(one.selection?.focus == ["beta"])
        #expect(one.selection?.title == "T")
        let two = select(
            view(ViewSelection(ego: EgoSelection(node: Reference("beta"), depth: 2))), model)
        // Checked against a neighbourhood computed here from the edges.
        var reached: Set<String> = ["beta"]
        for _ in 0..<2 {
            var next = reached
            for edge in model.edges
            where reached.contains(edge.from) || reached.contains(edge.to) {
                next.insert(edge.from)
                next.insert(edge.to)
            }
            reached = next
        }
        #expect(ids(two) == model.nodes.map(\.id).filter { reached.contains($0) })
    }

    @Test("a path view draws a shortest path, found breadth-first without a graph engine")
    func path() throws {
        let model = try Support.core()
        let result = select(
            view(
                ViewSelection(
                    path: PathSelection(from: Reference("Thailand"), to: Reference("Co-Chairs")))),
            model)
        let selection = try #require(result.selection)
        #expect(selection.path.count == 4)
        #expect(selection.path.first == "thailand" && selection.path.last == "co-chairs")
        #expect(selection.focus == ["thailand", "co-chairs"])
        // Consecutive nodes are tied, and every drawn edge joins two path nodes.
        for (a, b) in zip(selection.path, selection.path.dropFirst()) {
            #expect(
                model.edges.contains { ($0.from, $0.to) == (a, b) || ($0.from, $0.to) == (b, a) })
        }
        #expect(Set(selection.nodes.map(\.id)) == Set(selection.path))
    }

    @Test("an injected path finder is used, and its answer is checked")
    func injectedPath() throws {
        let model = try Support.core()
        let analytics = ViewAnalytics(shortestPath: { graph, from, to in
            [from, "iom", "steering-group", to]
        })
        let spec = view(
            ViewSelection(path: PathSelection(from: Reference("australia"), to: Reference("unhcr")))
        )
        #expect(
            select(spec, model, analytics: analytics).selection?.path == [
                "australia", "iom", "steering-group", "unhcr",
            ])
        let broken = ViewAnalytics(shortestPath: { _, _, _ in ["nowhere"] })
        let result = select(spec, model, analytics: broken)
        #expect(result.selection == nil)
        #expect(
            result.diagnostics.first?.message
                == "no path joins 'australia' and 'unhcr' in this view")
    }

    @Test("no path in the view's relations is an error")
    func noPath() throws {
        let model = try TestModels.overlapModel()
        let result = select(
            view(
                ViewSelection(
                    relations: [Reference("reports-to")],
                    path: PathSelection(from: Reference("beta"), to: Reference("sg")))), model)
        #expect(result.selection == nil)
        #expect(result.diagnostics.map(\.code) == [.invalidValue])
    }

    @Test("connectors: top-k by the injected measure, zeros dropped, cut points kept")
    func connectors() throws {
        let model = try TestModels.overlapModel()
        let values: [String: Double] = [
            "sg": 0.5, "wg-a": 0.2, "wg-b": 0.2, "wg-c": 0.1, "alpha": 0.4, "beta": 0, "gamma": 0,
        ]
        let analytics = ViewAnalytics(
            measure: { graph, measure in
                #expect(measure == .betweenness)
                return values.filter { graph.node($0.key) != nil }
            },
            cutPoints: { _ in ["sg", "alpha", "wg-c"] })
        let result = select(
            view(ViewSelection(connectors: ConnectorSelection(top: 4))), model, analytics: analytics
        )
        let selection = try #require(result.selection)
        // Ties (wg-a and wg-b) keep file order.
        #expect(selection.measure?.ranking == ["sg", "alpha", "wg-a", "wg-b"])
        #expect(selection.nodes.map(\.id) == ["sg", "wg-a", "wg-b", "alpha"])
        #expect(selection.cutPoints == ["sg", "alpha"])
        #expect(selection.title == "T")
        let many = select(
            view(ViewSelection(connectors: ConnectorSelection(top: 50))), model,
            analytics: analytics)
        #expect(many.selection?.measure?.ranking.count == 5)
    }

    @Test("without a graph engine, betweenness and cut points are reported missing")
    func standaloneConnectors() throws {
        let model = try Support.core()
        let result = select(view(ViewSelection(connectors: ConnectorSelection())), model)
        #expect(result.selection == nil)
        #expect(
            Set(result.diagnostics.map(\.message)) == [
                "this view needs the betweenness of each node, which no graph engine supplied",
                "this view needs cut points, which no graph engine supplied",
            ])
    }

    @Test("as of a date: nodes and ties valid then; a node named but absent then is an error")
    func asOf() throws {
        let model = try TestModels.overlapModel()
        let early = select(view(ViewSelection(asOf: .date(PartialDate("2005")!))), model)
        #expect(!ids(early).contains("wg-c") && ids(early).contains("delta"))
        #expect(early.selection?.asOf == PartialDate("2005"))
        let chairs = early.selection?.edges.filter { $0.relation == "chairs" }.map(\.from)
        #expect(chairs == ["beta"])
        let current = select(view(ViewSelection(asOf: .current)), model)
        #expect(!ids(current).contains("delta"))
        #expect(
            current.selection?.edges.filter { $0.relation == "chairs" }.map(\.from) == ["alpha"])

        let ego = select(
            view(
                ViewSelection(
                    ego: EgoSelection(
                        node: Reference("wg-c", at: SourceLocation(file: "v", line: 3, column: 9))),
                    asOf: .date(PartialDate("2005")!))), model)
        #expect(ego.selection == nil)
        #expect(
            ego.diagnostics.map(\.formatted) == [
                "v:3:9: error: [unknown-node] node 'wg-c' is not in the model as of 2005\n    note: pick another date, or another node"
            ])
        #expect(
            select(view(ViewSelection(asOf: .date(PartialDate("2005")!))), model).selection?.title
                == "T")
        let adHoc = ViewSpec(
            name: "a", title: nil, selection: ViewSelection(asOf: .date(PartialDate("2005")!)))
        #expect(select(adHoc, model).selection?.title == "Overlapping memberships (as of 2005)")
    }

    @Test("explicit nodes, exclusions and linked neighbours")
    func linked() throws {
        let model = try TestModels.overlapModel()
        let result = select(
            view(
                ViewSelection(
                    kinds: [Reference("working-group")], relations: [Reference("reports-to")],
                    nodes: [Reference("Steering Group")], exclude: [Reference("wg-b")],
                    linked: LinkedSelection(
                        via: [Reference("member-of")], kinds: [Reference("state")]))),
            model)
        #expect(ids(result) == ["sg", "wg-a", "wg-c", "alpha", "beta", "gamma", "delta"])
        let relations = Set(result.selection?.edges.map(\.relation) ?? [])
        #expect(relations == ["reports-to", "member-of"])
        #expect(result.selection?.edges.contains { $0.to == "wg-b" } == false)
    }

    @Test("generated titles describe ad-hoc views")
    func titles() throws {
        let model = try Support.core()
        func title(_ selection: ViewSelection) -> String? {
            select(ViewSpec(name: "a", title: nil, selection: selection), model).selection?.title
        }
        #expect(
            title(ViewSelection(ego: EgoSelection(node: Reference("SG"), depth: 2)))
                == "Around the Steering Group (2 steps)")
        #expect(
            title(
                ViewSelection(
                    path: PathSelection(from: Reference("NZ"), to: Reference("Co-Chairs"))))
                == "From New Zealand to the Co-Chairs")
        #expect(title(ViewSelection()) == "The Bali Process (core)")
    }

    @Test("names: unknown, or outside the view's kinds; nothing selected")
    func badNames() throws {
        let model = try TestModels.overlapModel()
        let unknown = select(
            view(ViewSelection(ego: EgoSelection(node: Reference("Betalnd")))), model)
        #expect(unknown.diagnostics.map(\.message) == ["no node is named 'Betalnd'"])
        #expect(unknown.diagnostics.first?.notes == ["did you mean 'Betaland'?"])
        let outside = select(
            view(
                ViewSelection(
                    kinds: [Reference("state")], ego: EgoSelection(node: Reference("sg")))), model)
        #expect(
            outside.diagnostics.map(\.message) == [
                "node 'sg' is a group, which is not among the view's kinds"
            ])
        let states = ["alpha", "beta", "gamma", "delta"].map { Reference($0) }
        let empty = select(view(ViewSelection(kinds: [Reference("state")], exclude: states)), model)
        #expect(empty.diagnostics.map(\.message) == ["view 't' selects no node"])
    }
}
