import Foundation

/// Sparse tf-idf vectors where each sentence is a "document".
enum TfIdf {
    static func vectors(_ sentences: [[String]]) -> [[String: Double]] {
        var df: [String: Int] = [:]
        for tokens in sentences { for t in Set(tokens) { df[t, default: 0] += 1 } }
        let n = Double(sentences.count)
        return sentences.map { tokens in
            var tf: [String: Double] = [:]
            for t in tokens { tf[t, default: 0] += 1 }
            var v: [String: Double] = [:]
            for (t, count) in tf {
                let idf = log((n + 1) / (Double(df[t] ?? 0) + 1)) + 1
                v[t] = (1 + log(count)) * idf
            }
            return v
        }
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (k, x) in small { if let y = large[k] { dot += x * y } }
        guard dot > 0 else { return 0 }
        let na = a.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let nb = b.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return na > 0 && nb > 0 ? dot / (na * nb) : 0
    }
}

/// PageRank over a weighted, undirected similarity graph (Mihalcea & Tarau's TextRank).
enum TextRank {
    static func scores(_ weights: [[Double]], damping: Double = 0.85, iterations: Int = 50) -> [Double] {
        let n = weights.count
        guard n > 0 else { return [] }
        let outSum = weights.map { $0.reduce(0, +) }
        var rank = Array(repeating: 1.0 / Double(n), count: n)
        for _ in 0..<iterations {
            var next = Array(repeating: (1 - damping) / Double(n), count: n)
            for j in 0..<n where outSum[j] > 0 {
                let share = damping * rank[j] / outSum[j]
                for i in 0..<n where weights[j][i] > 0 { next[i] += share * weights[j][i] }
            }
            rank = next
        }
        return rank
    }
}
