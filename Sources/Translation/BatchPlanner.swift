/// Packs items into requests by count and by UTF-8 bytes, keeping their order.
public enum BatchPlanner {
    public static func batches(_ items: [TranslationItem], limits: BatchLimits) -> [[TranslationItem]] {
        var out: [[TranslationItem]] = []
        var current: [TranslationItem] = []
        var bytes = 0
        for item in items {
            let size = item.text.utf8.count + 16  // JSON quoting and separators
            if !current.isEmpty && (current.count >= limits.maxItems || bytes + size > limits.maxBytes) {
                out.append(current)
                current = []
                bytes = 0
            }
            current.append(item)
            bytes += size
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
