import CCurl
import Foundation

/// One thread's easy handle. `curl_easy_reset` between requests keeps the connection cache.
final class CurlLane {
    private let handle: UnsafeMutableRawPointer?
    private let options: TransportOptions

    init(options: TransportOptions) {
        self.options = options
        self.handle = curl_easy_init()
    }

    deinit { if let handle { curl_easy_cleanup(handle) } }

    func run(_ queue: LaneQueue) {
        while let job = queue.pop() {
            if job.cancel.isSet {
                job.continuation.resume(throwing: TransportError(.cancelled, "the request was cancelled"))
                continue
            }
            job.continuation.resume(with: Result { try perform(job.request, cancel: job.cancel) })
        }
    }

    private func perform(_ request: HTTPRequest, cancel: CancelFlag) throws -> HTTPResponse {
        guard let h = handle else { throw TransportError(.other, "curl_easy_init failed") }
        curl_easy_reset(h)
        let box = ResponseBox(limit: options.maxResponseBytes, cancel: cancel)
        ccurl_setopt_string(h, CURLOPT_URL, request.url)
        ccurl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
        ccurl_setopt_long(h, CURLOPT_TIMEOUT_MS, Int(options.totalTimeout * 1000))
        ccurl_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytes)
        ccurl_setopt_long(h, CURLOPT_LOW_SPEED_TIME, options.lowSpeedSeconds)
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, options.insecure ? 0 : 1)
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, options.insecure ? 0 : 2)
        if let ca = options.caFile { ccurl_setopt_string(h, CURLOPT_CAINFO, ca) }
        ccurl_setopt_string(h, CURLOPT_USERAGENT, options.userAgent)
        ccurl_setopt_long(h, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_string(h, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_off(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes))
        // Proxy settings come from the environment (http_proxy, https_proxy, no_proxy): curl's default.
        if request.method != "GET" && (request.method == "POST" || !request.body.isEmpty) {
            // PUT and PATCH with a body go like POST with another verb (DeepL's glossary API).
            if request.method != "POST" { ccurl_setopt_string(h, CURLOPT_CUSTOMREQUEST, request.method) }
            ccurl_setopt_long(h, CURLOPT_POST, 1)
            ccurl_setopt_off(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            // COPYPOSTFIELDS copies, so the Swift buffer may die after this call.
            var body = request.body
            if body.isEmpty { body = [0] }
            body.withUnsafeMutableBytes { _ = ccurl_setopt_pointer(h, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
        } else if request.method != "GET" {
            ccurl_setopt_string(h, CURLOPT_CUSTOMREQUEST, request.method)
        }
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for (name, value) in request.headers { list = curl_slist_append(list, "\(name): \(value)") }
        list = curl_slist_append(list, "Expect:")  // no 100-continue round trip
        defer { curl_slist_free_all(list) }
        ccurl_setopt_slist(h, CURLOPT_HTTPHEADER, list)

        let opaque = Unmanaged.passUnretained(box).toOpaque()
        ccurl_setopt_write_function(h) { ptr, size, count, userdata in
            guard let userdata, let ptr else { return 0 }
            let box = Unmanaged<ResponseBox>.fromOpaque(userdata).takeUnretainedValue()
            return box.appendBody(UnsafeRawBufferPointer(start: ptr, count: size * count)) ? size * count : 0
        }
        ccurl_setopt_pointer(h, CURLOPT_WRITEDATA, opaque)
        ccurl_setopt_header_function(h) { ptr, size, count, userdata in
            guard let userdata, let ptr else { return 0 }
            let box = Unmanaged<ResponseBox>.fromOpaque(userdata).takeUnretainedValue()
            box.appendHeader(UnsafeRawBufferPointer(start: ptr, count: size * count))
            return size * count
        }
        ccurl_setopt_pointer(h, CURLOPT_HEADERDATA, opaque)
        ccurl_setopt_long(h, CURLOPT_NOPROGRESS, 0)
        ccurl_setopt_xferinfo_function(h) { userdata, _, _, _, _ in
            guard let userdata else { return 0 }
            return Unmanaged<ResponseBox>.fromOpaque(userdata).takeUnretainedValue().cancel.isSet ? 1 : 0
        }
        ccurl_setopt_pointer(h, CURLOPT_XFERINFODATA, opaque)

        let code = withExtendedLifetime(box) { curl_easy_perform(h) }
        guard code == CURLE_OK else { throw Self.error(code, box: box, url: request.url) }
        var status = 0
        ccurl_getinfo_long(h, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: box.headers, body: box.body)
    }

    private static func error(_ code: CURLcode, box: ResponseBox, url: String) -> TransportError {
        let text = String(cString: curl_easy_strerror(code))
        let host = URLComponents(string: url)?.host ?? "the engine"
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return TransportError(.connect, "cannot connect to \(host): \(text)")
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError(.timeout, "\(host) did not answer in time: \(text)")
        case CURLE_WRITE_ERROR where box.overLimit, CURLE_FILESIZE_EXCEEDED:
            return TransportError(.tooLarge, "the answer from \(host) is larger than the \(box.limit)-byte limit")
        case CURLE_ABORTED_BY_CALLBACK:
            return TransportError(.cancelled, "the request to \(host) was cancelled")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE:
            return TransportError(.tls, "TLS with \(host) failed: \(text) (set engine.ca_file if it uses a private CA)")
        default:
            return TransportError(.other, "request to \(host) failed: \(text) (curl code \(code.rawValue))")
        }
    }
}

/// Collects one response; the callbacks reach it through an unretained pointer.
final class ResponseBox {
    let limit: Int
    let cancel: CancelFlag
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var overLimit = false

    init(limit: Int, cancel: CancelFlag) {
        self.limit = limit
        self.cancel = cancel
    }

    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if body.count + bytes.count > limit {
            overLimit = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    func appendHeader(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") { headers.removeAll() }  // a new response (after 100 or a redirect)
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
