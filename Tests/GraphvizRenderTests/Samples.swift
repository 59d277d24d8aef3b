/// DOT texts shared by the tests.
enum Samples {
    /// Two clusters, an edge between them, a node outside: small but exercises the
    /// cluster code of every engine.
    static let clustered = """
        digraph "Clustered" {
          graph [fontname="Liberation Serif"];
          subgraph "cluster_left" { label="left"; "a" -> "b"; "b" -> "c"; }
          subgraph "cluster_right" { label="right"; "d" -> "e"; }
          "c" -> "d";
          "e" -> "f";
          "f" -> "a";
        }
        """

    /// Several clusters plus linear and radial gradients: the two things that made
    /// in-process output vary between renders.
    static let gradients = """
        digraph "Gradients" {
          subgraph "cluster_1" { label="one"; "a1" -> "a2"; }
          subgraph "cluster_2" { label="two"; "b1" -> "b2"; }
          subgraph "cluster_3" { label="three"; style="filled"; fillcolor="yellow:white"; "c1" -> "c2"; }
          subgraph "cluster_4" { label="four"; "d1" -> "d2"; }
          "x" [style="filled", fillcolor="red:blue"];
          "y" [style="radial", fillcolor="white:green"];
          "a2" -> "b1"; "b2" -> "c1"; "c2" -> "d1"; "d2" -> "x"; "x" -> "y"; "y" -> "a1";
        }
        """

    /// No clusters: the `dot` layout does not leak on these.
    static let plain = """
        digraph "Plain" {
          "a" -> "b"; "b" -> "c"; "a" -> "c"; "c" -> "d" [label="edge"]; "d" -> "a";
        }
        """

    /// Quotes a string as a DOT identifier: `\` and `"` escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}

/// Where two outputs first differ, as a short readable note, or nil if they are equal.
/// (Comparing byte arrays directly would print both arrays in full on failure.)
func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String? {
    guard actual != expected else { return nil }
    let common = zip(actual, expected).prefix { $0 == $1 }.count
    func excerpt(_ bytes: [UInt8]) -> String {
        let window = bytes[max(0, common - 40)..<min(bytes.count, common + 40)]
        return String(decoding: window, as: UTF8.self)
    }
    return "sizes \(actual.count) and \(expected.count), first difference at byte \(common): "
        + "\(excerpt(actual).debugDescription) vs \(excerpt(expected).debugDescription)"
}
