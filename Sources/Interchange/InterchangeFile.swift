import BayanCore

/// Any exchange file Bayan reads back, told apart by its root element and version.
public enum InterchangeFile: Sendable, Equatable {
    case tmx(TMXFile)
    case xliff2(XLIFF2File)
    case xliff12(XLIFF12File)

    /// Reads TMX, XLIFF 2.x or XLIFF 1.x. Every path goes through `XMLTreeReader`, so hostile
    /// files (DTDs, entities, bad encodings, oversized or cut-short files) are refused alike.
    public static func read(_ bytes: [UInt8], maxBytes: Int = XMLTreeReader.defaultMaxBytes) throws -> InterchangeFile {
        let root = try XMLTreeReader.parse(bytes, kind: "TMX or XLIFF", maxBytes: maxBytes)
        switch root.name {
        case "tmx": return .tmx(try TMXFile.read(root: root))
        case "xliff":
            let version = root.attribute("version") ?? ""
            if version.hasPrefix("2.") { return .xliff2(try XLIFF2File.read(root: root)) }
            if version.hasPrefix("1.") { return .xliff12(try XLIFF12File.read(root: root)) }
            throw BayanError(.badInput, "the XLIFF file states version \"\(version)\"; Bayan reads XLIFF 1.2 and 2.x")
        default:
            throw BayanError(.badInput, "the file is XML but neither TMX nor XLIFF (its root element is <\(root.name)>); send back the .xlf or .tmx file the CAT tool exported")
        }
    }

    public var formatName: String {
        switch self {
        case .tmx: "TMX"
        case .xliff2: "XLIFF 2"
        case .xliff12: "XLIFF 1.2"
        }
    }
}

extension ParsedElement {
    /// The `version` of an `<xliff>` root whose major version is `major`; else a bad-input
    /// error saying what the file is.
    static func xliffVersion(_ root: ParsedElement, major: Int) throws -> String {
        guard root.name == "xliff" else {
            throw BayanError(.badInput, "the file is XML but not XLIFF (its root element is <\(root.name)>)")
        }
        let version = root.attribute("version") ?? ""
        guard version.hasPrefix("\(major).") else {
            throw BayanError(.badInput, "the file is XLIFF \(version.isEmpty ? "of no stated version" : version), not XLIFF \(major).x")
        }
        return version
    }
}
