import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in
/// the same folder, are flushed, and the temporary file is renamed over the target. A failure
/// leaves the previous file untouched and removes the temporary one.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically, creating the folder if needed.
    public static func write(_ bytes: [UInt8], to path: String) throws(BaliError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw BaliError(
                "cannot create the folder '\(folder.path)': \(error.localizedDescription)",
                notes: ["check the path and its permissions"])
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw BaliError(
                "cannot write '\(path)': \(String(cString: strerror(errno)))",
                notes: ["check that the folder exists and is writable"])
        }
        var ok = true
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    ok = false
                    break
                }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        let error = errno
        close(fd)
        guard ok, rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(ok ? errno : error))
            unlink(temporary.path)
            throw BaliError(
                "cannot write '\(path)': \(reason)",
                notes: ["the previous file, if any, is unchanged"])
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String) throws(BaliError) {
        try write(Array(text.utf8), to: path)
    }
}
