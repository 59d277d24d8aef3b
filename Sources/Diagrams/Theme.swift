import Foundation
import StakeholderModel

/// How a line is drawn.
public enum LineStyle: String, Hashable, Sendable, CaseIterable {
    /// A continuous line.
    case solid
    /// A dashed line.
    case dashed
    /// A dotted line.
    case dotted
}

/// Graphviz arrowheads a relation may use (an allow-list).
public enum ArrowShape: String, Hashable, Sendable, CaseIterable {
    /// A filled triangle.
    case normal
    /// An open triangle.
    case empty
    /// A filled diamond.
    case diamond
    /// An open diamond.
    case odiamond
    /// A filled dot.
    case dot
    /// An open dot.
    case odot
    /// A vee.
    case vee
    /// A tee.
    case tee
    /// A filled box.
    case box
    /// No arrowhead.
    case none
}

/// How the edges of one relation are drawn.
public struct EdgeStyle: Hashable, Sendable {
    /// Solid, dashed or dotted.
    public var line: LineStyle
    /// The arrowhead at the target's end.
    public var arrowhead: ArrowShape
    /// The stroke colour, `#rrggbb`.
    public var color: String
    /// The stroke width in points.
    public var width: Double

    /// Creates an edge style.
    public init(_ line: LineStyle, _ arrowhead: ArrowShape, color: String, width: Double = 1) {
        self.line = line
        self.arrowhead = arrowhead
        self.color = color.lowercased()
        self.width = width
    }
}

/// A palette and fonts: everything a diagram's look depends on besides the model's schema.
///
/// Kinds take their shape and rank from the schema and their fill from the schema's colour
/// when it has one, else from ``kindPalette`` by a stable hash of the kind's id. Relations
/// take their style from ``relationStyles``, else ``defaultEdgeStyle``. The colours of the
/// built-in themes come from the Okabe–Ito palette, which stays distinguishable for readers
/// with colour-vision deficiencies, and every relation also differs by line and arrowhead so
/// that a black-and-white print keeps the distinctions.
public struct Theme: Hashable, Sendable {
    /// The theme's name, as given to `--theme`.
    public var name: String
    /// The font family for every label.
    public var fontName: String
    /// Node label size in points.
    public var fontSize: Double
    /// Title size in points.
    public var titleFontSize: Double
    /// Legend and footer size in points.
    public var legendFontSize: Double
    /// The page colour.
    public var background: String
    /// Text and outlines.
    public var ink: String
    /// Secondary text: the subtitle and the footer.
    public var mutedInk: String
    /// The fill of a cluster.
    public var clusterFill: String
    /// The outline of a cluster.
    public var clusterBorder: String
    /// Fills for kinds whose schema gives no colour; chosen by a stable hash of the kind id.
    public var kindPalette: [String]
    /// True to use the schema's kind colours; false draws every kind from ``kindPalette``
    /// (a greyscale theme turns schema colours to greys instead).
    public var usesSchemaColors: Bool
    /// True to turn every fill to a grey of the same lightness.
    public var greyscale: Bool
    /// Edge styles keyed by relation id.
    public var relationStyles: [String: EdgeStyle]
    /// The style of relations missing from ``relationStyles``.
    public var defaultEdgeStyle: EdgeStyle
    /// Dark-mode colours: the page, the text, and replacements for light-mode colours that
    /// would vanish on a dark page, applied by ``SVGPostProcessor`` through CSS.
    public var dark: DarkPalette

    /// Colours for `prefers-color-scheme: dark`.
    public struct DarkPalette: Hashable, Sendable {
        /// The page colour.
        public var background: String
        /// Text outside nodes (title, legend, edge labels).
        public var text: String
        /// The fill of a cluster.
        public var clusterFill: String
        /// Light-mode stroke colours and what they become, in a fixed order.
        public var strokeReplacements: [(from: String, to: String)]

        /// Creates a dark palette.
        public init(
            background: String, text: String, clusterFill: String,
            strokeReplacements: [(from: String, to: String)]
        ) {
            self.background = background
            self.text = text
            self.clusterFill = clusterFill
            self.strokeReplacements = strokeReplacements
        }

        /// Equal when every colour and replacement is equal, in order.
        public static func == (a: DarkPalette, b: DarkPalette) -> Bool {
            a.background == b.background && a.text == b.text && a.clusterFill == b.clusterFill
                && a.strokeReplacements.map(\.from) == b.strokeReplacements.map(\.from)
                && a.strokeReplacements.map(\.to) == b.strokeReplacements.map(\.to)
        }

        /// Hashes the page and text colours.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(background)
            hasher.combine(text)
        }
    }

    /// The fill of a kind: the schema's colour when the theme uses it and it is valid, else
    /// a palette colour picked by a stable hash of the kind's id.
    public func fill(for kind: Kind) -> String {
        var color: String
        if usesSchemaColors, let given = kind.color, let valid = Color(hex: given) {
            color = valid.hex
        } else {
            color = kindPalette[Int(Self.stableHash(kind.id) % UInt64(kindPalette.count))]
        }
        if greyscale, let c = Color(hex: color) { color = c.grey.hex }
        return color
    }

    /// The text colour that reads best on a fill: the ink or white, by WCAG contrast.
    public func text(on fill: String) -> String {
        guard let f = Color(hex: fill), let i = Color(hex: ink) else { return ink }
        let white = Color(red: 255, green: 255, blue: 255)
        return f.contrast(with: i) >= f.contrast(with: white) ? ink : white.hex
    }

    /// The style of a relation's edges.
    public func edgeStyle(for relation: String) -> EdgeStyle {
        relationStyles[relation] ?? defaultEdgeStyle
    }

    /// A 64-bit FNV-1a hash of the UTF-8 bytes: the same on every run and machine, unlike
    /// `Hasher`.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// The built-in themes.
    public static let all: [Theme] = [.light, .mono]

    /// The built-in theme with this name.
    public static func named(_ name: String) -> Theme? { all.first { $0.name == name } }

    /// The default theme: white page, schema colours, Okabe–Ito relation colours.
    public static let light: Theme = {
        let ink = "#333333"
        let grey = "#666666"
        let blue = "#0072b2"
        let vermillion = "#d55e00"
        let green = "#009e73"
        let purple = "#b4588c"
        let styles: [String: EdgeStyle] = [
            "member-of": EdgeStyle(.solid, .normal, color: grey),
            "observer-of": EdgeStyle(.dashed, .empty, color: grey),
            "co-chairs": EdgeStyle(.solid, .diamond, color: vermillion, width: 2.2),
            "chairs": EdgeStyle(.solid, .diamond, color: vermillion, width: 2.2),
            "part-of": EdgeStyle(.solid, .odiamond, color: ink, width: 1.3),
            "reports-to": EdgeStyle(.solid, .normal, color: blue, width: 1.5),
            "coordinates": EdgeStyle(.dashed, .vee, color: blue, width: 1.3),
            "co-manages": EdgeStyle(.dashed, .dot, color: green, width: 1.5),
            "supports": EdgeStyle(.dashed, .vee, color: green),
            "operationalises": EdgeStyle(.dashed, .empty, color: purple, width: 1.3),
            "located-in": EdgeStyle(.dotted, .odot, color: grey),
            "held-in": EdgeStyle(.dotted, .odot, color: grey),
            "adopted-at": EdgeStyle(.dotted, .box, color: purple),
            "attends": EdgeStyle(.dotted, .normal, color: grey),
            "hosted-by": EdgeStyle(.dotted, .dot, color: grey),
            "convenes": EdgeStyle(.dashed, .normal, color: vermillion, width: 1.3),
            "established-by": EdgeStyle(.dotted, .empty, color: purple),
            "meeting-of": EdgeStyle(.dotted, .normal, color: ink),
        ]
        return Theme(
            name: "light", fontName: "Helvetica", fontSize: 11, titleFontSize: 20,
            legendFontSize: 10, background: "#ffffff", ink: ink, mutedInk: "#555555",
            clusterFill: "#f4f6f8", clusterBorder: "#8a9099",
            kindPalette: [
                "#f2cf7f", "#aad9f4", "#7fceb9", "#f7f1a0", "#9fc7e0", "#eaae7f", "#e5bcd3",
                "#d9d9d9",
            ],
            usesSchemaColors: true, greyscale: false, relationStyles: styles,
            defaultEdgeStyle: EdgeStyle(.solid, .normal, color: grey),
            dark: DarkPalette(
                background: "#16181c", text: "#e6e6e6", clusterFill: "#23272e",
                strokeReplacements: [
                    (ink, "#d0d0d0"), (grey, "#b0b0b0"), ("#555555", "#c0c0c0"),
                    (blue, "#56b4e9"), (vermillion, "#f0884d"),
                    (green, "#3cc49d"), (purple, "#e09cc3"),
                ]))
    }()

    /// A greyscale theme for black-and-white print: kinds by shape and grey, relations by
    /// line and arrowhead.
    public static let mono: Theme = {
        var theme = Theme.light
        theme.name = "mono"
        theme.greyscale = true
        theme.kindPalette = ["#ffffff", "#eeeeee", "#dddddd", "#cccccc", "#bbbbbb"]
        var styles: [String: EdgeStyle] = [:]
        for (id, style) in Theme.light.relationStyles {
            var s = style
            s.color = theme.ink
            styles[id] = s
        }
        theme.relationStyles = styles
        theme.defaultEdgeStyle.color = theme.ink
        return theme
    }()

    /// Themes are identified by their names.
    public static func == (a: Theme, b: Theme) -> Bool { a.name == b.name }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// An sRGB colour, parsed from and printed as `#rrggbb`.
struct Color: Hashable, Sendable {
    var red: Int
    var green: Int
    var blue: Int

    init(red: Int, green: Int, blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` (either case); nil otherwise.
    init?(hex: String) {
        let scalars = Array(hex.unicodeScalars)
        guard scalars.count == 7, scalars[0] == "#" else { return nil }
        var values: [Int] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let high = Self.digit(scalars[i]), let low = Self.digit(scalars[i + 1]) else {
                return nil
            }
            values.append(high * 16 + low)
        }
        self.init(red: values[0], green: values[1], blue: values[2])
    }

    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "0"..."9": return Int(s.value - 48)
        case "a"..."f": return Int(s.value - 87)
        case "A"..."F": return Int(s.value - 55)
        default: return nil
        }
    }

    /// `#rrggbb`, lowercase.
    var hex: String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for v in [red, green, blue] {
            let c = Swift.min(255, Swift.max(0, v))
            out.append(digits[c / 16])
            out.append(digits[c % 16])
        }
        return out
    }

    /// WCAG relative luminance.
    var luminance: Double {
        func channel(_ v: Int) -> Double {
            let c = Double(v) / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// The WCAG contrast ratio with another colour (1…21).
    func contrast(with other: Color) -> Double {
        let a = luminance
        let b = other.luminance
        return (Swift.max(a, b) + 0.05) / (Swift.min(a, b) + 0.05)
    }

    /// A grey of the same perceived lightness.
    var grey: Color {
        let g = (red * 299 + green * 587 + blue * 114) / 1000
        return Color(red: g, green: g, blue: g)
    }
}
