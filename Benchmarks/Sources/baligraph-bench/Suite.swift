import Diagrams
import Foundation

/// The options of a whole benchmark run.
struct SuiteOptions {
    /// The release `baligraph` executable.
    var baligraph: String
    /// The Foundation start-up baseline executable.
    var baseline: String
    /// This executable (for `graph-child` runs).
    var selfPath: String
    /// The repository (for `Graphs/views.yaml` and `Benchmarks/python`).
    var repo: String
    /// Where JSON, Markdown, data and scratch files go.
    var out: String
    /// A Python interpreter, or nil to skip every Python comparison.
    var python: String?
    /// Edge counts of the synthetic graphs.
    var sizes: [Int] = [1_000, 10_000, 100_000, 1_000_000]
    /// Runs per start-up latency command (after two warm-up runs).
    var latencyRuns = 21
    /// Rounds of the rendering comparison.
    var renderRounds = 7
    /// Exact betweenness up to this many edges; sampled beyond.
    var exactBetweennessUpTo = 100_000
    /// NetworkX's exact betweenness up to this many edges; skipped beyond.
    var networkxBetweennessUpTo = 10_000
    /// rustworkx's exact betweenness up to this many edges (it took two minutes at 10^5).
    var rustworkxBetweennessUpTo = 10_000
    /// NetworkX at all up to this many edges.
    var networkxUpTo = 1_000_000
    /// Sampled sources for betweenness beyond `exactBetweennessUpTo`.
    var sample = 256
    var seed: UInt64 = 20_240_611
}

/// One command's whole-process latency.
struct LatencyResult: Codable {
    var name: String
    var command: [String]
    var runs: Int
    var medianMilliseconds: Double
    var minMilliseconds: Double
    var maxMilliseconds: Double
    var peakRSSKiB: Int
    /// Median over the Foundation baseline's median, same run.
    var ratioToBaseline: Double?
    var isQuery: Bool
    var error: String?
}

/// `render --all` in one process against one `dot` process per view.
struct RenderResult: Codable {
    var views: [String]
    var engines: [String]
    var rounds: Int
    /// `render --all` as a user runs it: its default `--jobs` (one process per CPU, at most
    /// 4, the copies forked after the model is loaded).
    var renderAllMilliseconds: Double
    /// `render --all --jobs 1`: every view in the one process.
    var renderAllOneProcessMilliseconds: Double?
    var jobs: Int?
    var dotPerViewMilliseconds: Double
    /// Median time of each view's `dot` process.
    var dotMillisecondsByView: [String: Double]
    var ratio: Double
    var error: String?
}

/// Everything a run measured.
struct SuiteReport: Codable {
    struct Machine: Codable {
        var date: String
        var cpus: Int
        var cpuModel: String
        var loadAverageStart: String
        var loadAverageEnd: String
        var kernel: String
        /// The repository's commit (`git rev-parse --short HEAD`, `+` when the tree differs).
        var commit: String
        var swift: String
        var python: String?
        var pythonPackages: [String: String?]
    }
    struct Target: Codable {
        var name: String
        var goal: String
        var measured: String
        /// `met`, `missed` or `not measured`.
        var verdict: String
    }
    var machine: Machine
    var datasets: [DatasetInfo]
    var latency: [LatencyResult]
    var render: RenderResult?
    /// Per data set label, per tool.
    var graphs: [String: [String: GraphRun]]
    var targets: [Target]
    var skipped: [String]
    var elapsedSeconds: Double
}

/// Runs every measurement and writes the report.
struct Suite {
    var options: SuiteOptions
    private var log: (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    init(options: SuiteOptions) {
        self.options = options
    }

    func run() throws -> SuiteReport {
        let started = monotonicNanoseconds()
        let scratch = "\(options.out)/tmp"
        let fm = FileManager.default
        try? fm.removeItem(atPath: scratch)
        try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        // Run from a folder of our own: `baligraph` then uses its built-in model and views.
        guard fm.changeCurrentDirectoryPath(scratch) else {
            throw SpawnError(description: "cannot enter \(scratch)")
        }
        var skipped: [String] = []
        let loadStart = readLoadAverage()
        let python = options.python.flatMap { resolvePython($0) }
        var packages: [String: String?] = [:]
        var pythonVersion: String?
        if let python {
            if let json = captureJSON(
                [python, "\(options.repo)/Benchmarks/python/bench_graph.py", "--versions"])
            {
                for lib in ["networkx", "igraph", "rustworkx"] {
                    packages[lib] = json[lib] as? String
                }
                pythonVersion = json["python"] as? String
            }
        } else {
            skipped.append("Python comparisons: no Python interpreter")
        }
        for (lib, version) in packages where version == nil {
            skipped.append("\(lib): not installed (run `make bench-compare` to install it)")
        }
        func has(_ lib: String) -> Bool { (packages[lib] ?? nil) != nil }

        log("== start-up latency (\(options.latencyRuns) runs per command)")
        let latency = measureLatency(scratch: scratch, python: has("networkx") ? python : nil)
        log("== rendering: render --all against dot -Tsvg per view")
        let render = measureRender(scratch: scratch)

        var datasets: [DatasetInfo] = []
        var graphs: [String: [String: GraphRun]] = [:]
        for edges in options.sizes {
            let label = sizeLabel(edges)
            let (info, generated) = try ensureDataset(
                edges: edges, seed: options.seed, directory: "\(options.out)/data", label: label)
            datasets.append(info)
            log(
                "== \(label) edges: \(info.nodes) nodes"
                    + (generated.map { String(format: " (generated in %.0f ms)", $0) }
                        ?? " (reused)"))
            let exact = edges <= options.exactBetweennessUpTo
            let sourcesFile = "\(options.out)/data/affiliation-\(label).sources.txt"
            var child = [
                options.selfPath, "graph-child", "--file", info.path, "--source", "body-0",
                "--min-runs", edges >= 1_000_000 ? "3" : "5",
            ]
            if !exact {
                child += [
                    "--sample", "\(options.sample)", "--seed", "\(options.seed)", "--sources-out",
                    sourcesFile,
                ]
            }
            var runs: [String: GraphRun] = [:]
            runs["baligraph"] = graphRun(child, tool: "baligraph")
            log("   baligraph: \(summary(runs["baligraph"]))")
            guard let python else {
                graphs[label] = runs
                continue
            }
            for lib in ["rustworkx", "igraph", "networkx"] where has(lib) {
                if lib == "networkx" && edges > options.networkxUpTo {
                    skipped.append(
                        "networkx at \(displayLabel(label)) edges: too slow for the time budget")
                    continue
                }
                var mode = exact ? "exact" : "sampled"
                if lib == "networkx" && edges > options.networkxBetweennessUpTo {
                    mode = "skip"
                    skipped.append(
                        "networkx betweenness at \(displayLabel(label)) edges: hours of pure Python "
                            + "(exact) or minutes per few sources (sampled)")
                }
                if lib == "rustworkx" && !exact {
                    mode = "skip"
                    skipped.append(
                        "rustworkx betweenness at \(displayLabel(label)) edges: it has no sampled-source "
                            + "variant")
                } else if lib == "rustworkx" && edges > options.rustworkxBetweennessUpTo {
                    mode = "skip"
                    skipped.append(
                        "rustworkx exact betweenness at \(displayLabel(label)) edges: over the time "
                            + "budget (121 s once at 10^5 edges)")
                }
                var args = [
                    python, "\(options.repo)/Benchmarks/python/bench_graph.py", "--lib", lib,
                    "--file", info.path, "--source", "body-0", "--betweenness", mode,
                    "--min-runs", edges >= 1_000_000 ? "1" : "3",
                ]
                if mode == "sampled" { args += ["--sources-file", sourcesFile] }
                runs[lib] = graphRun(args, tool: lib)
                log("   \(lib): \(summary(runs[lib]))")
            }
            graphs[label] = runs
        }
        if !options.sizes.contains(where: { $0 > options.exactBetweennessUpTo }) {
            skipped.append("sampled betweenness: no size above the exact limit was run")
        }
        let machine = SuiteReport.Machine(
            date: ISO8601DateFormatter().string(from: Date()),
            cpus: ProcessInfo.processInfo.activeProcessorCount, cpuModel: cpuModel(),
            loadAverageStart: loadStart, loadAverageEnd: readLoadAverage(),
            kernel: ProcessInfo.processInfo.operatingSystemVersionString, commit: commit(),
            swift: swiftVersion(), python: pythonVersion, pythonPackages: packages)
        var report = SuiteReport(
            machine: machine, datasets: datasets, latency: latency, render: render,
            graphs: graphs, targets: [], skipped: skipped,
            elapsedSeconds: Double(monotonicNanoseconds() - started) / 1e9)
        report.targets = evaluateTargets(report)
        return report
    }

    // MARK: Start-up latency

    private func measureLatency(scratch: String, python: String?) -> [LatencyResult] {
        let b = options.baligraph
        var commands: [(name: String, argv: [String], query: Bool)] = [
            ("Swift + Foundation baseline", [options.baseline], false),
            ("show \"steering group\"", [b, "show", "steering group"], true),
            ("path \"Sri Lanka\" \"New Zealand\"", [b, "path", "Sri Lanka", "New Zealand"], true),
            ("connectors --top 10", [b, "connectors", "--top", "10"], true),
            (
                "render structure (SVG)", [b, "render", "structure", "-o", "\(scratch)/one.svg"],
                false
            ),
        ]
        if let python {
            commands.append(
                ("python3 -c \"import networkx\"", [python, "-c", "import networkx"], false))
        }
        var samples = [[Double]](repeating: [], count: commands.count)
        var rss = [Int](repeating: 0, count: commands.count)
        var errors = [String?](repeating: nil, count: commands.count)
        // Round-robin, so that noise from the rest of the machine falls on every command alike.
        for round in 0..<(options.latencyRuns + 2) {
            for (i, command) in commands.enumerated() where errors[i] == nil {
                do {
                    let run = try spawnAndWait(command.argv, output: .discard)
                    if run.status != 0 {
                        errors[i] = "exit status \(run.status)"
                        continue
                    }
                    if round >= 2 { samples[i].append(run.milliseconds) }
                    rss[i] = max(rss[i], run.peakRSSKiB)
                } catch {
                    errors[i] = error.description
                }
            }
        }
        let baseline = median(samples[0])
        return commands.enumerated().map { i, command in
            let m = median(samples[i])
            return LatencyResult(
                name: command.name, command: command.argv, runs: samples[i].count,
                medianMilliseconds: m, minMilliseconds: samples[i].min() ?? .nan,
                maxMilliseconds: samples[i].max() ?? .nan, peakRSSKiB: rss[i],
                ratioToBaseline: baseline.isFinite && i > 0 ? m / baseline : nil,
                isQuery: command.query, error: errors[i])
        }
    }

    // MARK: Rendering

    private func measureRender(scratch: String) -> RenderResult? {
        let manifestPath = "\(options.repo)/Graphs/views.yaml"
        guard let text = try? String(contentsOfFile: manifestPath, encoding: .utf8),
            let manifest = ViewManifest.parse(text: text, file: manifestPath).manifest
        else {
            log("   cannot read \(manifestPath); rendering skipped")
            return nil
        }
        let views = manifest.views.map(\.name)
        let engines = manifest.views.map(\.layout.engine.rawValue)
        let dotDir = "\(scratch)/dot"
        let fm = FileManager.default
        for dir in ["dot", "dot-svg", "all"] {
            try? fm.createDirectory(
                atPath: "\(scratch)/\(dir)", withIntermediateDirectories: true)
        }
        var failure: String?
        for view in views {
            let run = try? spawnAndWait(
                [
                    options.baligraph, "render", view, "--format", "dot", "-o",
                    "\(dotDir)/\(view).dot",
                ],
                output: .discard)
            if run?.status != 0 { failure = "baligraph render \(view) --format dot failed" }
        }
        var all: [Double] = []
        var allOneProcess: [Double] = []
        var perView: [Double] = []
        var byView = [[Double]](repeating: [], count: views.count)
        for round in 0..<(options.renderRounds + 1) where failure == nil {
            do {
                let one = try spawnAndWait(
                    [options.baligraph, "render", "--all", "--out-dir", "\(scratch)/all"],
                    output: .discard)
                if one.status != 0 { failure = "render --all: exit status \(one.status)" }
                let serial = try spawnAndWait(
                    [
                        options.baligraph, "render", "--all", "--jobs", "1", "--out-dir",
                        "\(scratch)/all",
                    ],
                    output: .discard)
                if serial.status != 0 {
                    failure = "render --all --jobs 1: exit status \(serial.status)"
                }
                var total = 0.0
                for (i, view) in views.enumerated() {
                    let run = try spawnAndWait(
                        [
                            "dot", "-K\(engines[i])", "-Tsvg", "\(dotDir)/\(view).dot", "-o",
                            "\(scratch)/dot-svg/\(view).svg",
                        ], output: .discard)
                    if run.status != 0 { failure = "dot on \(view): exit status \(run.status)" }
                    total += run.milliseconds
                    if round > 0 { byView[i].append(run.milliseconds) }
                }
                if round > 0 {
                    all.append(one.milliseconds)
                    allOneProcess.append(serial.milliseconds)
                    perView.append(total)
                }
            } catch {
                failure = error.description
            }
        }
        let a = median(all)
        let d = median(perView)
        var medians: [String: Double] = [:]
        for (i, view) in views.enumerated() { medians[view] = median(byView[i]) }
        return RenderResult(
            views: views, engines: engines, rounds: all.count, renderAllMilliseconds: a,
            renderAllOneProcessMilliseconds: median(allOneProcess),
            jobs: Swift.min(4, ProcessInfo.processInfo.activeProcessorCount),
            dotPerViewMilliseconds: d, dotMillisecondsByView: medians, ratio: a / d,
            error: failure)
    }

    // MARK: Graph children

    private func graphRun(_ argv: [String], tool: String) -> GraphRun {
        var failed = GraphRun(tool: tool, version: "", file: "")
        do {
            let run = try spawnAndWait(argv, output: .capture)
            let data = Data(run.output)
            if var result = try? JSONDecoder().decode(GraphRun.self, from: data) {
                if run.status != 0 {
                    result.error = result.error ?? "exit status \(run.status)"
                }
                // The kernel's count for the whole child, in case it peaked after the last read.
                result.peakRSSKiB = max(result.peakRSSKiB, run.peakRSSKiB)
                return result
            }
            failed.error = "exit status \(run.status); no result"
        } catch {
            failed.error = error.description
        }
        return failed
    }

    private func summary(_ run: GraphRun?) -> String {
        guard let run else { return "-" }
        if let error = run.error { return "error: \(error)" }
        let keys = ["loadComponents", "bfs", "cutPoints", "betweenness"]
        return keys.compactMap { key in
            run.milliseconds[key].map { String(format: "%@ %.1f ms", key, $0) }
        }.joined(separator: ", ")
    }

    // MARK: Targets

    private func evaluateTargets(_ report: SuiteReport) -> [SuiteReport.Target] {
        var targets: [SuiteReport.Target] = []
        let baseline = report.latency.first?.medianMilliseconds ?? .nan
        for row in report.latency where row.isQuery {
            let ok = row.error == nil && row.medianMilliseconds <= 2 * baseline
            targets.append(
                .init(
                    name: "\(row.name), process start to exit",
                    goal: "≤ 12 ms, i.e. ≤ 2.0 × the Foundation baseline (≈ 6 ms)",
                    measured: String(
                        format: "%.1f ms = %.2f × baseline (%.1f ms)", row.medianMilliseconds,
                        row.medianMilliseconds / baseline, baseline),
                    verdict: row.error != nil ? "not measured" : ok ? "met" : "missed"))
        }
        func ratio(_ label: String, _ tool: String, _ key: String) -> (Double, Double, Double)? {
            guard let ours = report.graphs[label]?["baligraph"],
                let theirs = report.graphs[label]?[tool], ours.error == nil, theirs.error == nil,
                let a = ours.milliseconds[key], let b = theirs.milliseconds[key]
            else { return nil }
            return (a, b, a / b)
        }
        if let (a, b, r) = ratio("1e5", "igraph", "betweenness") {
            targets.append(
                .init(
                    name: "exact betweenness, 10^5 edges, against igraph",
                    goal: "≤ 1 × igraph (aim ≤ 0.25 ×)",
                    measured: String(format: "%.0f ms vs %.0f ms = %.3f ×", a, b, r),
                    verdict: r <= 1 ? (r <= 0.25 ? "met (aim met)" : "met (aim missed)") : "missed")
            )
        } else {
            targets.append(
                .init(
                    name: "exact betweenness, 10^5 edges, against igraph",
                    goal: "≤ 1 × igraph (aim ≤ 0.25 ×)", measured: "-", verdict: "not measured"))
        }
        if let (a, b, r) = ratio("1e4", "networkx", "betweenness") {
            targets.append(
                .init(
                    name: "exact betweenness, 10^4 edges, against NetworkX",
                    goal: "≥ 100 × faster",
                    measured: String(format: "%.1f ms vs %.0f ms = %.0f × faster", a, b, 1 / r),
                    verdict: 1 / r >= 100 ? "met" : "missed"))
        } else {
            targets.append(
                .init(
                    name: "exact betweenness, 10^4 edges, against NetworkX",
                    goal: "≥ 100 × faster", measured: "-", verdict: "not measured"))
        }
        let big = "1e6"
        if let (a, b, r) = ratio(big, "rustworkx", "loadComponents") {
            targets.append(
                .init(
                    name: "CSV load + connected components, 10^6 edges, against rustworkx",
                    goal: "≤ 0.4 × rustworkx",
                    measured: String(format: "%.0f ms vs %.0f ms = %.2f ×", a, b, r),
                    verdict: r <= 0.4 ? "met" : "missed"))
        } else {
            targets.append(
                .init(
                    name: "CSV load + connected components, 10^6 edges, against rustworkx",
                    goal: "≤ 0.4 × rustworkx", measured: "-", verdict: "not measured"))
        }
        if let ours = report.graphs[big]?["baligraph"], ours.error == nil {
            let mb = Double(ours.peakRSSLoadComponentsKiB) * 1024 / 1e6
            targets.append(
                .init(
                    name: "peak memory of CSV load + components, 10^6 edges", goal: "≤ 100 MB",
                    measured: String(format: "%.1f MB", mb), verdict: mb <= 100 ? "met" : "missed"))
        } else {
            targets.append(
                .init(
                    name: "peak memory of CSV load + components, 10^6 edges", goal: "≤ 100 MB",
                    measured: "-", verdict: "not measured"))
        }
        if let render = report.render, render.error == nil {
            targets.append(
                .init(
                    name:
                        "render every view in one run (render --all), against one dot -Tsvg per view",
                    goal: "≤ 0.5 ×",
                    measured: String(
                        format: "%.0f ms vs %.0f ms = %.2f × (%d processes; one process: %.2f ×)",
                        render.renderAllMilliseconds, render.dotPerViewMilliseconds, render.ratio,
                        render.jobs ?? 1,
                        (render.renderAllOneProcessMilliseconds ?? .nan)
                            / render.dotPerViewMilliseconds),
                    verdict: render.ratio <= 0.5 ? "met" : "missed"))
        } else {
            targets.append(
                .init(
                    name:
                        "render every view in one run (render --all), against one dot -Tsvg per view",
                    goal: "≤ 0.5 ×", measured: "-", verdict: "not measured"))
        }
        return targets
    }

    // MARK: Machine

    private func resolvePython(_ name: String) -> String? {
        // pyenv and similar put a shell script first on PATH; time the real interpreter.
        guard
            let run = try? spawnAndWait(
                [name, "-c", "import sys; print(sys.executable)"], output: .capture),
            run.status == 0
        else { return nil }
        let path = String(decoding: run.output, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : path
    }

    private func captureJSON(_ argv: [String]) -> [String: Any]? {
        guard let run = try? spawnAndWait(argv, output: .capture), run.status == 0 else {
            return nil
        }
        return (try? JSONSerialization.jsonObject(with: Data(run.output))) as? [String: Any]
    }

    private func commit() -> String {
        guard
            let run = try? spawnAndWait(
                ["git", "-C", options.repo, "rev-parse", "--short", "HEAD"], output: .capture),
            run.status == 0
        else { return "unknown" }
        let hash = String(decoding: run.output, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let dirty =
            (try? spawnAndWait(
                [
                    "git", "-C", options.repo, "diff", "--quiet", "HEAD", "--", "Sources",
                    "Package.swift",
                ],
                output: .discard))?.status == 1
        return dirty ? hash + "+" : hash
    }

    private func swiftVersion() -> String {
        guard let run = try? spawnAndWait(["swift", "--version"], output: .capture) else {
            return "unknown"
        }
        let text = String(decoding: run.output, as: UTF8.self)
        return text.split(separator: "\n").first.map(String.init) ?? "unknown"
    }
}

func sizeLabel(_ edges: Int) -> String {
    var exponent = 0
    var n = edges
    while n >= 10, n % 10 == 0 {
        n /= 10
        exponent += 1
    }
    return n == 1 ? "1e\(exponent)" : "\(edges)"
}

func readLoadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else {
        return "unknown"
    }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

func cpuModel() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
        return "unknown"
    }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
        if let colon = line.firstIndex(of: ":") {
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
    return "unknown"
}
