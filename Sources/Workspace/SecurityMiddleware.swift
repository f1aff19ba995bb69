import Foundation
import HTTPTypes
import Hummingbird

/// Every rule of the workspace's security, applied before any route (it is added to the router
/// first, so it covers every route and the not-found answer):
/// - `Host` must be one of the allowed names with our port, and only one (DNS rebinding) → 403;
/// - a session cookie (HttpOnly, SameSite=Strict) is found or made;
/// - with tokens configured, anything but the login, static files and health needs a logged-in
///   session (pages redirect to /login, the API answers 401);
/// - state changes (POST, PUT, PATCH, DELETE) need a same-origin `Origin` (or `Referer` when
///   there is no Origin), no `Sec-Fetch-Site: cross-site`, and the session's CSRF token in
///   `X-CSRF-Token` → 403 otherwise, before any handler runs;
/// - every response, errors included, carries the security headers.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext

    let settings: WorkspaceSettings
    let sessions: SessionStore
    /// Our port once bound (port 0 in tests picks one).
    let port: @Sendable () -> Int

    static let sessionCookie = "bayan_session"
    static let nameCookie = "bayan_name"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let hostField = HTTPField.Name("Host")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await guarded(request, context: context, next: next)
        } catch let error as any HTTPResponseError {
            response = ErrorPage.response(error, request: request)
        } catch {
            context.logger.error("review workspace: request failed", metadata: ["error": "\(error)"])
            response = ErrorPage.response(HTTPError(.internalServerError, message: "internal error; see the daemon's log"), request: request)
        }
        Self.addSecurityHeaders(&response, path: request.uri.path)
        return response
    }

    private func guarded(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // DNS rebinding: the browser sends the attacker's name in Host; refuse any name not ours.
        let allowed = settings.allowedAuthorities(port: port())
        guard let authority = request.head.authority?.lowercased(), allowed.contains(authority),
            request.headers[values: Self.hostField].isEmpty
        else {
            throw HTTPError(.forbidden, message: "this address is not one the review workspace answers to (Host header refused); open it as http://127.0.0.1:\(port())/ or add the name to review.hosts")
        }
        var context = context
        let cookies = request.cookies
        context.nameCookie = cookies[Self.nameCookie].flatMap { Self.decodeName($0.value) }
        if let session = sessions.session(cookies[Self.sessionCookie]?.value) {
            context.session = session
        } else {
            context.session = sessions.create(authenticated: !settings.tokenRequired, reviewer: nil)
            context.newSession = true
        }
        let path = request.uri.path
        if settings.tokenRequired, context.session?.authenticated != true, !Self.isPublic(path) {
            if path.hasPrefix("/api/") {
                throw HTTPError(.unauthorized, message: "log in first: POST /api/login with a token from review.token_file")
            }
            var redirect = Response(status: .seeOther, headers: [.location: "/login"])
            setSessionCookie(&redirect, context)
            return redirect
        }
        if Self.isUnsafe(request.method) {
            try checkOrigin(request, authority: authority)
            let sent = request.headers[Self.csrfHeader] ?? ""
            guard let csrf = context.session?.csrf, !context.newSession, SessionStore.constantTimeEqual(sent, csrf) else {
                throw HTTPError(.forbidden, message: "missing or wrong CSRF token (X-CSRF-Token); reload the page, or GET /api/session for the token")
            }
        }
        var response = try await next(request, context)
        setSessionCookie(&response, context)
        return response
    }

    private func checkOrigin(_ request: Request, authority: String) throws {
        let ours = "http://" + authority
        if request.headers[Self.fetchSite]?.lowercased() == "cross-site" {
            throw HTTPError(.forbidden, message: "cross-site request refused")
        }
        if let origin = request.headers[.origin] {
            guard origin.lowercased() == ours else { throw HTTPError(.forbidden, message: "Origin \(origin.prefix(100)) is not this workspace (\(ours)); changes come only from its own pages") }
            return
        }
        if let referer = request.headers[.referer], let url = URL(string: referer), let scheme = url.scheme, let host = url.host {
            let port = url.port.map { ":\($0)" } ?? ""
            let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            guard "\(scheme)://\(hostPart)\(port)".lowercased() == ours else {
                throw HTTPError(.forbidden, message: "Referer is not this workspace (\(ours)); changes come only from its own pages")
            }
            return
        }
        throw HTTPError(.forbidden, message: "a change needs an Origin (or Referer) header naming this workspace (\(ours))")
    }

    private func setSessionCookie(_ response: inout Response, _ context: Context) {
        guard context.newSession, let session = context.session else { return }
        response.setCookie(Cookie(name: Self.sessionCookie, value: session.id, path: "/", secure: settings.secureCookies, httpOnly: true, sameSite: .strict))
    }

    static func isUnsafe(_ method: HTTPRequest.Method) -> Bool {
        !(method == .get || method == .head || method == .options)
    }

    /// Reachable without logging in (token mode).
    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path == "/api/login" || path == "/api/session" || path == "/healthz" || path == "/metrics" || path.hasPrefix("/static/")
    }

    /// The policy of every response: scripts and styles only from /static/, no inline script,
    /// no framing, no sniffing.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func addSecurityHeaders(_ response: inout Response, path: String) {
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        if !path.hasPrefix("/static/") { response.headers[.cacheControl] = "no-store" }
    }

    /// The name cookie holds the name percent-encoded (cookie values are ASCII).
    static func encodeName(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    static func decodeName(_ value: String) -> String? {
        guard let name = value.removingPercentEncoding?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty,
            name.count <= 80, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return name
    }
}
