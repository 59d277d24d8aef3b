import Foundation
import GraphEngine
import Testing

/// NetworkX reference values written by `Fixtures/make_reference.py`.
struct Reference: Decodable, CustomTestStringConvertible, Sendable {
    struct Sample: Decodable, Sendable {
        let seed: UInt64
        let count: Int
        let sources: [Int32]
        let values: [Double?]
    }
    struct CutPoint: Decodable, Sendable {
        let node: Int32
        let pieces: Int
        let separated: Int
    }
    struct ShortestPaths: Decodable, Sendable {
        let source: Int32
        let target: Int32
        let paths: [[Int32]]
    }
    struct KShortest: Decodable, Sendable {
        let source: Int32
        let target: Int32
        let k: Int
        let lengths: [Int]
    }
    struct Projection: Decodable, Sendable {
        struct Pair: Decodable, Sendable {
            let first: Int32
            let second: Int32
            let count: Int
            let jaccard: Double
        }
        let members: [Int32]
        let pairs: [Pair]
    }

    let name: String
    let nodes: [String]
    let edges: [[Int32]]
    let betweenness: [Double]
    let betweennessRaw: [Double]
    let betweennessSample: Sample
    let closeness: [Double]
    let degree: [Double]
    let constraint: [Double?]
    let effectiveSize: [Double?]
    let articulationPoints: [CutPoint]
    let bridges: [[Int32]]
    let shortestPaths: [ShortestPaths]
    let kShortestLengths: [KShortest]
    let projection: Projection?

    var testDescription: String { name }

    static func load(_ name: String) throws -> Reference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name).json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Reference.self, from: Data(contentsOf: url))
    }

    /// The fixture as a directed graph with one edge per undirected edge (relation 0).
    func graph() throws -> Graph {
        try Graph(
            nodeCount: nodes.count, sources: edges.map { $0[0] }, targets: edges.map { $0[1] },
            relations: [Int32](repeating: 0, count: edges.count))
    }
}

/// Whether two values agree to `tolerance`, treating NaN as equal to NaN and to `nil`.
func close(_ a: Double, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    guard let b, !b.isNaN else { return a.isNaN }
    return !a.isNaN && abs(a - b) <= tolerance
}

/// A random directed multigraph with self-loops, parallel edges and three relation types.
func randomMultigraph(
    _ rng: inout SplitMix64, minNodes: Int = 1, maxNodes: Int = 9, density: Double = 0.25
) -> Graph {
    let n = minNodes + Int(rng.next(below: UInt64(maxNodes - minNodes + 1)))
    var sources: [Int32] = []
    var targets: [Int32] = []
    var relations: [Int32] = []
    let pairs = n * n
    let edgeCount = Int(Double(pairs) * density * Double(50 + rng.next(below: 51)) / 100.0) + 1
    for _ in 0..<edgeCount {
        sources.append(Int32(rng.next(below: UInt64(n))))
        targets.append(Int32(rng.next(below: UInt64(n))))
        relations.append(Int32(rng.next(below: 3)))
    }
    return try! Graph(nodeCount: n, sources: sources, targets: targets, relations: relations)
}

/// A random mask over `0..<count` with each index set with probability `p`.
func randomMask(_ rng: inout SplitMix64, count: Int, p: Double) -> BitMask {
    var mask = BitMask(count: count)
    for i in 0..<count where Double(rng.next(below: 1000)) < p * 1000 { mask[i] = true }
    return mask
}

/// A random view: sometimes a node mask, an edge mask and a relation mask.
func randomView(_ graph: Graph, _ rng: inout SplitMix64) -> GraphView {
    let nodes = rng.next(below: 3) == 0 ? randomMask(&rng, count: graph.nodeCount, p: 0.8) : nil
    let edges = rng.next(below: 3) == 0 ? randomMask(&rng, count: graph.edgeCount, p: 0.8) : nil
    let relations = rng.next(below: 3) == 0 ? randomMask(&rng, count: 3, p: 0.6) : nil
    return graph.view(nodes: nodes, edges: edges, relations: relations)
}

/// All-pairs hop distances of the view by Floyd–Warshall; `Int.max` when unreachable.
func floydWarshall(_ view: GraphView, direction: TraversalDirection) -> [[Int]] {
    let n = view.nodeCount
    let infinity = Int.max / 4
    var d = [[Int]](repeating: [Int](repeating: infinity, count: n), count: n)
    for u in 0..<n where view.contains(node: Int32(u)) { d[u][u] = 0 }
    for e in 0..<Int32(view.graph.edgeCount) where view.contains(edge: e) {
        let s = Int(view.graph.edgeSources[Int(e)])
        let t = Int(view.graph.edgeTargets[Int(e)])
        if direction != .incoming, s != t { d[s][t] = 1 }
        if direction != .outgoing, s != t { d[t][s] = 1 }
    }
    for k in 0..<n {
        for i in 0..<n {
            for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] }
        }
    }
    return d.map { row in row.map { $0 >= infinity ? Int.max : $0 } }
}

/// Every simple path from `s` to `t` in the view, as node sequences, sorted, honouring the
/// constraints (intermediate mask, avoided nodes, maximum length) by exhaustive search.
func allSimplePaths(
    _ view: GraphView, from s: Int32, to t: Int32, constraints: PathConstraints
) -> [[Int32]] {
    guard view.contains(node: s), view.contains(node: t) else { return [] }
    if s == t { return [[s]] }
    var found = Set<[Int32]>()
    var path: [Int32] = [s]
    func eligible(_ v: Int32) -> Bool {
        (constraints.intermediates?[v] ?? true) && !constraints.avoiding.contains(v)
    }
    func extend() {
        if let limit = constraints.maxLength, path.count - 1 >= limit { return }
        for v in view.neighbors(of: path[path.count - 1], direction: constraints.direction) {
            if path.contains(v) { continue }
            if v == t {
                found.insert(path + [t])
            } else if eligible(v) {
                path.append(v)
                extend()
                path.removeLast()
            }
        }
    }
    extend()
    return found.sorted {
        $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1)
    }
}

/// Whether `path` is a valid walk of the view from `s` to `t` under the constraints, with
/// each step naming an edge of the view joining its two nodes in the stated way.
func isValid(
    _ path: Path, in view: GraphView, from s: Int32, to t: Int32, constraints: PathConstraints
) -> Bool {
    guard path.source == s, path.target == t, path.steps.count == path.nodes.count - 1 else {
        return false
    }
    guard Set(path.nodes).count == path.nodes.count else { return false }
    for (i, step) in path.steps.enumerated() {
        guard step.from == path.nodes[i], step.to == path.nodes[i + 1] else { return false }
        guard view.contains(edge: step.edge) else { return false }
        let source = view.graph.edgeSources[Int(step.edge)]
        let target = view.graph.edgeTargets[Int(step.edge)]
        if step.isForward {
            guard constraints.direction != .incoming, source == step.from, target == step.to
            else { return false }
        } else {
            guard constraints.direction != .outgoing, source == step.to, target == step.from
            else { return false }
        }
    }
    for v in path.nodes.dropFirst().dropLast() {
        if !(constraints.intermediates?[v] ?? true) || constraints.avoiding.contains(v) {
            return false
        }
    }
    if let limit = constraints.maxLength, path.length > limit { return false }
    return true
}

/// The number of connected components among `nodes` of an undirected graph, ignoring
/// `removedNode` and the edge `removedEdge`, by union–find.
func componentCount(
    _ graph: UndirectedGraph, removedNode: Int32? = nil, removedEdge: (Int32, Int32)? = nil
) -> Int {
    var parent = Array(0..<graph.nodeCount)
    func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }
    for (u, v) in graph.edges {
        if u == removedNode || v == removedNode { continue }
        if let e = removedEdge, (e.0 == u && e.1 == v) || (e.0 == v && e.1 == u) { continue }
        parent[find(Int(u))] = find(Int(v))
    }
    var roots = Set<Int>()
    for u in graph.includedNodes where u != removedNode { roots.insert(find(Int(u))) }
    return roots.count
}
