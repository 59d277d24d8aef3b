import CGraphviz
import CGraphvizShim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Graphviz C library, in-process: DOT text in, SVG/PNG/PDF/DOT/JSON bytes out.
///
/// The library is loaded with `dlopen` at the first render (`gvs_load` in the shim), not
/// linked: commands that draw nothing start without it, and where it is missing a render
/// fails with a setup error that says what to install.
///
/// Graphviz 2.42 is not thread-safe in any way (global parser, global attribute
/// handles, static error state and counters), and a separate context per thread does
/// not help. So there is exactly one instance, ``shared``, with one Graphviz context
/// for the life of the process, and every call into the library (parsing, layout,
/// rendering, freeing, plugin queries) happens while holding its one lock. Renders from
/// many threads or tasks are safe; they run one after the other.
///
/// Messages from Graphviz are captured through its error hook and returned in
/// ``Rendered/warnings`` or ``GraphvizError/messages``; nothing is written to standard
/// error. Files named by `image=`, `shapefile=` or `<IMG SRC=…>` are never read.
///
/// Only render DOT text that this program generated: Graphviz 2.42 can still crash,
/// `abort()` or `exit()` on some inputs (for example `concentrate=true`), which no
/// in-process wrapper can contain. Some layouts also leak inside Graphviz on every
/// render (`dot` for graphs with clusters or cycles, `neato` with clusters, `osage`;
/// from about a hundred bytes to kilobytes per cluster): harmless for a command-line
/// run, but a long-running process should render in worker processes it recycles.
public final class Graphviz: Sendable {
    /// The process's only renderer.
    public static let shared = Graphviz()

    /// What the lock protects: the Graphviz context and what was learnt at set-up.
    ///
    /// `@unchecked Sendable` because of the `GVC_t *`: it is only handed to Graphviz
    /// inside `state.withLock`, so no two threads ever use it at the same time.
    private struct State: @unchecked Sendable {
        /// The `GVC_t *`, never freed (each create/free pair leaks in 2.42).
        var context: OpaquePointer?
        /// Why rendering is impossible, if it is.
        var setupFailure: GraphvizError?
        var layouts: [String] = []
        var devices: [String] = []
        /// How long a diagnostic Graphviz can safely report now (see ``messageCapacity(for:)``).
        var messageCapacity = 0
        /// The last graph each engine laid out, closed only after that engine has laid out
        /// the next one (see ``pipeline``).
        var retained: [String: UnsafeMutablePointer<Agraph_t>] = [:]
    }

    private let state = Locked(State())

    private init() {
        state.withLock { state in
            state = Self.setUp()
        }
    }

    /// Throws the set-up error, if Graphviz could not be set up (for example because
    /// its plugins are not installed or not registered); returns otherwise.
    ///
    /// Every render reports the same error, so calling this is optional; it lets a
    /// program say what is wrong before it starts working.
    public func verifySetup() throws(GraphvizError) {
        let failure = state.withLock { $0.setupFailure }
        if let failure {
            throw failure
        }
    }

    /// Lays out a graph given as DOT text and renders it.
    ///
    /// - Parameters:
    ///   - dot: exactly one graph in the DOT language. Name the root graph and quote
    ///     every identifier; nothing but white space and comments may follow the graph.
    ///   - engine: the layout engine.
    ///   - format: the output format. SVG and PDF output are normalised so that the same
    ///     DOT text always gives the same bytes (see ``OutputFormat``).
    ///   - limits: size limits checked before the layout starts.
    /// - Returns: the output bytes and Graphviz's warnings.
    /// - Throws: ``GraphvizError`` naming the stage that failed, with Graphviz's own
    ///   messages.
    /// - Complexity: the layout dominates; for `dot` roughly quadratic in the number of
    ///   nodes and edges in bad cases. Renders are serialised process-wide.
    public func render(
        dot: String,
        engine: LayoutEngine = .dot,
        format: OutputFormat = .svg,
        limits: RenderLimits = RenderLimits()
    ) throws(GraphvizError) -> Rendered {
        let rendered = try render(
            dot: dot, engineName: engine.rawValue, formatName: format.graphvizName, limits: limits)
        switch format {
        case .svg:
            return Rendered(
                bytes: SVGNormalizer.normalize(rendered.bytes), warnings: rendered.warnings)
        case .pdf:
            return Rendered(
                bytes: PDFNormalizer.normalize(rendered.bytes), warnings: rendered.warnings)
        case .png, .dot, .json:
            return rendered
        }
    }

    /// Renders with any engine and format name Graphviz knows (`"nop"`, `"svg:cairo"`,
    /// …), without post-processing. Internal: the public API only offers the engines and
    /// formats that are supported.
    func render(
        dot: String, engineName: String, formatName: String, limits: RenderLimits = RenderLimits()
    ) throws(GraphvizError) -> Rendered {
        let text = Array(dot.utf8)
        guard text.count <= limits.inputBytes else {
            throw GraphvizError(
                stage: .input,
                summary:
                    "the DOT text is \(text.count) bytes long; the limit is \(limits.inputBytes) bytes"
            )
        }
        if let nul = text.firstIndex(of: 0) {
            let line = text[..<nul].reduce(into: 1) { lines, byte in
                if byte == UInt8(ascii: "\n") { lines += 1 }
            }
            throw GraphvizError(
                stage: .input, summary: "the DOT text contains a NUL character (line \(line))")
        }
        let result = text.withUnsafeBufferPointer { buffer in
            state.withLock { state in
                let needed = Self.messageCapacity(for: buffer.count)
                if needed > state.messageCapacity && state.setupFailure == nil {
                    guard gvs_init(needed) == 0 else {
                        return Result<Rendered, GraphvizError>.failure(
                            GraphvizError(
                                stage: .setup,
                                summary:
                                    "could not allocate \(needed) bytes for Graphviz's message buffer"
                            ))
                    }
                    state.messageCapacity = needed
                }
                return Self.renderLocked(
                    buffer, engineName: engineName, formatName: formatName, limits: limits,
                    state: &state)
            }
        }
        return try result.get()
    }

    // MARK: - Set-up

    /// The devices every build of baligraph needs, and the layout it uses by default.
    static let requiredLayouts = ["dot"]
    static let requiredDevices = ["svg", "png", "pdf"]

    /// The longest diagnostic Graphviz must be able to report for an input of `inputBytes`:
    /// twice the input, because a message can quote names from it, plus room for the text.
    /// The buffer is grown (a one-time `vsnprintf` of that size) before the first render that
    /// needs more than the last one, not to the maximum up front: pre-growing to 8 MiB cost
    /// about 14% of `render --all`.
    static func messageCapacity(for inputBytes: Int) -> Int {
        max(2 * inputBytes + 64 * 1024, 256 * 1024)
    }

    /// Runs once, under the lock.
    private static func setUp() -> State {
        var state = State()
        var loadError = [CChar](repeating: 0, count: 512)
        guard gvs_load(&loadError, loadError.count) == 0 else {
            let reason = String(
                decoding: loadError.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            state.setupFailure = GraphvizError(
                stage: .setup,
                summary:
                    "Graphviz's library could not be loaded (\(reason)); install Graphviz (Debian: apt-get install libgvc6, or graphviz)"
            )
            return state
        }
        let capacity = messageCapacity(for: 0)
        if gvs_init(capacity) != 0 {
            state.setupFailure = GraphvizError(
                stage: .setup,
                summary: "could not allocate \(capacity) bytes for Graphviz's message buffer")
            return state
        }
        state.messageCapacity = capacity
        gvs_sandbox_files(nil)
        // Never gvconfig(gvc, TRUE) (what `dot -c` does): it exit()s when it cannot
        // write the configuration file.
        gvs_capture_begin()
        let context = gvs_context()
        if let context {
            state.layouts = pluginNames(context, kind: "layout")
            state.devices = pluginNames(context, kind: "device")
        }
        _ = gvs_capture_end()
        let messages = capturedMessages()
        guard let context else {
            state.setupFailure = GraphvizError(
                stage: .setup, summary: "gvContext() failed (out of memory?)", messages: messages)
            return state
        }
        state.context = context
        let missing =
            requiredLayouts.filter { !state.layouts.contains($0) }.map { "layout \($0)" }
            + requiredDevices.filter { !state.devices.contains($0) }.map { "output format \($0)" }
        if !missing.isEmpty {
            state.setupFailure = GraphvizError(
                stage: .setup,
                summary: missingPluginsSummary(missing: missing, layouts: state.layouts),
                messages: messages)
        }
        return state
    }

    private static func pluginNames(_ context: OpaquePointer, kind: String) -> [String] {
        guard let list = gvs_plugin_list(context, kind) else { return [] }
        defer { gvs_free(list) }
        return String(cString: list).split(separator: "\n").map(String.init)
    }

    /// Explains missing plugins; the usual cause is a missing or stale `config6a`.
    private static func missingPluginsSummary(missing: [String], layouts: [String]) -> String {
        var configPath: String?
        var configExists = true
        if let path = gvs_plugin_config_path() {
            configPath = String(cString: path)
            configExists = gvs_file_exists(path) != 0
            gvs_free(path)
        }
        // Debian's libgvc6 ships the tool its install script runs.
        let debianTool = "/usr/sbin/libgvc6-config-update"
        return missingPluginsSummary(
            missing: missing, layouts: layouts, configPath: configPath, configExists: configExists,
            debianTool: gvs_file_exists(debianTool) != 0 ? debianTool : nil)
    }

    /// The text of ``missingPluginsSummary(missing:layouts:)``, from the facts gathered.
    static func missingPluginsSummary(
        missing: [String], layouts: [String], configPath: String?, configExists: Bool,
        debianTool: String?
    ) -> String {
        let path = configPath ?? "the Graphviz plugin directory's config6a"
        let cause =
            configExists
            ? "\(path) does not register them (stale plugin list?)"
            : "the plugin list \(path) is missing, so Graphviz loaded no plugins at all"
        let regenerate =
            debianTool.map { "`\($0) -c` or `dot -c`" } ?? "`dot -c` (from the graphviz package)"
        let fix =
            "Regenerate it as root with \(regenerate), or reinstall libgvc6 "
            + "(`apt-get install --reinstall libgvc6`), whose install script writes it; "
            + "copying Graphviz's .so files into an image without running that script leaves "
            + "it out"
        let found = layouts.isEmpty ? "" : " (layouts found: \(layouts.joined(separator: ", ")))"
        return "Graphviz plugins missing: \(missing.joined(separator: ", "))\(found); "
            + "\(cause). \(fix)."
    }

    // MARK: - Rendering

    private static func renderLocked(
        _ text: UnsafeBufferPointer<UInt8>, engineName: String, formatName: String,
        limits: RenderLimits, state: inout State
    ) -> Result<Rendered, GraphvizError> {
        if let failure = state.setupFailure {
            return .failure(failure)
        }
        guard let context = state.context else {
            return .failure(GraphvizError(stage: .setup, summary: "no Graphviz context"))
        }
        gvs_capture_begin()
        let outcome = pipeline(
            context, text: text, engineName: engineName, formatName: formatName, limits: limits,
            state: &state)
        _ = gvs_capture_end()
        let messages = capturedMessages()
        switch outcome {
        case .success(let bytes):
            return .success(Rendered(bytes: bytes, warnings: messages))
        case .failure(let failure):
            return .failure(
                GraphvizError(stage: failure.stage, summary: failure.summary, messages: messages))
        }
    }

    /// Parse, check, lay out, render, copy the bytes; frees everything it created.
    private static func pipeline(
        _ context: OpaquePointer, text: UnsafeBufferPointer<UInt8>, engineName: String,
        formatName: String, limits: RenderLimits, state: inout State
    ) -> Result<[UInt8], GraphvizError> {
        var status = GVS_READ_OK
        var detail = 0
        let parsed = text.withMemoryRebound(to: CChar.self) { chars in
            gvs_read(chars.baseAddress, chars.count, &status, &detail)
        }
        guard let graph = parsed else {
            return .failure(readFailure(status, line: detail))
        }
        // circo caches the attribute symbols of the last root graph it laid out in static
        // variables, and trusts them again when the next root graph has the same address:
        // after agclose the next graph often does, and circo read freed symbols (a SEGV in
        // late_double/agxget, found by the render fuzz target and under ThreadSanitizer;
        // otherwise whatever the freed memory held). So a graph
        // that went to a layout engine stays open until that engine has read the next
        // one, which therefore has another address.
        var retain = false
        defer {
            if retain, let previous = state.retained.updateValue(graph, forKey: engineName) {
                _ = gvs_close(previous)
            } else if !retain {
                _ = gvs_close(graph)
            }
        }

        let nodes = Int(gvs_node_count(graph))
        let edges = Int(gvs_edge_count(graph))
        if nodes > limits.nodes || edges > limits.edges {
            return .failure(
                GraphvizError(
                    stage: .input,
                    summary: "the graph has \(nodes) nodes and \(edges) edges; the limits are "
                        + "\(limits.nodes) nodes and \(limits.edges) edges"))
        }

        retain = true
        guard gvs_layout(context, graph, engineName) == 0 else {
            // After a failed layout only agclose is safe, not gvFreeLayout.
            let summary =
                state.layouts.contains(engineName)
                ? "the \(engineName) layout failed"
                : "there is no layout engine named '\(engineName)'; this Graphviz has "
                    + state.layouts.joined(separator: ", ")
            return .failure(GraphvizError(stage: .layout, summary: summary))
        }
        defer { _ = gvs_free_layout(context, graph) }

        var length = 0
        var rc: Int32 = 0
        guard let data = gvs_render(context, graph, formatName, &length, &rc) else {
            let device = String(formatName.prefix { $0 != ":" })
            let summary =
                state.devices.contains(device)
                ? "writing \(formatName) output failed (Graphviz returned \(rc))"
                : "there is no output format named '\(device)'; this Graphviz has "
                    + state.devices.joined(separator: ", ")
            return .failure(GraphvizError(stage: .render, summary: summary))
        }
        defer { gvs_free_render_data(data) }
        // Copy by length: PNG and PDF contain NUL bytes.
        return .success(Array(UnsafeRawBufferPointer(start: data, count: length)))
    }

    private static func readFailure(_ status: gvs_read_status, line: Int) -> GraphvizError {
        let summary =
            switch status {
            case GVS_READ_EMPTY: "the DOT text contains no graph"
            case GVS_READ_SECOND_GRAPH:
                "the DOT text contains more than one graph; render them one at a time"
            case GVS_READ_TRAILING_INPUT: "there is text after the end of the graph"
            case GVS_READ_BARE_EOF_TOKEN:
                "line \(line) has an '@' outside a quoted string, which Graphviz reads as the "
                    + "end of the input; quote that identifier"
            default: "the DOT text is not valid DOT"
            }
        let stage: GraphvizError.Stage = status == GVS_READ_BARE_EOF_TOKEN ? .input : .parse
        return GraphvizError(stage: stage, summary: summary)
    }

    /// The messages of the last capture, as Graphviz would print them, without trailing
    /// white space; empty ones are dropped.
    private static func capturedMessages() -> [String] {
        var messages: [String] = []
        for index in 0..<gvs_capture_count() {
            var level = GVS_MESSAGE_WARNING
            var length = 0
            guard let pointer = gvs_capture_message(index, &level, &length) else { continue }
            let raw = UnsafeRawBufferPointer(start: pointer, count: length)
            var text = Substring(String(decoding: raw, as: UTF8.self))
            while let last = text.last, last.isWhitespace {
                text.removeLast()
            }
            guard !text.isEmpty else { continue }
            messages.append((level == GVS_MESSAGE_ERROR ? "Error: " : "Warning: ") + text)
        }
        return messages
    }
}

/// A value behind a pthread mutex.
///
/// Not `Synchronization.Mutex`: on Linux it waits on a futex directly, which
/// ThreadSanitizer cannot see, so TSan reported every access it guards (the shim's
/// message buffer, the parser's state) as a data race and could not have told a real one
/// apart. pthread mutexes are intercepted by the sanitizers.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock.
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
