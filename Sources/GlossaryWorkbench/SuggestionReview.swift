import Foundation
import Glossary

/// Proposals learned from reviews and a person's answer to each: accept (the entry is written
/// through `GlossaryFileEditor`, with a note naming its evidence), accept edited, or reject
/// (remembered in the history database; not proposed again).
public struct SuggestionReview: Sendable {
    public let editor: GlossaryFileEditor
    public let history: GlossaryHistory

    public init(editor: GlossaryFileEditor, history: GlossaryHistory) {
        self.editor = editor
        self.history = history
    }

    /// Open proposals from the reviewed segments of `outDirectory`, against `glossary` (the live one).
    public func pending(outDirectory: String, glossary: Glossary, options: SuggestionMiner.Options = .init()) throws -> [GlossarySuggestion] {
        let segments = PublishedResults.segments(outDirectory: outDirectory).segments
        return SuggestionMiner.suggest(segments, glossary: glossary, decided: Set(try history.decisions().keys), options: options)
    }

    /// Writes the proposal (or `edited`, the person's version of it) into `file`, which the caller
    /// read at `revision`. A proposal that corrects an entry of `file` edits that entry; otherwise
    /// the entry is added. The decision is remembered once the write succeeded.
    @discardableResult
    public func accept(
        _ suggestion: GlossarySuggestion, edited: GlossaryEntryFields? = nil, into file: String, revision: String, actor: String
    ) throws(GlossaryEditError) -> GlossaryEditResult {
        let fields = edited ?? suggestion.fields
        let edit: GlossaryEdit
        if let old = suggestion.replaces, Source.realPath(old.file) == Source.realPath(file) {
            edit = .edit(line: old.line, fields)
        } else {
            edit = .add(fields)
        }
        let result = try editor.apply(edit, to: file, revision: revision, actor: actor, origin: "suggestion: \(suggestion.note)")
        try? history.decide(suggestion, .accepted, actor: actor)
        return result
    }

    /// Remembers that `suggestion` is not wanted.
    public func reject(_ suggestion: GlossarySuggestion, actor: String) throws {
        try history.decide(suggestion, .rejected, actor: actor)
    }
}
