import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A headless Chromium driven over the Chrome DevTools Protocol through
/// `--remote-debugging-pipe`: the browser reads commands on its fd 3 and writes replies and
/// events on its fd 4, each message one JSON object followed by a NUL byte.
///
/// Everything has a deadline, and the browser's whole process group is killed when the
/// session ends, whatever happened.
final class Chromium {
    /// The browser binary: `$BALIGRAPH_CHROMIUM` when set (`none` turns the browser tests
    /// off), else Debian's `chromium` (the real binary behind the wrapper script, when
    /// present), else the usual names on `PATH`; nil when none is installed.
    static let binary: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let given = environment["BALIGRAPH_CHROMIUM"], !given.isEmpty {
            // "none" turns the browser tests off.
            return given == "none" || !FileManager.default.isExecutableFile(atPath: given)
                ? nil : given
        }
        candidates.append("/usr/lib/chromium/chromium")
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in path + ["/usr/bin", "/snap/bin"] {
                candidates.append("\(folder)/\(name)")
            }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Why browser tests are skipped, when they are.
    static let skipReason =
        "no Chromium binary found: install Debian's 'chromium' package (apt-get install chromium)"
        + " or set BALIGRAPH_CHROMIUM to a Chromium or Chrome binary"

    private let pid: pid_t
    private let commands: Int32
    private let replies: Int32
    private let profile: URL
    private var buffer: [UInt8] = []
    private var nextID = 1
    private var closed = false
    private let deadline: ContinuousClock.Instant
    /// Every event received, in order.
    private(set) var events: [[String: Any]] = []
    /// JavaScript dialogs the page tried to open (each dismissed at once).
    private(set) var dialogs: [String] = []

    /// Starts the browser; `timeout` bounds the whole session.
    init(timeout: Duration) throws {
        guard let binary = Self.binary else { throw SupportError(Self.skipReason) }
        deadline = .now + timeout
        signal(SIGPIPE, SIG_IGN)
        profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baligraph-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let toBrowser = try Self.pipePair()
        let fromBrowser = try Self.pipePair()
        let arguments = [
            binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            "--disable-dev-shm-usage", "about:blank",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        let argv = arguments.map { strdup($0) } + [nil]
        let envp =
            environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
            + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, profile.appendingPathComponent("chromium.log").path,
            O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_adddup2(&actions, toBrowser.read, 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser.write, 4)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var child: pid_t = 0
        let status = posix_spawn(&child, binary, &actions, &attributes, argv, envp)
        closeDescriptor(toBrowser.read)
        closeDescriptor(fromBrowser.write)
        guard status == 0 else {
            closeDescriptor(toBrowser.write)
            closeDescriptor(fromBrowser.read)
            try? FileManager.default.removeItem(at: profile)
            throw SupportError("cannot start \(binary): \(String(cString: strerror(status)))")
        }
        pid = child
        commands = toBrowser.write
        replies = fromBrowser.read
    }

    deinit { close() }

    /// Kills the browser's process group, reaps it and removes its profile.
    func close() {
        guard !closed else { return }
        closed = true
        closeDescriptor(commands)
        closeDescriptor(replies)
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        try? FileManager.default.removeItem(at: profile)
    }

    /// The browser's own log, for failure messages.
    var log: String {
        (try? String(
            contentsOf: profile.appendingPathComponent("chromium.log"), encoding: .utf8)) ?? ""
    }

    /// Sends a command and waits for its reply; throws on a protocol error or timeout.
    @discardableResult
    func send(
        _ method: String, _ params: [String: Any] = [:], session: String? = nil,
        timeout: Duration = .seconds(20)
    ) throws -> [String: Any] {
        let id = post(method, params, session: session)
        let limit = min(deadline, .now + timeout)
        while true {
            let message = try receive(until: limit, waitingFor: method)
            if message["id"] as? Int == id {
                if let error = message["error"] as? [String: Any] {
                    throw SupportError("\(method) failed: \(error["message"] ?? error)")
                }
                return message["result"] as? [String: Any] ?? [:]
            }
        }
    }

    /// Waits for an event; events that already arrived count.
    func waitForEvent(
        _ method: String, session: String? = nil, after seen: Int = 0,
        timeout: Duration = .seconds(20)
    ) throws -> [String: Any] {
        let limit = min(deadline, .now + timeout)
        var index = seen
        while true {
            while index < events.count {
                let event = events[index]
                index += 1
                if event["method"] as? String == method,
                    session == nil || event["sessionId"] as? String == session
                {
                    return event["params"] as? [String: Any] ?? [:]
                }
            }
            _ = try receive(until: limit, waitingFor: method)
        }
    }

    /// Events of one method, their parameters in order.
    func events(_ method: String) -> [[String: Any]] {
        events.filter { $0["method"] as? String == method }.map {
            $0["params"] as? [String: Any] ?? [:]
        }
    }

    @discardableResult
    private func post(_ method: String, _ params: [String: Any], session: String?) -> Int {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        // The serialisation of plain dictionaries, strings and numbers cannot fail.
        var bytes = [UInt8](try! JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
        return id
    }

    /// The next message, reading from the browser until `limit`.
    private func receive(until limit: ContinuousClock.Instant, waitingFor what: String) throws
        -> [String: Any]
    {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let body = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let message = try JSONSerialization.jsonObject(with: body) as? [String: Any]
                else { continue }
                if message["method"] != nil {
                    events.append(message)
                    if message["method"] as? String == "Page.javascriptDialogOpening" {
                        let params = message["params"] as? [String: Any] ?? [:]
                        dialogs.append(params["message"] as? String ?? "")
                        post(
                            "Page.handleJavaScriptDialog", ["accept": false],
                            session: message["sessionId"] as? String)
                    }
                }
                return message
            }
            let remaining = limit - .now
            guard remaining > .zero else {
                throw SupportError("timed out waiting for \(what)\nbrowser log:\n\(log)")
            }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(
                min(seconds * 1000 + attoseconds / 1_000_000_000_000_000, 60_000))
            var poller = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, max(milliseconds, 1))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { read(replies, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw SupportError("the browser closed its pipe\nbrowser log:\n\(log)")
            }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    /// A pipe whose two ends are close-on-exec and numbered above 10, so that placing them
    /// on fds 3 and 4 in the child cannot clobber one another.
    private static func pipePair() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw SupportError("pipe failed: \(String(cString: strerror(errno)))")
        }
        let read = fcntl(fds[0], F_DUPFD_CLOEXEC, 10)
        let write = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
        closeDescriptor(fds[0])
        closeDescriptor(fds[1])
        guard read >= 0, write >= 0 else { throw SupportError("fcntl failed") }
        return (read, write)
    }
}

/// Closes a file descriptor (the C function, which `Chromium.close()` hides).
private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}

/// One page (tab) of the browser, attached with a flat session.
final class BrowserPage {
    let browser: Chromium
    let session: String

    /// Opens a tab, attaches to it and enables the domains the tests listen to.
    init(_ browser: Chromium, width: Int = 1400, height: Int = 1000) throws {
        self.browser = browser
        let target = try browser.send("Target.createTarget", ["url": "about:blank"])
        guard let id = target["targetId"] as? String else {
            throw SupportError("no target id in \(target)")
        }
        let attached = try browser.send(
            "Target.attachToTarget", ["targetId": id, "flatten": true])
        guard let session = attached["sessionId"] as? String else {
            throw SupportError("no session id in \(attached)")
        }
        self.session = session
        for domain in ["Page", "Network", "Runtime", "Log"] {
            try send("\(domain).enable")
        }
        try send(
            "Emulation.setDeviceMetricsOverride",
            ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        try browser.send(method, params, session: session)
    }

    /// Loads a URL and waits for its load event.
    func navigate(_ url: String) throws {
        let seen = browser.events.count
        let result = try send("Page.navigate", ["url": url])
        if let error = result["errorText"] as? String {
            throw SupportError("navigation to \(url) failed: \(error)")
        }
        _ = try browser.waitForEvent("Page.loadEventFired", session: session, after: seen)
    }

    /// Evaluates an expression in the page and returns its value (JSON-like).
    @discardableResult
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send(
            "Runtime.evaluate",
            ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let details = result["exceptionDetails"] as? [String: Any] {
            let exception = details["exception"] as? [String: Any]
            throw SupportError(
                "the page threw: \(exception?["description"] ?? details["text"] ?? details)"
                    + "\nin: \(expression)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    func string(_ expression: String) throws -> String {
        try evaluate(expression) as? String ?? ""
    }

    func bool(_ expression: String) throws -> Bool {
        try evaluate(expression) as? Bool ?? false
    }

    /// Polls an expression until it is true.
    func wait(for expression: String, timeout: Duration = .seconds(10)) throws {
        let limit = ContinuousClock.now + timeout
        while ContinuousClock.now < limit {
            if try bool(expression) { return }
            usleep(50_000)
        }
        throw SupportError("timed out waiting for \(expression)")
    }

    /// Clicks the centre of the element `selector` picks, with real mouse events, after
    /// scrolling it into view and checking that nothing covers it there.
    func click(_ selector: String) throws {
        let literal = Self.literal(selector)
        let point = try evaluate(
            """
            (() => {
              const e = document.querySelector(\(literal));
              if (!e) return 'missing';
              e.scrollIntoView({block: 'center', inline: 'center'});
              const r = e.getBoundingClientRect();
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              const hit = document.elementFromPoint(x, y);
              if (!hit || !(hit === e || e.contains(hit))) {
                return 'covered by ' + (hit ? hit.outerHTML.slice(0, 120) : 'nothing');
              }
              return [x, y];
            })()
            """)
        guard let xy = point as? [Double], xy.count == 2 else {
            throw SupportError("cannot click \(selector): \(point ?? "nil")")
        }
        for type in ["mouseMoved", "mousePressed", "mouseReleased"] {
            try send(
                "Input.dispatchMouseEvent",
                ["type": type, "x": xy[0], "y": xy[1], "button": "left", "clickCount": 1])
        }
    }

    /// Types text, one key event per character.
    func type(_ text: String) throws {
        for character in text {
            let key = String(character)
            try send("Input.dispatchKeyEvent", ["type": "keyDown", "key": key, "text": key])
            try send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key])
        }
    }

    /// Presses a named key: Enter, Tab, Escape, ArrowDown, ArrowUp or Space.
    func press(_ key: String, shift: Bool = false) throws {
        let codes = [
            "Enter": 13, "Tab": 9, "Escape": 27, "ArrowDown": 40, "ArrowUp": 38, " ": 32,
        ]
        guard let code = codes[key] else { throw SupportError("unknown key \(key)") }
        var down: [String: Any] = [
            "type": "keyDown", "key": key, "code": key == " " ? "Space" : key,
            "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code,
            "modifiers": shift ? 8 : 0,
        ]
        if key == "Enter" { down["text"] = "\r" }
        if key == " " { down["text"] = " " }
        try send("Input.dispatchKeyEvent", down)
        down["type"] = "keyUp"
        down["text"] = nil
        try send("Input.dispatchKeyEvent", down)
    }

    /// A PNG screenshot of the viewport.
    func screenshot() throws -> [UInt8] {
        let result = try send("Page.captureScreenshot", ["format": "png"])
        guard let text = result["data"] as? String, let data = Data(base64Encoded: text) else {
            throw SupportError("no screenshot data")
        }
        return [UInt8](data)
    }

    /// Every URL the page asked the network stack for.
    var requestedURLs: [String] {
        browser.events.filter {
            $0["method"] as? String == "Network.requestWillBeSent"
                && $0["sessionId"] as? String == session
        }.compactMap {
            (($0["params"] as? [String: Any])?["request"] as? [String: Any])?["url"] as? String
        }
    }

    /// Exceptions thrown by the page's scripts, as text.
    var exceptions: [String] {
        browser.events.filter {
            $0["method"] as? String == "Runtime.exceptionThrown"
                && $0["sessionId"] as? String == session
        }.map { "\($0["params"] ?? "")" }
    }

    /// Console and browser log entries at error level, as text.
    var errors: [String] {
        browser.events.filter { event in
            guard event["sessionId"] as? String == session,
                let params = event["params"] as? [String: Any]
            else { return false }
            switch event["method"] as? String {
            case "Log.entryAdded":
                return (params["entry"] as? [String: Any])?["level"] as? String == "error"
            case "Runtime.consoleAPICalled":
                return params["type"] as? String == "error"
            default:
                return false
            }
        }.map { "\($0["params"] ?? "")" }
    }

    /// A JavaScript string literal for `text`.
    static func literal(_ text: String) -> String {
        // A JSON string is a JavaScript string literal.
        let data = try! JSONSerialization.data(
            withJSONObject: [text], options: [.fragmentsAllowed, .withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
