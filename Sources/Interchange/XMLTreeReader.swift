import BayanCore
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a parsed exchange file. Names are local (a `prefix:` is dropped, so XLIFF
/// read with or without a namespace prefix looks the same); attributes keep their written
/// names (`xml:lang`).
public struct ParsedElement: Sendable, Equatable {
    public enum Node: Sendable, Equatable {
        case element(ParsedElement)
        case text(String)
    }

    public var name: String
    public var attributes: [String: String]
    public var children: [Node]
    /// Line of the start tag, for messages.
    public var line: Int

    public var elements: [ParsedElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    public func child(_ name: String) -> ParsedElement? { elements.first { $0.name == name } }
    public func all(_ name: String) -> [ParsedElement] { elements.filter { $0.name == name } }

    /// An attribute by its written name, else by its local name (`lang` finds `xml:lang`).
    public func attribute(_ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { $0.key.split(separator: ":").last.map(String.init) == name }?.value
    }

    /// The text of this element and its descendants, without the elements `drop` names (their
    /// content is formatting or annotation, not words) and without those `skipWhole` names.
    public func flattenedText(dropping drop: Set<String> = []) -> String {
        var out = ""
        for child in children {
            switch child {
            case .text(let text): out += text
            case .element(let e): if !drop.contains(e.name) { out += e.flattenedText(dropping: drop) }
            }
        }
        return out
    }
}

/// Parses an exchange file into a tree after `XMLInputGuard` has passed it: no DTD is read,
/// no entity expanded, no external file opened; bytes over `maxBytes`, nesting deeper than
/// `maxDepth`, a file cut short or not well-formed are refused with a sentence saying so.
public enum XMLTreeReader {
    /// Large enough for a memory export of a few hundred thousand pairs.
    public static let defaultMaxBytes = 256 << 20
    public static let maxDepth = 256

    public static func parse(_ bytes: [UInt8], kind: String, maxBytes: Int = defaultMaxBytes) throws -> ParsedElement {
        guard bytes.count <= maxBytes else {
            throw BayanError(.badInput, "the \(kind) file is \(bytes.count) bytes, over the \(maxBytes)-byte limit for exchange files; split it into smaller files")
        }
        if let problem = XMLInputGuard.problem(bytes, kind: kind, plainDoctype: true) {
            throw BayanError(.badInput, problem.message, cause: "line \(problem.line)")
        }
        let builder = Builder()
        // Fed as a stream: given all the bytes at once, libxml2 refuses a document over 10 MB
        // ("huge input lookup", reported as an internal error) whatever its content.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        builder.parser = parser
        // A stream cut short can end with parse() true and the error set.
        let ok = parser.parse() && parser.parserError == nil
        if let tooDeep = builder.tooDeepAtLine {
            throw BayanError(.badInput, "the \(kind) file nests elements more than \(maxDepth) deep (line \(tooDeep)); it is not an exchange file Bayan can read")
        }
        guard ok else {
            let place = "line \(parser.lineNumber), column \(parser.columnNumber)"
            let cut = builder.stack.count > 1 ? " (it may be cut short: \(builder.stack.count - 1) element(s) were still open)" : ""
            throw BayanError(.badInput, "the \(kind) file is not well-formed XML at \(place)\(cut); save it again from the tool that wrote it", cause: parser.parserError.map { "\($0)" })
        }
        guard builder.stack.count == 1, let root = builder.stack[0].elements.first else {
            throw BayanError(.badInput, "the \(kind) file ends before its elements are closed (it may be cut short); save it again from the tool that wrote it")
        }
        return root
    }

    final class Builder: NSObject, XMLParserDelegate {
        /// The bottom entry is a document holder whose one child is the root.
        var stack: [ParsedElement] = [ParsedElement(name: "#document", attributes: [:], children: [], line: 0)]
        var tooDeepAtLine: Int?
        weak var parser: XMLParser?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            guard stack.count <= XMLTreeReader.maxDepth else {
                tooDeepAtLine = parser.lineNumber
                parser.abortParsing()
                return
            }
            let local = name.split(separator: ":").last.map(String.init) ?? name
            stack.append(ParsedElement(name: local, attributes: attributes, children: [], line: parser.lineNumber))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard stack.count > 1 else { return }
            if case .text(let previous) = stack[stack.count - 1].children.last {
                stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(previous + string)
            } else {
                stack[stack.count - 1].children.append(.text(string))
            }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard stack.count > 1 else { return }
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(.element(done))
        }
    }
}
