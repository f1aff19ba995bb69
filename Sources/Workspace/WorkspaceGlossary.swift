import Glossary
import GlossaryWorkbench

/// What the glossary page works on: the daemon's live `GlossaryStore` (an edit reloads it inside
/// the request, so the next document has it), the editor that writes through the one load
/// validator, the change history and the suggestions learned from reviews.
public struct WorkspaceGlossary: Sendable {
    public let store: GlossaryStore
    public let editor: GlossaryFileEditor
    public let history: GlossaryHistory
    public let review: SuggestionReview

    /// The history lives in `<spool>/.state/glossary.sqlite`, beside the CLI's.
    public init(store: GlossaryStore, spoolRoot: String) throws {
        let history = try GlossaryHistory(spoolRoot: spoolRoot)
        self.store = store
        self.history = history
        editor = GlossaryFileEditor(history: history, store: store)
        review = SuggestionReview(editor: editor, history: history)
    }
}
