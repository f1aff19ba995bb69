import BayanCore
import Daemon
import Foundation
import HTTPTypes
import Hummingbird
import Outputs
import Review
import Translation

/// The pages, the JSON API the pages use (docs/openapi.yaml), static assets, health and metrics.
struct WorkspaceRoutes: Sendable {
    let desk: ReviewDesk
    let queue: SpoolQueue
    let drop: InboxDrop
    let sessions: SessionStore
    let settings: WorkspaceSettings
    let metrics: WorkspaceMetrics
    /// The glossary page (issue 14); nil when the workspace was built without a glossary.
    var glossary: WorkspaceGlossary? = nil

    func register(on router: Router<WorkspaceContext>) {
        if let glossary { registerGlossary(on: router, glossary) }
        router.get("/healthz") { _, _ in try Self.json(API.Health(status: "ok", spool: self.desk.layout.root)) }
        router.get("/metrics") { _, _ in
            let body = self.metrics.render(
                queue: self.queue.entries(reviews: await self.desk.reviewStates()), counts: await self.desk.counts(),
                daemonMetricsFile: self.desk.layout.metricsFile)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("/static/{name}") { _, context in
            let name = try context.parameters.require("name")
            guard let asset = StaticAssets.all[name] else { throw HTTPError(.notFound, message: "no such asset") }
            return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
        router.get("/") { request, context in try await self.queuePage(request, context) }
        router.get("/login") { _, context in try self.loginPage(context) }
        router.get("/documents/{id}") { _, context in try await self.documentPage(context) }

        router.get("/api/session") { _, context in try self.sessionJSON(context) }
        router.post("/api/session") { request, context in
            let body = try await Self.decode(API.NameIn.self, request, limit: self.settings.maxJSONBytes)
            guard !self.settings.tokenRequired else {
                throw HTTPError(.forbidden, message: "with access tokens, changes are recorded under the token holder's name (review.token_file)")
            }
            let name = try Self.reviewerName(body.name)
            guard let id = context.session?.id, let session = self.sessions.update(id, { $0.reviewer = name }) else {
                throw HTTPError(.forbidden, message: "no session; reload the page")
            }
            var response = try Self.json(API.SessionOut(csrfToken: session.csrf, reviewer: name, tokenRequired: self.settings.tokenRequired, authenticated: session.authenticated))
            response.setCookie(Cookie(name: SecurityMiddleware.nameCookie, value: SecurityMiddleware.encodeName(name), maxAge: 400 * 86400, path: "/", secure: self.settings.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/api/login") { request, context in
            let body = try await Self.decode(API.LoginIn.self, request, limit: self.settings.maxJSONBytes)
            guard self.settings.tokenRequired else { throw HTTPError(.badRequest, message: "this workspace has no tokens (loopback only); no login is needed") }
            guard let holder = self.settings.tokens.first(where: { SessionStore.constantTimeEqual($0.key, body.token) })?.value else {
                self.metrics.refused.increment()
                throw HTTPError(.unauthorized, message: "that token is not in review.token_file")
            }
            guard let old = context.session?.id, let session = self.sessions.rotate(old, { $0.authenticated = true; $0.reviewer = holder }) else {
                throw HTTPError(.forbidden, message: "no session; reload the page")
            }
            var response = try Self.json(API.SessionOut(csrfToken: session.csrf, reviewer: holder, tokenRequired: true, authenticated: true))
            response.setCookie(Cookie(name: SecurityMiddleware.sessionCookie, value: session.id, path: "/", secure: self.settings.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }

        router.get("/api/documents") { request, _ in
            let entries = try await self.filteredQueue(request)
            return try Self.json(API.QueueOut(documents: entries.map(API.queueItem)))
        }
        router.get("/api/documents/{id}") { _, context in
            let id = try Self.documentID(context)
            let document = try await Self.mapped { try await self.desk.document(id) }
            let suggestions = await self.desk.suggestions(document)
            return try Self.json(Self.documentOut(document, suggestions: suggestions))
        }
        router.post("/api/documents/{id}/changes") { request, context in
            let id = try Self.documentID(context)
            let body = try await Self.decode(API.ChangesIn.self, request, limit: self.settings.maxJSONBytes)
            guard let reviewer = context.reviewer else {
                throw HTTPError(.forbidden, message: "tell the workspace your name first (POST /api/session {\"name\": …})")
            }
            let changes = body.changes.map { ReviewChange(segment: $0.segment, en: $0.en, approve: $0.approve, revision: $0.revision) }
            do {
                let outcome = try await self.desk.apply(documentID: id, changes: changes, reviewer: reviewer, baseRevision: body.baseRevision)
                self.metrics.saves.increment()
                let approvals = changes.filter { $0.approve == true }.count
                if approvals > 0 { self.metrics.approvals.increment(by: Int64(approvals)) }
                if outcome.published { self.metrics.publishes.increment() }
                return try Self.json(API.OutcomeOut(
                    id: outcome.documentID, revision: outcome.revision, state: outcome.state.rawValue, approved: outcome.approvedCount,
                    total: outcome.total, published: outcome.published,
                    segments: outcome.segments.map { API.SegmentOut($0.pair, revision: $0.revision) }))
            } catch ReviewError.conflict(let revision, let conflicts) {
                self.metrics.conflicts.increment()
                return try Self.json(API.ConflictOut(
                    error: .init(message: ReviewError.conflict(revision: revision, conflicts: conflicts).description), revision: revision,
                    conflicts: conflicts.map {
                        API.ConflictItem(
                            segment: $0.segment, currentEn: $0.currentEn, currentApproved: $0.currentApproved, currentBy: $0.currentBy,
                            currentAt: $0.currentAt, proposedEn: $0.proposedEn, proposedApprove: $0.proposedApprove, revision: $0.revision)
                    }), status: .conflict)
            } catch let error as ReviewError {
                throw Self.httpError(error)
            }
        }
        router.post("/api/documents/{id}/publish") { _, context in
            let id = try Self.documentID(context)
            let revision = try await Self.mapped { try await self.desk.publish(documentID: id) }
            self.metrics.publishes.increment()
            return try Self.json(API.PublishOut(id: id, revision: revision))
        }
        router.put("/api/inbox/{name}") { request, context in
            let name = try context.parameters.require("name")
            guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/octet-stream") else {
                throw HTTPError(.unsupportedMediaType, message: "send the file's bytes as application/octet-stream")
            }
            do {
                try self.drop.check(name: name)
            } catch {
                throw HTTPError(.badRequest, message: "\(error)")
            }
            var request = request
            let buffer = try await request.collectBody(upTo: self.settings.maxUploadBytes)
            do {
                try self.drop.put(name: name, bytes: Array(buffer.readableBytesView))
            } catch let error as InboxDrop.Failure {
                switch error {
                case .badName: throw HTTPError(.badRequest, message: error.description)
                case .tooLarge: throw HTTPError(.contentTooLarge, message: error.description)
                case .exists: throw HTTPError(.conflict, message: error.description)
                case .io: throw HTTPError(.internalServerError, message: error.description)
                }
            } catch {
                throw HTTPError(.internalServerError, message: "\(error)")
            }
            self.metrics.uploads.increment()
            return try Self.json(API.UploadOut(name: name), status: .created)
        }
        router.post("/api/failed/{name}/retry") { _, context in
            let name = try context.parameters.require("name")
            do {
                guard try self.drop.retry(failedName: name) else { throw HTTPError(.notFound, message: "no failed file named \(name)") }
            } catch let error as InboxDrop.Failure {
                switch error {
                case .badName: throw HTTPError(.badRequest, message: error.description)
                case .exists: throw HTTPError(.conflict, message: error.description)
                default: throw HTTPError(.internalServerError, message: error.description)
                }
            }
            return try Self.json(API.RetryOut(name: name))
        }
    }

    // MARK: pages

    func layoutExtra(_ context: WorkspaceContext) -> [String: Any] {
        var extra: [String: Any] = ["workspace": true, "glossaryLink": glossary != nil]
        if let csrf = context.session?.csrf { extra["csrf"] = csrf }
        if let reviewer = context.reviewer { extra["reviewer"] = reviewer }
        return extra
    }

    private func queuePage(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let all = queue.entries(reviews: await desk.reviewStates())
        let entries = try await filteredQueue(request)
        let state = request.uri.queryParameters["state"].map(String.init) ?? ""
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let keys = ["", "new", "in review", "approved", "waiting", "translating", "failed"]
        let filters: [[String: Any]] = keys.map { key in
            ["key": key.replacingOccurrences(of: " ", with: "%20"), "label": key.isEmpty ? "all" : key, "count": key.isEmpty ? all.count : all.filter { $0.displayState == key }.count, "current": key == state]
        }
        let items: [[String: Any]] = entries.map { e in
            var item: [String: Any] = [
                "title": e.title, "rtl": e.titleIsArabic, "file": e.name, "received": Self.shortDate(e.received),
                "segments": e.segments.map(String.init) ?? "–", "issues": e.issues.map(String.init) ?? "–",
                "state": e.displayState, "stateClass": e.displayState.replacingOccurrences(of: " ", with: "-"),
                "retry": e.retryable, "name": e.name,
            ]
            if let id = e.id { item["link"] = true; item["id"] = id }
            if let reason = e.reason ?? e.note { item["reason"] = reason }
            if e.stage == .published, let n = e.segments, e.approved > 0, e.approved < n { item["progress"] = "\(e.approved) of \(n) approved" }
            return item
        }
        let content = try PageTemplates.render([
            "spool": desk.layout.root, "filters": filters, "items": items, "query": query, "stateFilter": state,
            "filtered": !state.isEmpty || !query.isEmpty, "maxBytes": settings.maxUploadBytes,
            "maxMB": String(format: "%.0f", Double(settings.maxUploadBytes) / 1_048_576),
        ], template: "queue")
        var extra = layoutExtra(context)
        extra["bodyClass"] = "queue-page"
        return Self.html(try PageTemplates.page(title: "Documents — Bayan review", content: content, inlineStyle: false, extra: extra))
    }

    private func loginPage(_ context: WorkspaceContext) throws -> Response {
        var c: [String: Any] = ["tokenRequired": settings.tokenRequired]
        if let name = context.reviewer { c["name"] = name }
        let content = try PageTemplates.render(c, template: "login")
        var extra = layoutExtra(context)
        extra["bodyClass"] = "login-page"
        return Self.html(try PageTemplates.page(title: "Sign in — Bayan review", content: content, inlineStyle: false, extra: extra))
    }

    private func documentPage(_ context: WorkspaceContext) async throws -> Response {
        let id = try Self.documentID(context)
        let document = try await Self.mapped { try await self.desk.document(id) }
        let suggestions = await desk.suggestions(document)
        let editing = ReviewPageModel.Editing(
            documentID: id, revision: document.revision, segmentRevisions: document.segmentRevisions,
            approvedCount: document.approvedCount, state: document.state.rawValue,
            suggestions: suggestions.mapValues { ($0.target, $0.score) })
        let model = ReviewPageModel(document.result, stem: id, editing: editing)
        let content = try PageTemplates.render(model.context, template: "document")
        var extra = layoutExtra(context)
        extra["bodyClass"] = "document-page"
        return Self.html(try PageTemplates.page(title: model.title, content: content, inlineStyle: false, extra: extra))
    }

    // MARK: helpers

    private func filteredQueue(_ request: Request) async throws -> [QueueEntry] {
        let state = request.uri.queryParameters["state"].map(String.init) ?? ""
        let query = (request.uri.queryParameters["q"].map(String.init) ?? "").lowercased()
        return queue.entries(reviews: await desk.reviewStates()).filter { e in
            (state.isEmpty || e.displayState == state)
                && (query.isEmpty || e.title.lowercased().contains(query) || e.name.lowercased().contains(query))
        }
    }

    private func sessionJSON(_ context: WorkspaceContext) throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden, message: "no session") }
        return try Self.json(API.SessionOut(
            csrfToken: session.csrf, reviewer: context.reviewer, tokenRequired: settings.tokenRequired, authenticated: session.authenticated))
    }

    static func documentOut(_ d: ReviewedDocument, suggestions: [Int: TranslationMemory.FuzzyMatch]) -> API.DocumentOut {
        API.DocumentOut(
            id: d.id, title: SpoolQueue.title(d.result), file: d.result.source.file, sha256: d.result.source.sha256, revision: d.revision,
            state: d.state.rawValue, approved: d.approvedCount, total: d.total, summary: d.result.summary,
            segments: d.result.pairs.map { API.SegmentOut($0, revision: d.segmentRevisions[$0.segment.id] ?? 0, suggestion: suggestions[$0.segment.id]) })
    }

    static func documentID(_ context: WorkspaceContext) throws -> String {
        // Path parameters arrive undecoded: "%2F" stays literal and fails the allowlist.
        let raw = try context.parameters.require("id")
        guard DocumentID.isValid(raw) else { throw HTTPError(.badRequest, message: ReviewError.invalidDocumentID(raw).description) }
        return raw
    }

    static func reviewerName(_ raw: String) throws -> String {
        guard let name = SecurityMiddleware.decodeName(SecurityMiddleware.encodeName(raw)), name.count <= 80 else {
            throw HTTPError(.badRequest, message: "a name is 1–80 characters without control characters")
        }
        return name
    }

    static func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as ReviewError { throw httpError(error) }
    }

    static func httpError(_ error: ReviewError) -> HTTPError {
        switch error {
        case .invalidDocumentID, .invalidChange: return HTTPError(.badRequest, message: error.description)
        case .notFound: return HTTPError(.notFound, message: error.description)
        case .conflict: return HTTPError(.conflict, message: error.description)
        case .failed: return HTTPError(.internalServerError, message: error.description)
        }
    }

    /// JSON bodies: only `application/json` (a form or text/plain post from another site is
    /// refused with 415 before it is read), at most `limit` bytes (413).
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int) async throws -> T {
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        guard contentType == "application/json" || contentType.hasPrefix("application/json;") else {
            throw HTTPError(.unsupportedMediaType, message: "send JSON with Content-Type: application/json")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw HTTPError(.badRequest, message: "the JSON body does not match the API: \(Self.describe(error))")
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "wrong type at '\(c.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let c): return c.debugDescription
        default: return "\(error)"
        }
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, iso8601Dates: Bool = false) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if iso8601Dates { encoder.dateEncodingStrategy = .iso8601 }
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func shortDate(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: date)
    }
}

/// Assets compiled into the binary (no CDN, no files beside it).
enum StaticAssets {
    static let all: [String: (type: String, bytes: [UInt8])] = [
        "app.css": ("text/css; charset=utf-8", Array(PageTemplates.stylesheet.utf8)),
        "app.js": ("text/javascript; charset=utf-8", PackageResources.app_js),
    ]
}
