import Foundation
import Hummingbird
import BayanCore
import Outputs

/// Turns any refused or failed request into a response that keeps the security headers: JSON
/// `{"error":{"message":…}}` under /api/ (and for clients that ask for JSON), a small page in the
/// shared layout otherwise.
enum ErrorPage {
    static func response(_ error: any HTTPResponseError, request: Request) -> Response {
        let message: String
        if let e = error as? HTTPError {
            message = e.body ?? e.status.reasonPhrase
        } else if error.status == .contentTooLarge {
            message = "the request body is too large for this route"
        } else {
            message = error.status.reasonPhrase
        }
        var headers = (error as? HTTPError)?.headers ?? [:]
        let wantsJSON = request.uri.path.hasPrefix("/api/") || request.uri.path == "/healthz"
            || (request.headers[.accept] ?? "").contains("application/json")
        if wantsJSON {
            headers[.contentType] = "application/json; charset=utf-8"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let body = (try? encoder.encode(["error": ["message": message]])) ?? Data("{}".utf8)
            return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        headers[.contentType] = "text/html; charset=utf-8"
        let content = "<header><p class=\"kicker\"><span>Bayan review</span></p><h1 class=\"file\">\(error.status.code) \(XMLEscaping.escape(error.status.reasonPhrase))</h1></header><p>\(XMLEscaping.escape(message))</p><p><a href=\"/\">Back to the documents</a></p>"
        let html = (try? PageTemplates.page(title: "\(error.status.code) — Bayan review", content: content, inlineStyle: false, extra: ["workspace": true])) ?? message
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

