import BayanCore

/// An XLIFF 1.2 document (namespace `urn:oasis:names:tc:xliff:document:1.2`), the version most
/// CAT tools and translate-toolkit read and write: Bayan's `<stem>.xliff12.xlf` and what comes
/// back from them.
public struct XLIFF12File: Sendable, Equatable {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    public struct Note: Sendable, Equatable {
        public var from: String?
        public var annotates: String?
        public var text: String
        public init(from: String? = nil, annotates: String? = nil, text: String) {
            self.from = from
            self.annotates = annotates
            self.text = text
        }
    }

    public struct TransUnit: Sendable, Equatable {
        public var id: String
        public var resname: String?
        /// `x-gettext-domain-header` marks the PO header unit translate-toolkit adds.
        public var restype: String?
        /// `approved="yes"` / `"no"`; nil when absent.
        public var approved: Bool?
        /// Plain text, inline codes flattened (text inside `g`/`mrk` kept, `x bx ex ph bpt ept it` dropped).
        public var source: String
        public var target: String?
        /// The target's `state` (`translated`, `signed-off`, `final`, `needs-…`, `x-…`).
        public var targetState: String?
        public var notes: [Note]
        public var line: Int

        public init(
            id: String, resname: String? = nil, restype: String? = nil, approved: Bool? = nil, source: String,
            target: String? = nil, targetState: String? = nil, notes: [Note] = [], line: Int = 0
        ) {
            self.id = id
            self.resname = resname
            self.restype = restype
            self.approved = approved
            self.source = source
            self.target = target
            self.targetState = targetState
            self.notes = notes
            self.line = line
        }
    }

    public struct Tool: Sendable, Equatable {
        public var id: String
        public var name: String
        public var version: String?
        public init(id: String, name: String, version: String? = nil) {
            self.id = id
            self.name = name
            self.version = version
        }
    }

    public struct File: Sendable, Equatable {
        public var original: String
        public var sourceLanguage: String
        public var targetLanguage: String?
        public var datatype: String
        public var tool: Tool?
        public var headerNotes: [Note]
        /// `contact-name` of the header's phases, in order (a tool may name the reviewer there).
        public var phaseContacts: [String]
        /// Units of the body and of its groups, in document order.
        public var units: [TransUnit]

        public init(
            original: String, sourceLanguage: String, targetLanguage: String? = nil, datatype: String = "plaintext",
            tool: Tool? = nil, headerNotes: [Note] = [], phaseContacts: [String] = [], units: [TransUnit] = []
        ) {
            self.original = original
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.datatype = datatype
            self.tool = tool
            self.headerNotes = headerNotes
            self.phaseContacts = phaseContacts
            self.units = units
        }
    }

    public var files: [File]

    public init(files: [File]) { self.files = files }
}
