/// Text made safe to print on a terminal.
///
/// Names, notes and titles in a model can hold control characters (`\e[2J` clears the
/// screen, `\e]52;c;…\a` writes the clipboard) and bidirectional overrides that make a line
/// read differently from what it holds. Printed as they are, a model file from someone else
/// could act on the reader's terminal. They are written instead as visible escapes
/// (`\u{1B}`, `\u{202E}`). Tab and line feed stay; so do SGR colour sequences
/// (`\e[31m`), which only change colours and are how baligraph itself styles text.
public enum TerminalText {
    /// `text` with every control character other than tab and line feed, and every
    /// bidirectional mark, override and isolate, replaced by a visible `\u{…}` escape.
    public static func neutralized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "\u{1B}", let end = endOfColour(scalars, from: i) {
                out.append(contentsOf: scalars[i...end])
                i = end + 1
                continue
            }
            if needsEscape(scalar) {
                out.append(
                    contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                        .unicodeScalars)
            } else {
                out.append(scalar)
            }
            i += 1
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The index of the `m` that ends an SGR sequence (`ESC [ digits and ; m`) starting at
    /// `start`, or nil.
    static func endOfColour(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var i = start + 2
        while i < scalars.count, i - start < 24 {
            let s = scalars[i]
            if s == "m" { return i }
            guard ("0"..."9").contains(s) || s == ";" else { return nil }
            i += 1
        }
        return nil
    }
}
