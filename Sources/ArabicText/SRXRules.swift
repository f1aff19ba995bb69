import BayanCore
import Foundation

/// Imports segmentation rules from an SRX 2.0 file (the exchange format of CAT tools) for one
/// language: the `languagerule`s whose `languagemap` pattern matches the language code, in map
/// order (all of them when `cascade="yes"`, else the first). A DOCTYPE is refused, as everywhere.
public enum SRXRules {
    public static func parse(_ bytes: [UInt8], language: String = "ar", fileName: String = "rules.srx") throws -> [SegmentationRule] {
        try MarkupScanner.rejectDoctype(bytes, part: "the SRX rules", fileName: fileName)
        var scanner = MarkupScanner(bytes, html: false, fileName: fileName)
        var cascade = false
        var sets: [String: [SegmentationRule]] = [:]
        var maps: [(pattern: String, name: String)] = []
        var currentSet: String?
        var currentRule: SegmentationRule?
        var field: String?
        var buffer = ""
        var sawRoot = false
        while let event = try scanner.next() {
            switch event {
            case .start(let rawName, let attributes, let selfClosing):
                let name = local(rawName)
                switch name {
                case "srx": sawRoot = true
                case "header": cascade = attributes["cascade"]?.lowercased() == "yes"
                case "languagerule":
                    currentSet = attributes["languagerulename"] ?? ""
                    if sets[currentSet ?? ""] == nil { sets[currentSet ?? ""] = [] }
                case "rule":
                    currentRule = SegmentationRule(breaks: attributes["break"]?.lowercased() != "no", before: "", after: "")
                    if selfClosing { currentRule = nil }
                case "beforebreak", "afterbreak":
                    field = name
                    buffer = ""
                    if selfClosing { field = nil }
                case "languagemap":
                    if let pattern = attributes["languagepattern"], let target = attributes["languagerulename"] {
                        maps.append((pattern, target))
                    }
                default: break
                }
            case .end(let rawName):
                let name = local(rawName)
                switch name {
                case "beforebreak": currentRule?.before = buffer; field = nil
                case "afterbreak": currentRule?.after = buffer; field = nil
                case "rule":
                    if let rule = currentRule, let set = currentSet { sets[set, default: []].append(rule) }
                    currentRule = nil
                case "languagerule": currentSet = nil
                default: break
                }
            case .text(let text):
                if field != nil { buffer += text }
            }
        }
        guard sawRoot else {
            throw BayanError(.config, "\(fileName) is not an SRX file (no <srx> element). Export the rules from your CAT tool as SRX 2.0.")
        }
        var rules: [SegmentationRule] = []
        for map in maps {
            guard let regex = try? NSRegularExpression(pattern: "^(?:\(map.pattern))$"),
                regex.firstMatch(in: language, range: NSRange(location: 0, length: language.utf16.count)) != nil
            else { continue }
            rules += sets[map.name] ?? []
            if !cascade { break }
        }
        let broken = CompiledRules(rules).problems
        guard broken.isEmpty else {
            throw BayanError(.config, "\(fileName): \(broken.joined(separator: "; ")). Fix the regular expressions and load it again.")
        }
        return rules
    }

    private static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }
}
