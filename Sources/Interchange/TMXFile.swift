import BayanCore
import Foundation

/// A TMX 1.4b document: the one model behind every TMX Bayan reads or writes (the published
/// `<stem>.tmx`, the memory's export and import, reviewed files coming back).
public struct TMXFile: Sendable, Equatable {
    public struct Prop: Sendable, Equatable {
        public var type: String
        public var value: String
        public init(_ type: String, _ value: String) {
            self.type = type
            self.value = value
        }
    }

    public struct Header: Sendable, Equatable {
        public var creationTool: String
        public var creationToolVersion: String
        public var segType: String
        public var oTMF: String
        public var adminLang: String
        public var srcLang: String
        public var dataType: String
        public var oEncoding: String?
        public var creationDate: String?
        public var creationID: String?
        public var changeID: String?
        public var props: [Prop]

        public init(
            creationTool: String, creationToolVersion: String, segType: String = "sentence", oTMF: String,
            adminLang: String = "en", srcLang: String, dataType: String = "plaintext", oEncoding: String? = nil,
            creationDate: String? = nil, creationID: String? = nil, changeID: String? = nil, props: [Prop] = []
        ) {
            self.creationTool = creationTool
            self.creationToolVersion = creationToolVersion
            self.segType = segType
            self.oTMF = oTMF
            self.adminLang = adminLang
            self.srcLang = srcLang
            self.dataType = dataType
            self.oEncoding = oEncoding
            self.creationDate = creationDate
            self.creationID = creationID
            self.changeID = changeID
            self.props = props
        }

        public func prop(_ type: String) -> String? { props.first { $0.type == type }?.value }
    }

    /// One `<tuv>`: a language and its segment's text (inline codes dropped).
    public struct Variant: Sendable, Equatable {
        public var lang: String
        public var text: String
        public init(lang: String, text: String) {
            self.lang = lang
            self.text = text
        }
    }

    public struct Unit: Sendable, Equatable {
        public var tuid: String?
        public var creationDate: String?
        public var creationID: String?
        public var changeDate: String?
        public var changeID: String?
        public var notes: [String]
        public var props: [Prop]
        public var variants: [Variant]
        /// Line of the `<tu>` in the file read (0 when built in memory), for messages.
        public var line: Int

        public init(
            tuid: String? = nil, creationDate: String? = nil, creationID: String? = nil, changeDate: String? = nil,
            changeID: String? = nil, notes: [String] = [], props: [Prop] = [], variants: [Variant] = [], line: Int = 0
        ) {
            self.tuid = tuid
            self.creationDate = creationDate
            self.creationID = creationID
            self.changeDate = changeDate
            self.changeID = changeID
            self.notes = notes
            self.props = props
            self.variants = variants
            self.line = line
        }

        public func props(_ type: String) -> [String] { props.filter { $0.type == type }.map(\.value) }
        public func prop(_ type: String) -> String? { props.first { $0.type == type }?.value }

        /// The first variant whose language is `base` or a region of it (`ar`, `ar-EG`).
        public func variant(base: String) -> Variant? {
            variants.first { TMXFile.baseLanguage($0.lang) == base.lowercased() }
        }
    }

    /// The header prop naming the published document (`out/<stem>/`) the units come from.
    public static let documentProp = "x-bayan-document"

    public var header: Header
    public var units: [Unit]

    public init(header: Header, units: [Unit]) {
        self.header = header
        self.units = units
    }

    /// `ar-EG` → `ar`; lower case.
    public static func baseLanguage(_ code: String) -> String {
        String(code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    /// TMX dates: YYYYMMDDThhmmssZ (UTC).
    public static func stamp(_ date: Date) -> String {
        formatter().string(from: date)
    }

    public static func date(_ text: String) -> Date? { formatter().date(from: text) }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }
}
