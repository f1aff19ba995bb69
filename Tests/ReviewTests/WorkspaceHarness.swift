import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Review
import Translation
import Workspace

/// A real workspace on a free loopback port, over a fixture spool, called through the project's
/// libcurl transport (a real socket, real headers: the Host and Origin rules are tested as a
/// browser meets them).
final class WorkspaceHarness: @unchecked Sendable {
    let fixture: ReviewFixture
    let base: String
    let port: Int
    private let task: Task<Void, Error>?
    private let transport: CurlTransport
    var cookies: [String: String] = [:]

    static func start(_ fixture: ReviewFixture, settings: WorkspaceSettings? = nil, desk: ReviewDesk? = nil, glossary: WorkspaceGlossary? = nil) async throws -> WorkspaceHarness {
        let desk = try desk ?? fixture.desk()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let app = try Workspace.application(
            desk: desk, settings: settings ?? WorkspaceSettings(host: "127.0.0.1", port: 0, maxUploadBytes: 4096),
            logger: Logger(label: "workspace-test"), glossary: glossary, onListening: { continuation.yield($0) })
        let task = Task { try await app.run() }
        var url: String? = nil
        for await first in stream {
            url = first
            break
        }
        guard let url, let port = Int(url.split(separator: ":").last?.filter(\.isNumber) ?? "") else {
            task.cancel()
            throw HarnessError("the workspace did not report its address")
        }
        return WorkspaceHarness(fixture: fixture, base: "http://127.0.0.1:\(port)", port: port, task: task)
    }

    private init(fixture: ReviewFixture, base: String, port: Int, task: Task<Void, Error>?) {
        self.fixture = fixture
        self.base = base
        self.port = port
        self.task = task
        var options = TransportOptions()
        options.totalTimeout = 10
        options.connectTimeout = 2
        transport = CurlTransport(options: options)
    }

    func stop() async {
        task?.cancel()
        _ = try? await task?.value
    }

    /// Another client of the same server, with its own cookies (a second browser).
    func sibling() -> WorkspaceHarness {
        WorkspaceHarness(fixture: fixture, base: base, port: port, task: nil)
    }

    /// Sends a request with the cookies collected so far; remembers cookies it sets.
    @discardableResult
    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = [], cookies useCookies: Bool = true) async throws -> HTTPResponse {
        var all = headers
        if useCookies, !cookies.isEmpty { all.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))) }
        let response = try await transport.send(HTTPRequest(method: method, url: base + path, headers: all, body: body))
        if let set = response.headers["set-cookie"], let pair = set.split(separator: ";").first {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { cookies[String(parts[0])] = String(parts[1]) }
        }
        return response
    }

    /// The session's CSRF token (the session cookie is kept).
    func csrf() async throws -> String {
        let response = try await send("GET", "/api/session")
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        return object?["csrf_token"] as? String ?? ""
    }

    /// A state change as the page sends it: JSON, the CSRF token and our Origin.
    func change(_ path: String, json: String, method: String = "POST", token: String? = nil, origin: String? = nil) async throws -> HTTPResponse {
        let csrf: String
        if let token { csrf = token } else { csrf = try await self.csrf() }
        return try await send(method, path, headers: [
            ("Content-Type", "application/json"), ("X-CSRF-Token", csrf), ("Origin", origin ?? base),
        ], body: Array(json.utf8))
    }

    func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    /// Sets the reviewer's name for this session.
    func name(_ name: String) async throws {
        let response = try await change("/api/session", json: "{\"name\":\"\(name)\"}")
        guard response.status == 200 else { throw HarnessError("naming failed: \(response.status) \(response.bodyText)") }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

#if canImport(Glibc)
import Glibc
#endif

extension WorkspaceHarness {
    /// Sends bytes exactly as given (for what HTTP clients will not send, such as two Host
    /// headers) and returns the status code of the answer.
    func rawStatus(_ request: String) throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HarnessError("connect failed") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(fd, &buffer, buffer.count)
        guard n > 12 else { throw HarnessError("no answer") }
        let head = String(decoding: buffer[0..<n], as: UTF8.self)
        return Int(head.split(separator: " ")[1]) ?? 0
    }
}
