import BayanCore

/// An XLIFF 2.1 document (core namespace `urn:oasis:names:tc:xliff:document:2.0`): Bayan's
/// `<stem>.xlf` and what CAT tools send back.
public struct XLIFF2File: Sendable, Equatable {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"

    public enum State: String, Sendable, Equatable {
        case initial, translated, reviewed, final
    }

    public struct Note: Sendable, Equatable {
        public var id: String?
        public var category: String?
        public var appliesTo: String?
        public var text: String
        public init(id: String? = nil, category: String? = nil, appliesTo: String? = nil, text: String) {
            self.id = id
            self.category = category
            self.appliesTo = appliesTo
            self.text = text
        }
    }

    public struct Segment: Sendable, Equatable {
        public var id: String?
        /// Nil when the file does not say (the spec's default is `initial`).
        public var state: State?
        public var subState: String?
        /// Plain text: inline codes flattened (text inside `pc`/`mrk` kept, `ph sc ec cp sm em` dropped).
        public var source: String
        public var target: String?
        public init(id: String? = nil, state: State? = nil, subState: String? = nil, source: String, target: String? = nil) {
            self.id = id
            self.state = state
            self.subState = subState
            self.source = source
            self.target = target
        }
    }

    public enum Part: Sendable, Equatable {
        case segment(Segment)
        /// White space or markup between segments (`<ignorable>`), kept so the unit's text is whole.
        case ignorable(id: String?, source: String)
    }

    public struct Unit: Sendable, Equatable {
        public var id: String
        public var notes: [Note]
        public var parts: [Part]
        public var line: Int
        public init(id: String, notes: [Note] = [], parts: [Part] = [], line: Int = 0) {
            self.id = id
            self.notes = notes
            self.parts = parts
            self.line = line
        }

        public var segments: [Segment] {
            parts.compactMap { if case .segment(let s) = $0 { s } else { nil } }
        }
    }

    public struct File: Sendable, Equatable {
        public var id: String
        public var original: String?
        public var srcDir: String?
        public var trgDir: String?
        public var notes: [Note]
        /// Units of the file and of its groups, in document order.
        public var units: [Unit]
        public init(id: String, original: String? = nil, srcDir: String? = nil, trgDir: String? = nil, notes: [Note] = [], units: [Unit] = []) {
            self.id = id
            self.original = original
            self.srcDir = srcDir
            self.trgDir = trgDir
            self.notes = notes
            self.units = units
        }
    }

    public var version: String
    public var srcLang: String
    public var trgLang: String?
    public var files: [File]

    public init(version: String = "2.1", srcLang: String, trgLang: String?, files: [File]) {
        self.version = version
        self.srcLang = srcLang
        self.trgLang = trgLang
        self.files = files
    }
}
