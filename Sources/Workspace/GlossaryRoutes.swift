import Daemon
import Foundation
import Glossary
import GlossaryWorkbench
import HTTPTypes
import Hummingbird
import Outputs

/// The glossary page and its JSON API (/api/glossary…, docs/openapi.yaml). Every change goes
/// through `GlossaryFileEditor` (the one load validator, atomic write, conflict check, the live
/// store reloaded at once); only files listed in glossary.files can be read or written.
extension WorkspaceRoutes {
    func registerGlossary(on router: Router<WorkspaceContext>, _ g: WorkspaceGlossary) {
        router.get("/glossary") { request, context in try self.glossaryPage(request, context, g) }
        router.get("/api/glossary") { request, _ in
            let view = self.glossaryView(request, g)
            return try Self.json(GlossaryAPI.ListOut(files: view.files, entries: view.entries))
        }
        router.post("/api/glossary/entries") { request, context in
            let body = try await Self.decode(GlossaryAPI.ChangeIn.self, request, limit: self.settings.maxJSONBytes)
            let actor = try Self.actor(context)
            let file = try Self.configuredFile(body.file, g)
            let edit: GlossaryEdit
            switch body.action {
            case "add":
                guard let entry = body.entry else { throw HTTPError(.badRequest, message: "add needs 'entry' {ar, en, …}") }
                edit = .add(entry.fields)
            case "edit":
                guard let entry = body.entry, let line = body.line else { throw HTTPError(.badRequest, message: "edit needs 'line' (from GET /api/glossary) and 'entry'") }
                edit = .edit(line: line, entry.fields)
            case "delete":
                guard let line = body.line else { throw HTTPError(.badRequest, message: "delete needs 'line' (from GET /api/glossary)") }
                edit = .delete(line: line)
            default:
                throw HTTPError(.badRequest, message: "action is add, edit or delete")
            }
            return try self.applied(g, file: file) { () throws(GlossaryEditError) in
                try g.editor.apply(edit, to: file, revision: body.revision, actor: actor)
            }
        }
        router.get("/api/glossary/history") { request, _ in
            let file = request.uri.queryParameters["file"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let changes: [GlossaryChange]
            do { changes = try g.history.changes(file: file, limit: 200) } catch {
                throw HTTPError(.internalServerError, message: "the glossary history cannot be read: \(error)")
            }
            return try Self.json(GlossaryAPI.HistoryOut(changes: changes), iso8601Dates: true)
        }
        router.get("/api/glossary/citation") { request, _ in
            let text = request.uri.queryParameters["text"].map(String.init) ?? ""
            guard !text.isEmpty, text.count <= 200 else { throw HTTPError(.badRequest, message: "give the selected Arabic as ?text= (at most 200 characters)") }
            let ar = TermOccurrences.citationForm(for: text, glossary: g.store.snapshot.glossary)
            return try Self.json(GlossaryAPI.CitationOut(text: text, ar: ar))
        }
        router.get("/api/glossary/occurrences") { request, _ in
            let ar = request.uri.queryParameters["ar"].map(String.init) ?? ""
            let en = request.uri.queryParameters["en"].map(String.init) ?? ""
            guard !ar.isEmpty, ar.count <= 200 else { throw HTTPError(.badRequest, message: "give the entry's Arabic as ?ar=") }
            return try Self.json(GlossaryAPI.OccurrencesOut(occurrences: self.occurrences(GlossaryEntryFields(ar: ar, en: en), g)))
        }
        router.post("/api/glossary/reprocess") { request, context in
            let body = try await Self.decode(GlossaryAPI.ReprocessIn.self, request, limit: self.settings.maxJSONBytes)
            _ = try Self.actor(context)
            var out = GlossaryAPI.ReprocessOut(queued: [], problems: [])
            for document in body.documents {
                guard Reprocess.isPlainName(document), let name = Reprocess.original(forStem: document, layout: self.desk.layout) else {
                    out.problems.append(.init(document: document, message: "\(document): no processed original in done/ (already queued again, or removed)"))
                    continue
                }
                do {
                    let outcome = try Reprocess.requeue(name, layout: self.desk.layout)
                    if outcome == .queued { out.queued.append(document) } else {
                        out.problems.append(.init(document: document, message: outcome.message(name, layout: self.desk.layout)))
                    }
                } catch {
                    out.problems.append(.init(document: document, message: "\(name): \(error)"))
                }
            }
            return try Self.json(out)
        }
        router.get("/api/glossary/suggestions") { _, _ in
            try Self.json(GlossaryAPI.SuggestionsOut(suggestions: try self.pending(g)))
        }
        router.post("/api/glossary/suggestions/{id}/accept") { request, context in
            let body = try await Self.decode(GlossaryAPI.AcceptIn.self, request, limit: self.settings.maxJSONBytes)
            let actor = try Self.actor(context)
            let suggestion = try self.suggestion(context, g)
            let file = try Self.configuredFile(body.file, g)
            return try self.applied(g, file: file) { () throws(GlossaryEditError) in
                try g.review.accept(suggestion, edited: body.entry?.fields, into: file, revision: body.revision, actor: actor)
            }
        }
        router.post("/api/glossary/suggestions/{id}/reject") { _, context in
            let actor = try Self.actor(context)
            let suggestion = try self.suggestion(context, g)
            do { try g.review.reject(suggestion, actor: actor) } catch {
                throw HTTPError(.internalServerError, message: "the decision could not be recorded: \(error)")
            }
            return try Self.json(GlossaryAPI.RejectOut(id: suggestion.key))
        }
    }

    // MARK: page

    private func glossaryPage(_ request: Request, _ context: WorkspaceContext, _ g: WorkspaceGlossary) throws -> Response {
        let view = glossaryView(request, g)
        let files: [[String: Any]] = view.files.map { f in
            var item: [String: Any] = [
                "path": f.path, "revision": f.revision, "format": f.format, "editable": f.editable,
                "count": f.entries, "current": f.path == view.file,
            ]
            if let reason = f.readOnlyReason { item["readOnly"] = reason }
            let problems = f.problems.filter { $0.severity != .note }
            if !problems.isEmpty { item["problems"] = problems.map { ["text": $0.description, "error": $0.severity == .error] } }
            return item
        }
        let editable = Set(view.files.filter(\.editable).map(\.path))
        let rows: [[String: Any]] = view.entries.map { e in
            [
                "file": e.file, "line": e.line, "ar": e.ar, "en": e.en, "note": e.note, "avoid": e.avoid.joined(separator: " | "),
                "exact": e.exact, "match": e.exact ? "exact" : "clitics", "editable": editable.contains(e.file),
                "fileName": (e.file as NSString).lastPathComponent,
            ]
        }
        let history: [[String: Any]] = ((try? g.history.changes(limit: 50)) ?? []).map { c in
            [
                "at": Self.shortDate(c.at), "actor": c.actor, "file": (c.file as NSString).lastPathComponent, "action": c.action.rawValue,
                "before": c.before?.summary ?? "", "after": c.after?.summary ?? "", "line": c.line, "origin": c.origin ?? "",
            ]
        }
        let sorts = ["file", "ar", "en"].map { ["key": $0, "current": $0 == view.sort] as [String: Any] }
        let content = try PageTemplates.render([
            "files": files, "rows": rows, "count": rows.count, "total": view.total, "query": view.query, "file": view.file,
            "sorts": sorts, "history": history, "hasHistory": !history.isEmpty,
            "editableFiles": view.files.filter(\.editable).map { ["path": $0.path, "revision": $0.revision] },
        ], template: "glossary")
        var extra = layoutExtra(context)
        extra["bodyClass"] = "glossary-page"
        return Self.html(try PageTemplates.page(title: "Glossary · Bayan", content: content, inlineStyle: false, extra: extra))
    }

    // MARK: helpers

    struct GlossaryView {
        var files: [GlossaryAPI.FileOut]
        var entries: [GlossaryEntry]
        var total: Int
        var query: String
        var file: String
        var sort: String
    }

    /// Every configured file read now (with its revision), the entries filtered and sorted as asked.
    func glossaryView(_ request: Request, _ g: WorkspaceGlossary) -> GlossaryView {
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let file = request.uri.queryParameters["file"].map(String.init) ?? ""
        let sort = request.uri.queryParameters["sort"].map(String.init) ?? "file"
        var files: [GlossaryAPI.FileOut] = []
        var entries: [GlossaryEntry] = []
        for path in g.store.files {
            do {
                let contents = try g.editor.read(path)
                files.append(GlossaryAPI.FileOut(contents))
                if file.isEmpty || path == file { entries += contents.entries }
            } catch {
                files.append(GlossaryAPI.FileOut(unreadable: path, reason: error.description))
            }
        }
        let total = entries.count
        if !query.trimmingCharacters(in: .whitespaces).isEmpty { entries = GlossarySearch.filter(entries, query: query) }
        switch sort {
        case "ar": entries.sort { ($0.ar, $0.file, $0.line) < ($1.ar, $1.file, $1.line) }
        case "en": entries.sort { ($0.en.lowercased(), $0.file, $0.line) < ($1.en.lowercased(), $1.file, $1.line) }
        default: break  // file order, line order: as the files list them
        }
        return GlossaryView(files: files, entries: entries, total: total, query: query, file: file, sort: sort)
    }

    /// Runs an edit and answers with the result and where the entry now occurs, or with the
    /// refusal (nothing written): 422 invalid, 409 conflict, 403 read-only, 404 no entry.
    func applied(_ g: WorkspaceGlossary, file: String, _ body: () throws(GlossaryEditError) -> GlossaryEditResult) throws -> Response {
        let outcome: Result<GlossaryEditResult, GlossaryEditError>
        do throws(GlossaryEditError) { outcome = .success(try body()) } catch { outcome = .failure(error) }
        switch outcome {
        case .success(let result):
            let found = result.after.map { self.occurrences(GlossaryEntryFields($0), g) } ?? []
            return try Self.json(GlossaryAPI.ChangeOut(result: result, occurrences: found))
        case .failure(let error):
            let status: HTTPResponse.Status
            switch error {
            case .invalid: status = .unprocessableContent
            case .conflict: status = .conflict
            case .readOnly: status = .forbidden
            case .noEntry: status = .notFound
            case .unreadable: status = .unprocessableContent
            }
            return try Self.json(GlossaryAPI.RefusalOut(error: error), status: status)
        }
    }

    func occurrences(_ entry: GlossaryEntryFields, _ g: WorkspaceGlossary) -> [TermOccurrence] {
        TermOccurrences.find(entry, in: g.store.snapshot.glossary, spoolRoot: desk.layout.root, limit: 200)
    }

    func pending(_ g: WorkspaceGlossary) throws -> [GlossarySuggestion] {
        do { return try g.review.pending(outDirectory: desk.layout.out, glossary: g.store.snapshot.glossary) } catch {
            throw HTTPError(.internalServerError, message: "the suggestions cannot be computed: \(error)")
        }
    }

    func suggestion(_ context: WorkspaceContext, _ g: WorkspaceGlossary) throws -> GlossarySuggestion {
        // The key holds the folded Arabic and the English: it arrives percent-encoded.
        let raw = try context.parameters.require("id")
        let id = raw.removingPercentEncoding ?? raw
        guard let s = try pending(g).first(where: { $0.key == id }) else {
            throw HTTPError(.notFound, message: "no pending suggestion \(id) (already accepted or rejected?); reload the page")
        }
        return s
    }

    static func actor(_ context: WorkspaceContext) throws -> String {
        guard let reviewer = context.reviewer else {
            throw HTTPError(.forbidden, message: "tell the workspace your name first (POST /api/session {\"name\": …})")
        }
        return reviewer
    }

    /// Only the files in glossary.files (as configured, or the same file by its real path).
    static func configuredFile(_ file: String, _ g: WorkspaceGlossary) throws -> String {
        let real = { (p: String) in URL(fileURLWithPath: p).resolvingSymlinksInPath().path }
        guard let match = g.store.files.first(where: { $0 == file || real($0) == real(file) }) else {
            throw HTTPError(.notFound, message: "\(file) is not one of the glossary files this workspace edits (glossary.files)")
        }
        return match
    }
}

/// The glossary API's JSON (snake_case; results and refusals in GlossaryWorkbench's shapes).
enum GlossaryAPI {
    struct EntryIn: Codable {
        var ar: String
        var en: String
        var note: String?
        var avoid: [String]?
        var exact: Bool?
        var fields: GlossaryEntryFields { GlossaryEntryFields(ar: ar, en: en, note: note ?? "", avoid: avoid ?? [], exact: exact ?? false) }
    }

    struct ChangeIn: Codable {
        var file: String
        var revision: String
        var action: String
        var line: Int?
        var entry: EntryIn?
    }

    struct AcceptIn: Codable {
        var file: String
        var revision: String
        var entry: EntryIn?
    }

    struct ReprocessIn: Codable { var documents: [String] }

    struct FileOut: Encodable {
        var path: String
        var revision: String
        var format: String
        var editable: Bool
        var readOnlyReason: String?
        var problems: [GlossaryProblem]
        var entries: Int
        enum CodingKeys: String, CodingKey { case path, revision, format, editable, readOnlyReason = "read_only_reason", problems, entries }
        init(_ f: GlossaryFileContents) {
            path = f.path; revision = f.revision; format = f.format.rawValue; editable = f.editable
            readOnlyReason = f.readOnlyReason; problems = f.problems; entries = f.entries.count
        }
        init(unreadable path: String, reason: String) {
            self.path = path; revision = ""; format = "unknown"; editable = false
            readOnlyReason = reason; problems = []; entries = 0
        }
    }

    struct ListOut: Encodable {
        var files: [FileOut]
        var entries: [GlossaryEntry]
    }

    struct ChangeOut: Encodable {
        var result: GlossaryEditResult
        var occurrences: [TermOccurrence]
    }

    struct RefusalOut: Encodable { var error: GlossaryEditError }
    struct HistoryOut: Encodable { var changes: [GlossaryChange] }
    struct CitationOut: Encodable { var text: String; var ar: String }
    struct OccurrencesOut: Encodable { var occurrences: [TermOccurrence] }
    struct SuggestionsOut: Encodable { var suggestions: [GlossarySuggestion] }
    struct RejectOut: Encodable { var id: String }

    struct ReprocessOut: Encodable {
        struct Problem: Encodable { var document: String; var message: String }
        var queued: [String]
        var problems: [Problem]
    }
}
