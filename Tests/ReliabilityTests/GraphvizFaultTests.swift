import Foundation
import GraphvizRender
import Testing

/// Layouts that crashed inside Graphviz 2.42 and must now draw.
@Suite("Graphviz faults")
struct GraphvizFaultTests {
    static let views = Reliability.root.appendingPathComponent(
        "Tests/ReliabilityTests/Fixtures/views/tiers-and-edge-labels.yaml")

    @Test("dot with tiers and edge labels on the whole built-in model draws (was SIGABRT)")
    func tiersAndEdgeLabels() throws {
        let dir = try Reliability.scratch("faults")
        defer { Reliability.remove(dir) }
        for view in ["tiers-labels", "tiers-labels-clusters"] {
            let out = dir.appendingPathComponent("\(view).svg")
            let r = try Binary.run(["render", view, "--views", Self.views.path, "-o", out.path])
            #expect(r.misbehaved == nil, "\(view): \(r.misbehaved ?? "")\n\(r.stderr)")
            #expect(r.status == 0, "\(view): \(r.stderr)")
            let svg = try String(contentsOf: out, encoding: .utf8)
            #expect(SVGScan.findings(svg, mustParse: true).isEmpty)
        }
    }

    @Test("circo graphs with different attributes, one after another in one process")
    func circoInProcess() throws {
        // circo kept the last root graph's attribute symbols in static variables and
        // trusted them when the next graph had the same address: a use after free that
        // crashed in agxget (found by the render fuzz target and by ThreadSanitizer).
        let many = (1...40).map { "a\($0)=\"1\"" }.joined(separator: ", ")
        let ring = "\"x\" -> \"y\"; \"y\" -> \"z\"; \"z\" -> \"x\"; \"z\" -> \"w\"; \"w\" -> \"x\";"
        let graphs = [
            "digraph \"a\" { graph [\(many), mindist=\"0.4\", root=\"x\"]; \(ring) }",
            "digraph \"b\" { \(ring) }",
            "digraph \"c\" { graph [mindist=\"2\"]; node [root=\"true\"]; \(ring) \"v\"; }",
        ]
        for round in 0..<40 {
            let dot = graphs[round % graphs.count]
            let rendered = try Graphviz.shared.render(dot: dot, engine: .circo, format: .svg)
            #expect(!rendered.bytes.isEmpty)
        }
    }

    @Test(
        "many circo layouts in one process, with and without a root and labels (was a use after free)"
    )
    func circoTwice() throws {
        let dir = try Reliability.scratch("circo")
        defer { Reliability.remove(dir) }
        // The explorer draws every view of a manifest in one process.
        let manifest = dir.appendingPathComponent("views.yaml")
        var text = "format: baligraph-views/1\nviews:\n"
        for i in 0..<6 {
            text += "  - name: c\(i)\n    title: C\(i)\n"
            text +=
                i % 2 == 0
                ? "    select: {kinds: [process, leadership, plenary, group, working-group, task-force]}\n    layout: {engine: circo, root: bali-process, edge_labels: true}\n"
                : "    select: {kinds: [group, working-group, state]}\n    layout: {engine: circo}\n"
        }
        try text.write(to: manifest, atomically: false, encoding: .utf8)
        let page = dir.appendingPathComponent("page.html")
        let r = try Binary.run(["explore", "--views", manifest.path, "-o", page.path])
        #expect(r.misbehaved == nil, "\(r.misbehaved ?? "")\n\(r.stderr)")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("(6 views"), "\(r.stderr)")
    }
}
