import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 (an ephemeral port), one thread per connection,
/// keep-alive, Content-Length bodies. The handler decides each answer, faults included.
/// It is the test double of every MT endpoint: clients talk to it over real sockets.
public final class LoopbackHTTPServer: Sendable {
    public typealias Handler = @Sendable (ReceivedRequest) -> ServerAction

    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listenFD: Int32
    private let wakePipe: (read: Int32, write: Int32)
    private let handler: Handler
    private let state = Mutex(State())
    private let stopped = StopSignal()

    struct State {
        var connections = 0
        var requests: [ReceivedRequest] = []
        var openFDs: Set<Int32> = []
        var running = true
    }

    public init(port requestedPort: Int = 0, handler: @escaping Handler) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(truncatingIfNeeded: requestedPort).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw ServerError("bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        var out = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &out) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        self.port = Int(UInt16(bigEndian: out.sin_port))
        self.listenFD = fd
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        self.wakePipe = (fds[0], fds[1])
        let thread = Thread { [self] in self.acceptLoop() }
        thread.name = "loopback-accept"
        thread.start()
    }

    deinit { stop() }

    /// Requests received so far, in order.
    public var requests: [ReceivedRequest] { state.withLock { $0.requests } }
    public var requestCount: Int { state.withLock { $0.requests.count } }
    public var connectionCount: Int { state.withLock { $0.connections } }

    /// Stops accepting, closes every connection and releases hanging handlers.
    public func stop() {
        let wasRunning = state.withLock { s -> Bool in
            defer { s.running = false }
            return s.running
        }
        guard wasRunning else { return }
        stopped.fire()
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
        let fds = state.withLock { $0.openFDs }
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        defer {
            close(listenFD)
            close(wakePipe.read)
            close(wakePipe.write)
        }
        while true {
            var polls = [pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
                         pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
            let n = poll(&polls, 2, -1)
            if n < 0 { if errno == EINTR { continue } else { return } }
            if polls[1].revents != 0 { return }
            let client = accept(listenFD, nil, nil)
            if client < 0 { continue }
            let (number, running) = state.withLock { s -> (Int, Bool) in
                s.connections += 1
                if s.running { s.openFDs.insert(client) }
                return (s.connections, s.running)
            }
            if !running { close(client); return }
            let thread = Thread { [self] in self.serve(client, connection: number) }
            thread.name = "loopback-conn"
            thread.start()
        }
    }

    private func serve(_ fd: Int32, connection: Int) {
        defer {
            state.withLock { _ = $0.openFDs.remove(fd) }
            close(fd)
        }
        var reader = ConnectionReader(fd: fd)
        while let request = reader.nextRequest(connection: connection) {
            state.withLock { $0.requests.append(request) }
            switch handler(request) {
            case .respond(let status, let headers, let body):
                guard send(fd, head(status, headers, body.count) + body) else { return }
            case .hang:
                stopped.wait()
                return
            case .drop:
                return
            case .truncated(let status, let headers, let body, let sendBytes):
                _ = send(fd, head(status, headers, body.count) + Array(body.prefix(sendBytes)))
                return
            case .slowDrip(let status, let headers, let body, let chunk, let pause):
                let all = head(status, headers, body.count) + body
                var i = 0
                while i < all.count {
                    guard send(fd, Array(all[i..<min(i + max(chunk, 1), all.count)])) else { return }
                    i += max(chunk, 1)
                    if stopped.wait(milliseconds: pause) { return }
                }
            }
        }
    }

    private func head(_ status: Int, _ headers: [(String, String)], _ length: Int) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(HTTPStatusText.reason(status))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(length)\r\nConnection: keep-alive\r\n\r\n"
        return Array(text.utf8)
    }

    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}

public struct ServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
