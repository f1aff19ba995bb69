import ArabicText
import BayanCore

/// A small SRX-like rule set, as a deployment might import (ICU regular expressions).
private let extraRules = [
    SegmentationRule(breaks: false, before: "\\bص\\.", after: "\\s"),
    SegmentationRule(breaks: true, before: "[:]", after: "\\s+[«\"]"),
]

/// Every combination of the options that change control flow, built once (rules compile in init).
private let segmenters: [ArabicSentenceSegmenter] = {
    var out: [ArabicSentenceSegmenter] = []
    for semicolon in [false, true] {
        for limit in [nil, 12, 40, 200] as [Int?] {
            for rules in [[], extraRules] {
                out.append(ArabicSentenceSegmenter(options: SegmenterOptions(
                    breakAtSemicolon: semicolon, maxSentenceScalars: limit, extraRules: rules)))
            }
        }
    }
    return out
}()

/// First byte: bit 0 chooses raw UTF-8 (lossy, as any decoded text may hold anything) or the
/// Arabic token alphabet; the other bits choose the segmenter options.
public enum SegmenterTarget {
    public static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let mode = input.byte()
        let text = mode & 1 == 0 ? String(decoding: input.rest, as: UTF8.self) : ArabicTokens.text(input.rest)
        let segmenter = segmenters[Int(mode >> 1) % segmenters.count]
        SegmentInvariants.check(segmenter.segment(text: text), text: text)
        NormalizerInvariants.check(text)
    }
}
