import BayanCore

/// A published document as the importer sees it: its id (the folder name under the spool's
/// `out/`) and its sentences with their current English.
public struct ReviewDocument: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var id: Int
        public var source: String
        public var english: String
        /// Whether a reviewer has approved this English (false when the source cannot tell).
        public var approved: Bool

        public init(id: Int, source: String, english: String, approved: Bool = false) {
            self.id = id
            self.source = source
            self.english = english
            self.approved = approved
        }
    }

    public var id: String
    public var segments: [Segment]

    public init(id: String, segments: [Segment]) {
        self.id = id
        self.segments = segments
    }
}

/// Where the importer looks documents up. The review state knows approvals; the published
/// `result.json` (`PublishedDocuments`) knows the English.
public protocol ReviewDocumentSource: Sendable {
    /// The document published as `out/<id>/`, or nil when there is none.
    func document(id: String) throws -> ReviewDocument?
}

/// One change a reviewed file makes to one sentence.
public struct ReviewImportChange: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable {
        /// The reviewer approved the sentence (with `english`, or its current English when nil).
        case approve
        /// The English was edited but not approved.
        case edit
    }

    public var segmentID: Int
    /// The new English; nil keeps the current English (an approval of it as it stands).
    public var english: String?
    public var action: Action
    /// The file's unit that asked for it (for reports).
    public var unitID: String

    public init(segmentID: Int, english: String?, action: Action, unitID: String) {
        self.segmentID = segmentID
        self.english = english
        self.action = action
        self.unitID = unitID
    }
}

/// A reviewed pair that matches no sentence of the document (TMX only): it goes to the
/// translation memory as a reviewed translation, as `bayan memory import --approve` does.
public struct ReviewedPair: Sendable, Equatable, Hashable {
    public var source: String
    public var target: String
    public var unitID: String

    public init(source: String, target: String, unitID: String) {
        self.source = source
        self.target = target
        self.unitID = unitID
    }
}

/// The changes a file makes to one document.
public struct DocumentChanges: Sendable, Equatable {
    public var documentID: String
    public var changes: [ReviewImportChange]
    /// Sentences the file confirms as they already stand (nothing to do).
    public var unchanged: Int
    /// Units left alone by their state (`initial`, `new`, an empty target).
    public var leftAlone: Int
}

/// What importing a file will do, worked out before anything is changed.
public struct ReviewImportPlan: Sendable, Equatable {
    public var fileName: String
    /// "XLIFF 2", "XLIFF 1.2" or "TMX".
    public var format: String
    /// The file's reviewer if it names one, else the file's name.
    public var reviewer: String
    public var documents: [DocumentChanges]
    public var memoryOnly: [ReviewedPair]
    /// TMX units without both an Arabic and an English variant.
    public var skipped: Int

    /// True when the file asks for no sentence change and holds no memory-only pair.
    public var changesNothing: Bool { documents.allSatisfy { $0.changes.isEmpty } && memoryOnly.isEmpty }

    public var changeCount: Int { documents.reduce(0) { $0 + $1.changes.count } }
}

/// One reason a file was refused.
public struct ReviewImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The unit in the file (id, or "line N"); nil for a problem with the whole file.
    public var unitID: String?
    public var message: String
    public var fileText: String?
    public var documentText: String?

    public init(unitID: String? = nil, message: String, fileText: String? = nil, documentText: String? = nil) {
        self.unitID = unitID
        self.message = message
        self.fileText = fileText
        self.documentText = documentText
    }

    public var description: String {
        var out = unitID.map { "unit \($0): " } ?? ""
        out += message
        if let fileText { out += "\n    in the file:     \(fileText)" }
        if let documentText { out += "\n    in the document: \(documentText)" }
        return out
    }
}

/// A file refused as a whole: nothing was changed. Lists every problem found.
public struct ReviewImportRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var fileName: String
    public var problems: [ReviewImportProblem]

    public init(fileName: String, problems: [ReviewImportProblem]) {
        self.fileName = fileName
        self.problems = problems
    }

    /// The reason file's text: every problem, one per paragraph, and what to do.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "the reviewed file was refused as a whole (\(count); nothing was changed):\n"
            + problems.map { "- \($0)" }.joined(separator: "\n")
            + "\nFix the file (or export a fresh one from out/<document>/) and drop it again."
    }
}
