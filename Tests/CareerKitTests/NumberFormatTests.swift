import Foundation
import Testing

@testable import CareerKit

@Suite struct NumberFormatTests {
    @Test func oneDecimalMatchesTheFormatStringOnEdgeCases() {
        let cases: [(Double, String)] = [
            (0, "0"), (0.05, "0.1"), (0.15, "0.1"), (0.25, "0.2"), (0.75, "0.8"), (2.25, "2.2"), (9.95, "9.9"),
            (99.95, "100.0"), (88.25, "88.2"), (1e6, "1000000"), (1e6 + 0.05, "1000000.1"), (-0.04, "-0.0"),
            (-0.05, "-0.1"), (-2.25, "-2.2"), (-7, "-7"), (0.000_001, "0.0"), (123_456_789.96, "123456790.0"),
        ]
        for (value, expected) in cases {
            #expect(formatOneDecimal(value) == expected, "\(value)")
            if value != value.rounded() { #expect(String(format: "%.1f", value) == expected, "\(value)") }
        }
    }

    @Test func fixedDecimalsMatchTheFormatStringForManyNumbers() {
        var random = SeededGenerator(seed: 7)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 1.005, 2.675, 1e15 - 0.5, 4.35, 0.045]
        for _ in 0..<20_000 {
            let cents = Double(Int.random(in: -10_000_000...10_000_000, using: &random))
            values.append(cents / 100)  // ties and near-ties at two decimals
            values.append(cents / 1000)
            values.append(Double.random(in: -1e6...1e6, using: &random))
            values.append(Double.random(in: -1...1, using: &random))
        }
        for value in values {
            for decimals in 0...3 {
                let expected = String(format: "%.\(decimals)f", value)
                #expect(formatFixed(value, decimals: decimals) == expected, "\(value) with \(decimals)")
                if formatFixed(value, decimals: decimals) != expected { return }
            }
        }
    }

    @Test func fixedDecimalsFallBackForHugeAndNonFiniteNumbers() {
        #expect(formatFixed(1e20, decimals: 1) == String(format: "%.1f", 1e20))
        #expect(formatFixed(.infinity, decimals: 2) == String(format: "%.2f", Double.infinity))
        #expect(formatFixed(.nan, decimals: 1) == String(format: "%.1f", Double.nan))
    }

    @Test func moneyIsGroupedWithCentsOnlyWhenThereAreAny() {
        #expect(formatMoney(0, "USD") == "0 USD")
        #expect(formatMoney(1250, "USD") == "1,250 USD")
        #expect(formatMoney(99.5, "EUR") == "99.50 EUR")
        #expect(formatMoney(0.125, "EUR") == "0.12 EUR")
        #expect(formatMoney(1_234_567.891, "USD") == "1,234,567.89 USD")
        #expect(formatMoney(-0.0, "USD") == "-0 USD")
    }
}

@Suite struct WhitespaceTests {
    @Test func trimmingAgreesWithFoundation() {
        let texts = [
            "", " ", "\t", "a", " a ", "\ta b\t", "\u{00A0}x\u{3000}", "\u{200B}y\u{200B}", " \u{301}a ", "a\u{301} ",
            "\n a \n", "\u{2009}\u{2009}", "\u{FEFF}z", "é ", " 😀 ", "\u{1680}q\u{205F}",
        ]
        for text in texts {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            #expect(text.isBlank == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(Array(text.unicodeScalars))")
            for wrapped in [text, "\r\n" + text + "\u{2028}", "\u{85}\n\u{0B}" + text + "\u{0C}\u{2029}"] {
                #expect(
                    wrapped.trimmingWhitespaceAndNewlines() == wrapped.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(Array(wrapped.unicodeScalars))")
            }
        }
    }

    @Test func whitespaceScalarsAreFoundationsWhitespaces() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isHorizontalWhitespace == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(
                scalar.isWhitespaceOrNewline == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }
}
