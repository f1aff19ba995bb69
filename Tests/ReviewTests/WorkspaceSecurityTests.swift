import BayanCore
import Foundation
import Review
import Testing
import Translation
import Workspace

/// Every security rule of the workspace, over a real socket.
@Suite struct WorkspaceSecurityTests {
    static let securityHeaders = ["content-security-policy", "x-content-type-options", "x-frame-options"]

    func expectSecurityHeaders(_ r: HTTPResponse, _ what: String) {
        let csp = r.headers["content-security-policy"] ?? ""
        #expect(csp.contains("frame-ancestors 'none'"), "\(what): no frame-ancestors")
        #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(what): CSP allows inline script")
        #expect(r.headers["x-content-type-options"] == "nosniff", "\(what): no nosniff")
    }

    @Test func foreignOrDoubleHostIsRefusedBeforeRouting() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        let ok = try await h.send("GET", "/api/documents")
        #expect(ok.status == 200)
        let rebound = try await h.send("GET", "/api/documents/\(ReviewFixture.stem)", headers: [("Host", "attacker.example:\(h.port)")])
        #expect(rebound.status == 403)
        #expect(!rebound.bodyText.contains("جمارك"))
        expectSecurityHeaders(rebound, "foreign host")
        let wrongPort = try await h.send("GET", "/", headers: [("Host", "127.0.0.1:1")])
        #expect(wrongPort.status == 403)
        for name in ["localhost", "[::1]"] {
            let r = try await h.send("GET", "/healthz", headers: [("Host", "\(name):\(h.port)")])
            #expect(r.status == 200, "\(name)")
        }
        // Raw requests: two Host fields (an HTTP client would merge them), and none (HTTP/1.0).
        let single = try h.rawStatus("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:\(h.port)\r\nConnection: close\r\n\r\n")
        #expect(single == 200)
        let double = try h.rawStatus("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:\(h.port)\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
        #expect(double == 403)
        let none = try h.rawStatus("GET /healthz HTTP/1.0\r\n\r\n")
        #expect(none == 403)
    }

    @Test func stateChangesNeedTheCSRFTokenAndOurOrigin() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        try await h.name("Mona")
        let path = "/api/documents/\(ReviewFixture.stem)/changes"
        let body = #"{"changes":[{"segment":1,"en":"Changed by an attacker"}]}"#
        let token = try await h.csrf()
        let attempts: [(String, [(String, String)])] = [
            ("no token", [("Content-Type", "application/json"), ("Origin", h.base)]),
            ("wrong token", [("Content-Type", "application/json"), ("Origin", h.base), ("X-CSRF-Token", String(repeating: "0", count: 64))]),
            ("foreign origin", [("Content-Type", "application/json"), ("Origin", "http://attacker.example"), ("X-CSRF-Token", token)]),
            ("null origin", [("Content-Type", "application/json"), ("Origin", "null"), ("X-CSRF-Token", token)]),
            ("prefix origin", [("Content-Type", "application/json"), ("Origin", h.base + ".attacker.example"), ("X-CSRF-Token", token)]),
            ("no origin or referer", [("Content-Type", "application/json"), ("X-CSRF-Token", token)]),
            ("foreign referer", [("Content-Type", "application/json"), ("Referer", "http://attacker.example/x"), ("X-CSRF-Token", token)]),
            ("cross-site fetch", [("Content-Type", "application/json"), ("Origin", h.base), ("X-CSRF-Token", token), ("Sec-Fetch-Site", "cross-site")]),
        ]
        for (what, headers) in attempts {
            let r = try await h.send("POST", path, headers: headers, body: Array(body.utf8))
            #expect(r.status == 403, "\(what)")
            expectSecurityHeaders(r, what)
        }
        // A session cookie that was never issued gets no token either.
        let stranger = try await h.send("POST", path, headers: [("Content-Type", "application/json"), ("Origin", h.base), ("X-CSRF-Token", token)], body: Array(body.utf8), cookies: false)
        #expect(stranger.status == 403)
        #expect(try await f.desk().document(ReviewFixture.stem).revision == 0, "a refused request changed something")
        // The same request with the token and our Origin (or Referer) goes through.
        let referer = try await h.send("POST", path, headers: [("Content-Type", "application/json"), ("Referer", h.base + "/documents/x"), ("X-CSRF-Token", token)], body: Array(body.utf8))
        #expect(referer.status == 200)
        let ok = try await h.change(path, json: #"{"changes":[{"segment":2,"approve":true}]}"#, token: token)
        #expect(ok.status == 200)
        #expect(try await f.desk().document(ReviewFixture.stem).revision == 2)
    }

    @Test func jsonRoutesRefuseOtherContentTypesAndLargeBodies() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        try await h.name("Mona")
        let token = try await h.csrf()
        let path = "/api/documents/\(ReviewFixture.stem)/changes"
        for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
            let r = try await h.send("POST", path, headers: [("Content-Type", type), ("Origin", h.base), ("X-CSRF-Token", token)],
                body: Array(#"{"changes":[{"segment":1,"approve":true}]}"#.utf8))
            #expect(r.status == 415, "\(type)")
            expectSecurityHeaders(r, type)
        }
        let huge = "{\"changes\":[{\"segment\":1,\"en\":\"" + String(repeating: "a", count: 300 * 1024) + "\"}]}"
        let tooLarge = try await h.change(path, json: huge, token: token)
        #expect(tooLarge.status == 413)
        expectSecurityHeaders(tooLarge, "413")
        let malformed = try await h.change(path, json: #"{"changes":[{"segment":"one"}]}"#, token: token)
        #expect(malformed.status == 400)
        #expect(try await f.desk().document(ReviewFixture.stem).revision == 0)
    }

    @Test func idsAreValidatedAndNeverLeaveTheSpool() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        for id in ["..%2F..%2Fetc%2Fpasswd", "%2e%2e%2fetc", "a%2Fb", "..%252f", "%00", "x%5C..%5Cy", "..%c0%af"] {
            let page = try await h.send("GET", "/documents/\(id)")
            #expect(page.status == 400, "\(id)")
            expectSecurityHeaders(page, id)
            let api = try await h.send("GET", "/api/documents/\(id)")
            #expect(api.status == 400, "\(id)")
        }
        let missing = try await h.send("GET", "/api/documents/no-such-doc")
        #expect(missing.status == 404)
        expectSecurityHeaders(missing, "404")
        let unknown = try await h.send("GET", "/nowhere")
        #expect(unknown.status == 404)
        expectSecurityHeaders(unknown, "unknown route")
        let asset = try await h.send("GET", "/static/..%2F..%2FPackage.swift")
        #expect(asset.status == 404)
    }

    @Test func documentTextIsAlwaysEscaped() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        let page = try await h.send("GET", "/documents/\(ReviewFixture.stem)")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(!page.bodyText.contains("<script>alert"))
        #expect(page.bodyText.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // No inline script: the only script is the static file.
        #expect(page.bodyText.components(separatedBy: "<script").count - 1 == 1)
        #expect(page.bodyText.contains("<script src=\"/static/app.js\" defer></script>"))
        #expect(page.bodyText.contains("<link rel=\"stylesheet\" href=\"/static/app.css\">"))
        #expect(!page.bodyText.contains("style="))
        expectSecurityHeaders(page, "document page")
        let queue = try await h.send("GET", "/")
        #expect(!queue.bodyText.contains("<script>alert"))
        let css = try await h.send("GET", "/static/app.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.bodyText.contains("Noto Naskh Arabic"))
    }

    @Test func beyondLoopbackNeedsATokenLoginThenAStrictHttpOnlyCookie() async throws {
        #expect(throws: BayanError.self) { try WorkspaceSettings(host: "0.0.0.0", port: 0).validate() }
        #expect(throws: BayanError.self) { try WorkspaceSettings(host: "192.168.1.10", port: 0).validate() }
        let f = try ReviewFixture()
        try f.publish()
        let token = "s3cret-token-0123456789abcdef"
        let tokenFile = f.spool.dir + "/tokens"
        try "# reviewers\n\(token) Layla Haddad\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        var settings = WorkspaceSettings(host: "127.0.0.1", port: 0, tokens: try WorkspaceSettings.readTokens(path: tokenFile))
        settings.maxUploadBytes = 4096
        #expect(settings.tokens[token] == "Layla Haddad")
        let h = try await WorkspaceHarness.start(f, settings: settings)
        defer { Task { await h.stop() } }
        let page = try await h.send("GET", "/documents/\(ReviewFixture.stem)")
        #expect(page.status == 303)
        #expect(page.headers["location"] == "/login")
        let api = try await h.send("GET", "/api/documents")
        #expect(api.status == 401)
        let wrong = try await h.change("/api/login", json: #"{"token":"not-the-token-at-all"}"#)
        #expect(wrong.status == 401)
        let login = try await h.change("/api/login", json: "{\"token\":\"\(token)\"}")
        #expect(login.status == 200)
        let cookie = login.headers["set-cookie"] ?? ""
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(h.json(login)["reviewer"] as? String == "Layla Haddad")
        let after = try await h.send("GET", "/api/documents")
        #expect(after.status == 200)
        let saved = try await h.change("/api/documents/\(ReviewFixture.stem)/changes", json: #"{"changes":[{"segment":1,"approve":true}]}"#)
        #expect(saved.status == 200)
        let document = try await f.desk().document(ReviewFixture.stem)
        #expect(document.result.pairs[0].review?.by == "Layla Haddad")
        // The name is the holder's: it cannot be changed from the browser.
        #expect(try await h.change("/api/session", json: #"{"name":"Someone else"}"#).status == 403)
    }
}
