import BayanCore

/// A small writer for well-formed XML: every name is ours, every value goes through
/// `XMLEscaping`, and every element opened is closed in order.
public struct XMLBuilder: Sendable {
    public init() {}

    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// Opens an element; attributes with a nil value are left out.
    public mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        indent()
        output += "<\(name)\(Self.attributeText(attributes))>\n"
        open.append(name)
    }

    public mutating func end() {
        guard let name = open.popLast() else { return }
        indent()
        output += "</\(name)>\n"
    }

    /// An element holding only text, on one line.
    public mutating func leaf(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
        indent()
        output += "<\(name)\(Self.attributeText(attributes))>\(XMLEscaping.escape(text))</\(name)>\n"
    }

    public mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        indent()
        output += "<\(name)\(Self.attributeText(attributes))/>\n"
    }

    /// Closes everything still open and returns the document's UTF-8 bytes.
    public mutating func finish() -> [UInt8] {
        while !open.isEmpty { end() }
        return Array(output.utf8)
    }

    private mutating func indent() {
        output += String(repeating: "  ", count: open.count)
    }

    public static func attributeText(_ attributes: [(String, String?)]) -> String {
        var out = ""
        for (name, value) in attributes {
            guard let value else { continue }
            out += " \(name)=\"\(XMLEscaping.escape(value))\""
        }
        return out
    }
}
