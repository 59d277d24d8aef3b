import Foundation

/// Milliseconds with three significant figures or so.
func formatMilliseconds(_ ms: Double?) -> String {
    guard let ms, ms.isFinite else { return "-" }
    if ms < 1 { return String(format: "%.3f", ms) }
    if ms < 10 { return String(format: "%.2f", ms) }
    if ms < 100 { return String(format: "%.1f", ms) }
    return String(format: "%.0f", ms)
}

func formatRatio(_ r: Double) -> String {
    guard r.isFinite else { return "-" }
    if r < 0.01 { return String(format: "%.4f×", r) }
    if r < 0.1 { return String(format: "%.3f×", r) }
    return String(format: "%.2f×", r)
}

func formatMB(_ kib: Int) -> String {
    kib > 0 ? String(format: "%.1f", Double(kib) * 1024 / 1e6) : "-"
}

/// `1e5` as `10^5`.
func displayLabel(_ label: String) -> String {
    label.hasPrefix("1e") ? "10^" + label.dropFirst(2) : label
}

/// The report as Markdown tables (what `make bench` prints and the README quotes).
func markdown(_ report: SuiteReport) -> String {
    var out: [String] = []
    let m = report.machine
    var packages: [String] = []
    for lib in ["networkx", "igraph", "rustworkx"] {
        if let entry = m.pythonPackages[lib] {
            packages.append("\(lib) \(entry ?? "not installed")")
        }
    }
    out.append(
        "baligraph \(m.commit). Machine: \(m.cpus) CPUs (`nproc`), \(m.cpuModel); load average \(m.loadAverageStart) at the start, \(m.loadAverageEnd) at the end; \(m.swift)"
            + (m.python.map { "; Python \($0) (\(packages.joined(separator: ", ")))" } ?? "")
            + "; \(m.date); whole run \(String(format: "%.0f", report.elapsedSeconds)) s.")
    out.append("")

    if !report.latency.isEmpty {
        let runs = report.latency.first?.runs ?? 0
        out.append(
            "**Start-up latency on the built-in model** (process start to exit, median of \(runs) runs)"
        )
        out.append("")
        out.append("| command | median ms | min ms | × Foundation baseline | peak RSS MB |")
        out.append("|---|--:|--:|--:|--:|")
        for row in report.latency {
            if let error = row.error {
                out.append("| `\(row.name)` | \(error) | | | |")
                continue
            }
            out.append(
                "| `\(row.name)` | \(formatMilliseconds(row.medianMilliseconds)) | "
                    + "\(formatMilliseconds(row.minMilliseconds)) | "
                    + "\(row.ratioToBaseline.map { String(format: "%.2f", $0) } ?? "1") | "
                    + "\(formatMB(row.peakRSSKiB)) |")
        }
        out.append("")
    }

    if let render = report.render {
        out.append(
            "**Rendering every view** (\(render.views.count) views, median of \(render.rounds) rounds)"
        )
        out.append("")
        out.append("| | ms | × dot per view |")
        out.append("|---|--:|--:|")
        out.append(
            "| `baligraph render --all` (default `--jobs`: \(render.jobs ?? 1) processes) | \(formatMilliseconds(render.renderAllMilliseconds)) | \(formatRatio(render.ratio)) |"
        )
        if let one = render.renderAllOneProcessMilliseconds {
            out.append(
                "| `baligraph render --all --jobs 1` (one process) | \(formatMilliseconds(one)) | \(formatRatio(one / render.dotPerViewMilliseconds)) |"
            )
        }
        out.append(
            "| `dot -Tsvg`, one process per view, same DOT | \(formatMilliseconds(render.dotPerViewMilliseconds)) | 1 |"
        )
        if let error = render.error { out.append("| error | \(error) |") }
        out.append("")
    }

    if !report.datasets.isEmpty {
        out.append("**Synthetic affiliation graphs** (seed \(report.datasets[0].seed))")
        out.append("")
        out.append("| edges | nodes | members | bodies | body ties | CSV MB |")
        out.append("|--:|--:|--:|--:|--:|--:|")
        for d in report.datasets {
            out.append(
                "| \(d.edges) | \(d.nodes) | \(d.members) | \(d.bodies) | \(d.bodyTies) | "
                    + String(format: "%.1f", Double(d.bytes) / 1e6) + " |")
        }
        out.append("")
    }

    let labels = report.datasets.map(\.label)
    out.append(
        "**baligraph on the synthetic graphs** (median ms; peak RSS in MB, one process per size)")
    out.append("")
    out.append(
        "| edges | parse CSV | build graph | components | load + components (first run) | peak RSS after load + components | BFS | cut points | betweenness | peak RSS |"
    )
    out.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for label in labels {
        guard let run = report.graphs[label]?["baligraph"] else { continue }
        if let error = run.error {
            out.append("| \(displayLabel(label)) | error: \(error) | | | | | | | | |")
            continue
        }
        let t = run.milliseconds
        out.append(
            "| \(displayLabel(label)) | \(formatMilliseconds(t["parse"])) | "
                + "\(formatMilliseconds(t["build"])) | \(formatMilliseconds(t["components"])) | "
                + "\(formatMilliseconds(t["firstLoadComponents"])) | "
                + "\(formatMB(run.peakRSSLoadComponentsKiB)) | \(formatMilliseconds(t["bfs"])) | "
                + "\(formatMilliseconds(t["cutPoints"])) | "
                + "\(betweennessCell(run)) | \(formatMB(run.peakRSSKiB)) |")
    }
    out.append("")

    let tools = ["networkx", "igraph", "rustworkx"].filter { tool in
        labels.contains { report.graphs[$0]?[tool] != nil }
    }
    if !tools.isEmpty {
        out.append(
            "**Against Python libraries, same files, same run** (ms; in brackets baligraph's time over the library's: below 1 means baligraph is faster)"
        )
        out.append("")
        out.append("| edges | measurement | baligraph | " + tools.joined(separator: " | ") + " |")
        out.append("|--:|---|--:|" + tools.map { _ in "--:" }.joined(separator: "|") + "|")
        let rows: [(String, String)] = [
            ("load + components (parse, build, components)", "loadComponents"),
            ("BFS from one node", "bfs"),
            ("components", "components"), ("cut points", "cutPoints"),
            ("betweenness", "betweenness"),
        ]
        for label in labels {
            guard let ours = report.graphs[label]?["baligraph"], ours.error == nil else {
                continue
            }
            for (name, key) in rows {
                var cells: [String] = []
                for tool in tools {
                    guard let theirs = report.graphs[label]?[tool] else {
                        cells.append("-")
                        continue
                    }
                    if theirs.error != nil {
                        cells.append("error")
                        continue
                    }
                    guard let b = theirs.milliseconds[key] else {
                        cells.append("skipped")
                        continue
                    }
                    let r = (ours.milliseconds[key] ?? .nan) / b
                    cells.append("\(formatMilliseconds(b)) (\(formatRatio(r)))")
                }
                let mode =
                    key == "betweenness" && ours.betweennessMode == "sampled"
                    ? " (\(ours.betweennessSources ?? 0) sources)" : ""
                out.append(
                    "| \(displayLabel(label)) | \(name)\(mode) | \(formatMilliseconds(ours.milliseconds[key])) | "
                        + cells.joined(separator: " | ") + " |")
            }
            var memory: [String] = []
            for tool in tools {
                guard let theirs = report.graphs[label]?[tool], theirs.error == nil,
                    theirs.peakRSSLoadComponentsKiB > 0
                else {
                    memory.append("-")
                    continue
                }
                let r =
                    Double(ours.peakRSSLoadComponentsKiB) / Double(theirs.peakRSSLoadComponentsKiB)
                memory.append("\(formatMB(theirs.peakRSSLoadComponentsKiB)) (\(formatRatio(r)))")
            }
            out.append(
                "| \(displayLabel(label)) | peak RSS MB after load + components | "
                    + "\(formatMB(ours.peakRSSLoadComponentsKiB)) | "
                    + memory.joined(separator: " | ") + " |")
        }
        out.append("")
        let errors = labels.flatMap { label in
            tools.compactMap { tool in
                report.graphs[label]?[tool]?.error.map { "\(tool) at \(label): \($0)" }
            }
        }
        for error in errors { out.append("- error: \(error)") }
        if !errors.isEmpty { out.append("") }
    }

    out.append("**Targets**")
    out.append("")
    out.append("| target | goal | measured | verdict |")
    out.append("|---|---|---|---|")
    for t in report.targets {
        out.append("| \(t.name) | \(t.goal) | \(t.measured) | **\(t.verdict)** |")
    }
    out.append("")
    let checks = crossChecks(report)
    out.append(checks)
    if !report.skipped.isEmpty {
        out.append("")
        out.append("Not measured: " + report.skipped.joined(separator: "; ") + ".")
    }
    return out.joined(separator: "\n") + "\n"
}

private func betweennessCell(_ run: GraphRun) -> String {
    guard let ms = run.milliseconds["betweenness"] else { return "skipped" }
    let mode =
        run.betweennessMode == "sampled"
        ? "sampled, \(run.betweennessSources ?? 0) sources" : "exact"
    return "\(formatMilliseconds(ms)) (\(mode))"
}

/// Whether every tool read the same graph and found the same answers.
func crossChecks(_ report: SuiteReport) -> String {
    var problems: [String] = []
    var compared = 0
    for d in report.datasets {
        guard let runs = report.graphs[d.label], let ours = runs["baligraph"], ours.error == nil
        else { continue }
        for (tool, theirs) in runs.sorted(by: { $0.key < $1.key })
        where tool != "baligraph" && theirs.error == nil {
            compared += 1
            func same<T: Equatable>(_ what: String, _ a: T?, _ b: T?) {
                if let a, let b, a != b {
                    problems.append("\(tool) at \(d.label): \(what) \(b) vs \(a)")
                }
            }
            same("nodes", ours.nodes, theirs.nodes)
            same("edges", ours.edges, theirs.edges)
            same("components", ours.components, theirs.components)
            same("largest component", ours.largestComponent, theirs.largestComponent)
            same("cut points", ours.cutPoints, theirs.cutPoints)
            same("nodes reached by BFS", ours.bfsReached, theirs.bfsReached)
            if let a = ours.betweennessMax, let b = theirs.betweennessMax,
                abs(a - b) > 1e-9 * max(abs(a), 1e-300)
            {
                problems.append("\(tool) at \(d.label): largest betweenness \(b) vs \(a)")
            }
        }
    }
    if compared == 0 { return "No other library ran, so nothing was cross-checked." }
    if problems.isEmpty {
        return "Cross-check: every library read the same nodes and edges and found the same "
            + "components, largest component, cut points, BFS reach and (exact) largest "
            + "betweenness as baligraph."
    }
    return "Cross-check found differences: " + problems.joined(separator: "; ") + "."
}
