import Foundation
import GraphEngine
import StakeholderModel

/// What one tool measured on one file, in one process of its own. The Python script
/// (`python/bench_graph.py`) writes the same keys.
struct GraphRun: Codable {
    var tool: String
    var version: String
    var file: String
    /// Nodes and undirected simple edges of the graph read.
    var nodes: Int = 0
    var edges: Int = 0
    /// Median milliseconds by measurement: `parse` (read the CSV, intern the names), `build`
    /// (the graph the algorithms run on), `components`, `loadComponents` (the sum of those
    /// three medians), `bfs`, `cutPoints`, `betweenness`; and the very first run in the fresh
    /// process, `firstLoadComponents` (parse, build and components, page faults and lazy
    /// initialisation included).
    var milliseconds: [String: Double] = [:]
    /// How many runs each median is of.
    var runs: [String: Int] = [:]
    /// Peak RSS (`VmHWM` / `ru_maxrss`) right after the first load and components, in KiB.
    var peakRSSLoadComponentsKiB: Int = 0
    /// Peak RSS at the end of all measurements, in KiB.
    var peakRSSKiB: Int = 0
    /// `exact`, `sampled` or nil (skipped).
    var betweennessMode: String?
    var betweennessSources: Int?
    /// For cross-checking the tools: normalised betweenness maximum (exact only), number of
    /// components, size of the largest, number of cut points, nodes reached by the BFS.
    var betweennessMax: Double?
    var components: Int?
    var largestComponent: Int?
    var cutPoints: Int?
    var bfsReached: Int?
    /// Why something was not measured.
    var notes: [String] = []
    var error: String?
}

/// Runs `body` until it has run `minRuns` times and, when it is quick, until `budget`
/// seconds have passed (at most `maxRuns`); returns the median in milliseconds and the count.
func timeMedian(
    minRuns: Int = 3, maxRuns: Int = 31, budget: Double = 0.4, first: Double? = nil,
    _ body: () -> Void
) -> (milliseconds: Double, runs: Int) {
    var samples: [Double] = first.map { [$0] } ?? []
    var spent = (first ?? 0) / 1000
    while samples.count < minRuns || (spent < budget && samples.count < maxRuns) {
        let start = monotonicNanoseconds()
        body()
        let ms = Double(monotonicNanoseconds() - start) / 1e6
        samples.append(ms)
        spent += ms / 1000
    }
    return (median(samples), samples.count)
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// The `graph-child` mode: load one CSV and time the algorithms, in this fresh process, then
/// print a ``GraphRun`` as JSON.
struct GraphChild {
    var file: String
    var source: String
    /// Exact betweenness when nil or 0; else the number of sampled sources.
    var sample: Int
    var seed: UInt64
    /// Where to write the names of the sampled sources (for igraph's `sources=`).
    var sourcesOut: String?
    var minRuns: Int
    var skipBetweenness: Bool
    /// Betweenness on one thread (for profiling; the suite lets it use every core).
    var serial = false

    func run() -> GraphRun {
        var result = GraphRun(tool: "baligraph", version: "swift", file: file)
        // The first load and components run, in a fresh process: the memory target.
        let start = monotonicNanoseconds()
        let table: EdgeListTable
        switch ModelImporter.loadEdgeList(path: file) {
        case .success(let t): table = t
        case .failure(let failure):
            result.error =
                failure.diagnostics.first.map { "\($0)" } ?? "cannot read \(file)"
            return result
        }
        let parsed = monotonicNanoseconds()
        let undirected: UndirectedGraph
        do {
            undirected = try build(table)
        } catch {
            result.error = "\(error)"
            return result
        }
        let built = monotonicNanoseconds()
        let components = undirected.connectedComponents()
        let done = monotonicNanoseconds()
        result.peakRSSLoadComponentsKiB = currentPeakRSSKiB()
        let firstParse = Double(parsed - start) / 1e6
        let firstBuild = Double(built - parsed) / 1e6
        let firstComponents = Double(done - built) / 1e6
        result.milliseconds["firstLoadComponents"] = Double(done - start) / 1e6
        result.nodes = undirected.includedNodeCount
        result.edges = undirected.edgeCount
        result.components = components.count
        result.largestComponent = components.sizes.max()

        // Repeated runs of each step, medians.
        let parse = timeMedian(minRuns: minRuns, first: firstParse) {
            _ = ModelImporter.loadEdgeList(path: file)
        }
        record(&result, "parse", parse)
        let buildTime = timeMedian(minRuns: minRuns, first: firstBuild) {
            _ = try? build(table)
        }
        record(&result, "build", buildTime)
        let componentsTime = timeMedian(minRuns: minRuns, first: firstComponents) {
            _ = undirected.connectedComponents()
        }
        record(&result, "components", componentsTime)
        result.milliseconds["loadComponents"] =
            parse.milliseconds + buildTime.milliseconds + componentsTime.milliseconds

        guard let sourceIndex = table.names.firstIndex(of: source) else {
            result.error = "no node named \(source) in \(file)"
            return result
        }
        var reached = 0
        record(
            &result, "bfs",
            timeMedian(minRuns: minRuns) {
                let d = undirected.distances(from: Int32(sourceIndex))
                reached = d.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
            })
        result.bfsReached = reached
        var cutPoints = 0
        record(
            &result, "cutPoints",
            timeMedian(minRuns: minRuns) {
                cutPoints = undirected.articulationPoints().count
            })
        result.cutPoints = cutPoints

        if !skipBetweenness {
            let spec = sample > 0 ? SourceSample(count: sample, seed: seed) : nil
            if let spec, let sourcesOut {
                var generator = SplitMix64(seed: spec.seed)
                let picked = generator.sample(undirected.includedNodes, count: spec.count)
                let text = picked.map { table.names[Int($0)] }.joined(separator: "\n") + "\n"
                try? text.write(toFile: sourcesOut, atomically: true, encoding: .utf8)
            }
            var values: [Double] = []
            record(
                &result, "betweenness",
                timeMedian(minRuns: 1, maxRuns: 5, budget: 1.0) {
                    values = undirected.betweennessCentrality(
                        normalized: true, sample: spec, parallel: !serial)
                })
            result.betweennessMode = spec == nil ? "exact" : "sampled"
            result.betweennessSources = spec?.count ?? result.nodes
            if spec == nil { result.betweennessMax = values.max() }
        } else {
            result.notes.append("betweenness skipped")
        }
        result.peakRSSKiB = currentPeakRSSKiB()
        return result
    }

    private func build(_ table: EdgeListTable) throws -> UndirectedGraph {
        try UndirectedGraph(
            nodeCount: table.names.count, sources: table.sources, targets: table.targets)
    }

    private func record(
        _ result: inout GraphRun, _ key: String, _ timing: (milliseconds: Double, runs: Int)
    ) {
        result.milliseconds[key] = timing.milliseconds
        result.runs[key] = timing.runs
    }
}
