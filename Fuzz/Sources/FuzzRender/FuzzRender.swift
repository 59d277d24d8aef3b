// libFuzzer target: DOT generation, in-process Graphviz rendering and SVG post-processing.
//
// An input is one of
// - a model file (YAML or JSON; the seeds are the test fixtures) that loads without errors:
//   its whole current structure is drawn;
// - anything else that does not start with `<`: bytes that pick a small model (up to 30
//   nodes and 59 edges) whose names, labels, notes, titles, attribute values and URLs are
//   arbitrary text cut from the input, and a view (engine, theme, grouping, labels, ego or
//   path selection); the model goes through the native loader, so only what validates is
//   drawn;
// - an input starting with `<`: an SVG document given straight to the post-processor,
//   which must make even hostile SVG safe to inline.
//
// It traps (so that libFuzzer keeps the input) when Graphviz cannot parse or lay out the
// DOT we generated, or when an SVG we produce contains anything that could run code or
// reach outside the file: an element other than those Graphviz draws, an `on*` attribute,
// a link that is not http(s), a `url(…)` outside the document, a DOCTYPE or a comment.
import Diagrams
import Foundation
import GraphvizRender
import StakeholderModel

/// Reads choices and text from the input, deterministically; past the end it reads zeros.
struct Choices {
    var bytes: [UInt8]
    var index = 0

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func int(below bound: Int) -> Int { bound <= 1 ? 0 : Int(byte()) % bound }

    mutating func bool() -> Bool { byte() & 1 == 1 }

    /// Text up to the next 0xFF byte (at most 64 bytes), decoded as UTF-8 with repairs.
    mutating func text() -> String {
        var chunk: [UInt8] = []
        while index < bytes.count, chunk.count < 64 {
            let b = bytes[index]
            index += 1
            if b == 0xFF { break }
            chunk.append(b)
        }
        return String(decoding: chunk, as: UTF8.self)
    }
}

let shapes = [
    "box", "ellipse", "hexagon", "octagon", "doubleoctagon", "note", "tab", "folder",
    "component", "cylinder", "egg", "house", "invhouse", "plaintext", "doublecircle", "star",
    "box3d", "parallelogram", "trapezium", "diamond",
]

/// The model's JSON text, built from choices.
func structuredModel(_ c: inout Choices) -> String {
    let kindCount = 1 + c.int(below: 3)
    var kinds: [String: Any] = [:]
    for k in 0..<kindCount {
        var kind: [String: Any] = [
            "label": c.text(), "plural": c.text(), "shape": shapes[c.int(below: shapes.count)],
            "rank": c.int(below: 8),
        ]
        if c.bool() {
            kind["color"] = String(format: "#%02x%02x%02x", c.byte(), c.byte(), c.byte())
        }
        if c.bool() { kind["article"] = c.text() }
        if c.bool() { kind["description"] = c.text() }
        kinds["k\(k)"] = kind
    }
    let relations: [String: Any] = [
        "r0": ["label": c.text(), "inverse": c.text(), "acyclic": c.bool()],
        "r1": ["label": c.text(), "inverse": c.text(), "symmetric": c.bool()],
    ]
    func url(_ text: String) -> String { "https://example.org/" + text }
    let sources: [[String: Any]] = [
        ["id": "S1", "title": c.text(), "url": url(c.text()), "date": c.text()],
        ["id": "S2", "title": c.text()],
    ]
    let nodeCount = 1 + c.int(below: 30)
    var nodes: [[String: Any]] = []
    for n in 0..<nodeCount {
        var node: [String: Any] = [
            "id": "n\(n)", "kind": "k\(c.int(below: kindCount))", "name": "N\(n) " + c.text(),
            "sources": [c.bool() ? "S1" : "S2"],
        ]
        if c.bool() { node["short"] = "s\(n) " + c.text() }
        if c.bool() { node["note"] = c.text() }
        var attributes: [String: Any] = [:]
        if c.bool() { attributes["url"] = url(c.text()) }
        if c.bool() { attributes[c.text()] = c.text() }
        if c.bool() { attributes["list"] = [c.text(), c.text()] }
        if !attributes.isEmpty { node["attributes"] = attributes }
        if c.bool() { node["since"] = String(1990 + c.int(below: 30)) }
        nodes.append(node)
    }
    var edges: [[String: Any]] = []
    for _ in 0..<c.int(below: 60) {
        let from = c.int(below: nodeCount)
        let to = c.int(below: nodeCount)
        guard from != to else { continue }
        var edge: [String: Any] = [
            "from": "n\(from)", "relation": c.bool() ? "r0" : "r1", "to": "n\(to)",
            "sources": ["S1"],
        ]
        if c.bool() { edge["note"] = c.text() }
        if c.bool() { edge["attributes"] = ["role": c.text()] }
        edges.append(edge)
    }
    let document: [String: Any] = [
        "format": "baligraph/1", "title": c.text(), "as_of": "2024",
        "description": c.text(),
        "schema": ["kinds": kinds, "relations": relations], "sources": sources,
        "nodes": nodes, "edges": edges,
    ]
    guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    else { return "" }
    return String(decoding: data, as: UTF8.self)
}

/// A view of `model`, picked by the choices.
func view(for model: Model, _ c: inout Choices) -> ViewSpec? {
    var selection = ViewSelection()
    selection.asOf = c.bool() ? .current : nil
    let ids = model.nodes.map(\.id)
    switch c.int(below: 4) {
    case 0 where !ids.isEmpty:
        selection.ego = EgoSelection(
            node: Reference(ids[c.int(below: ids.count)]), depth: 1 + c.int(below: 3))
    case 1 where ids.count > 1:
        selection.path = PathSelection(
            from: Reference(ids[c.int(below: ids.count)]),
            to: Reference(ids[c.int(below: ids.count)]))
    default:
        selection.kinds = model.schema.kinds.map { Reference($0.id) }
    }
    let engines = Diagrams.LayoutEngine.allCases
    var layout = ViewLayout(
        engine: engines[c.int(below: engines.count)],
        direction: RankDirection.allCases[c.int(below: RankDirection.allCases.count)],
        theme: Theme.all[c.int(below: Theme.all.count)].name, tiers: c.bool(),
        edgeLabels: c.bool())
    if layout.engine.keepsClustersApart, c.bool(), let relation = model.schema.relations.first {
        layout.clusterBy = [Reference(relation.id)]
    }
    return ViewSpec.adHoc(title: c.bool() ? c.text() : nil, selection: selection, layout: layout)
        .view
}

/// Draws `model` and checks the SVG.
func draw(_ model: Model, _ c: inout Choices) {
    guard let view = view(for: model, &c) else { return }
    let built = DiagramBuilder.build(view, model: model)
    guard let diagram = built.diagram else { return }
    // Small drawings only: the fuzzer needs many runs per second.
    guard diagram.nodeCount <= 120, diagram.edgeCount <= 240,
        LayoutLimits.refusal(for: diagram) == nil
    else { return }
    let engine = GraphvizRender.LayoutEngine(rawValue: diagram.engine.rawValue) ?? .dot
    let rendered: Rendered
    do {
        rendered = try Graphviz.shared.render(dot: diagram.dot, engine: engine, format: .svg)
    } catch {
        fatalError("Graphviz refused our DOT: \(error)\n\(diagram.dot)")
    }
    let svg = SVGPostProcessor.process(rendered.text, for: diagram)
    let findings = SVGScan.findings(svg, mustParse: true)
    if !findings.isEmpty {
        fatalError("unsafe SVG from a model: \(findings)\n\(svg)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if bytes.first == UInt8(ascii: "<") {
        let svg = String(decoding: bytes, as: UTF8.self)
        let out = SVGPostProcessor.process(
            svg, id: "fuzz", title: "T", description: "D", theme: .light)
        let findings = SVGScan.findings(out, mustParse: false)
        if !findings.isEmpty {
            fatalError("unsafe SVG after post-processing: \(findings)\n\(out)")
        }
        return 0
    }
    var choices = Choices(bytes: bytes)
    if case .success(let text) = TextInput.decode(bytes, file: "fuzz.yaml"),
        let model = NativeLoader.load(text: text, file: "fuzz.yaml").model
    {
        // Choices for the view come from the end of the file.
        choices.index = max(0, bytes.count - 16)
        draw(model, &choices)
        return 0
    }
    let json = structuredModel(&choices)
    if let model = NativeLoader.load(text: json, file: "fuzz.json").model {
        draw(model, &choices)
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runLibFuzzer(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM gives every executable its own `main`, so libFuzzer's is never called: start
/// libFuzzer's driver from ours, with the same command line.
@main
enum FuzzRenderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runLibFuzzer(&argc, &argv, fuzzRender))
    }
}
