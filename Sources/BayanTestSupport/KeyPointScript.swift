import Foundation
import Synchronization

/// An OpenAI-compatible server for the summary's key points: requests whose system prompt asks
/// for key points get the next scripted answer (content or fault) in order; every other request
/// is a translation, answered by `OpenAIDialect`. Counts the key-point requests it saw.
public final class KeyPointScript: Sendable {
    public enum Answer: Sendable {
        /// `choices[0].message.content` of a normal completion.
        case content(String)
        /// A transport or status fault (`.hang` for a timeout, `.status(429)`, …).
        case fault(Fault)
    }

    private let queue: Mutex<[Answer]>
    private let seen = Atomic<Int>(0)
    private let translation: OpenAIDialect

    public init(_ answers: [Answer], translation: OpenAIDialect = OpenAIDialect()) {
        self.queue = Mutex(answers)
        self.translation = translation
    }

    /// Key-point requests received so far.
    public var keyPointRequests: Int { seen.load(ordering: .relaxed) }

    public func handle(_ request: ReceivedRequest) -> ServerAction {
        guard request.method == "POST", request.path == "/v1/chat/completions",
            let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
            let messages = object["messages"] as? [[String: Any]],
            let system = messages.first(where: { ($0["role"] as? String) == "system" })?["content"] as? String,
            system.contains("key points")
        else { return translation.handle(request) }
        seen.add(1, ordering: .relaxed)
        let next = queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        switch next {
        case .fault(let fault)?:
            return FaultActions.action(for: fault, errorJSON: { OpenAIDialect.error($0, type: "server_error", code: nil) })
                ?? .json(500, OpenAIDialect.error("unscripted fault", type: "server_error", code: nil))
        case .content(let content)?:
            let completion: [String: Any] = [
                "id": "chatcmpl-keypoints", "object": "chat.completion", "created": 1_700_000_000, "model": object["model"] as? String ?? "",
                "choices": [["index": 0, "message": ["role": "assistant", "content": content] as [String: Any], "finish_reason": "stop"] as [String: Any]],
            ]
            let data = (try? JSONSerialization.data(withJSONObject: completion, options: [.withoutEscapingSlashes])) ?? Data()
            return .respond(status: 200, headers: [("Content-Type", "application/json")], body: Array(data))
        case nil:
            return .json(500, OpenAIDialect.error("no scripted key-point answer left", type: "server_error", code: nil))
        }
    }
}
