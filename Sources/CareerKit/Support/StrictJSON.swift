/// Checks that text is JSON as RFC 8259 defines it, and no more: no trailing commas, no
/// comments, no single quotes, no bare words, no control characters inside strings, no
/// `NaN`, no leading zeros or `+` signs, no second byte order mark. (Foundation's parser
/// accepts several of these, and YAML, which reads the values afterwards, accepts all.)
///
/// One leading byte order mark is allowed, as RFC 8259 lets a parser ignore it. Nesting
/// deeper than `maximumDepth` is refused, so hostile input cannot exhaust the stack.
enum StrictJSON {
    static let maximumDepth = 256

    /// The first problem and where it is (line and column, 1-based, columns in characters),
    /// or nil when the text is well-formed JSON.
    static func firstProblem(in text: String) -> (message: String, line: Int, column: Int)? {
        var bytes = Array(text.utf8)[...]
        var offset = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            offset = 3
        }
        var checker = Checker(bytes: bytes)
        guard let failure = checker.document() else { return nil }
        let (line, column) = position(of: failure.offset, in: text.utf8, skipping: offset)
        return ("malformed JSON: " + failure.message, line, column)
    }

    /// The line and column of a byte offset into the text (columns counted in characters,
    /// from 1; a leading byte order mark takes no column).
    private static func position(of offset: Int, in utf8: String.UTF8View, skipping bom: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, byte) in utf8.enumerated() {
            if index >= offset { break }
            if index < bom { continue }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private struct Failure: Error {
        var message: String
        var offset: Int
    }

    /// The text with every escaped surrogate pair (`\ud83d\ude00`) written as the character
    /// it stands for. Only for text `firstProblem` passed: each high half has its low half.
    static func unescapingSurrogatePairs(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")), text.range(of: #"\\u[dD][89abAB]"#, options: .regularExpression) != nil
        else { return text }
        var result = ""
        var rest = Substring(text)
        let pair = #"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"#
        while let found = rest.range(of: pair, options: .regularExpression) {
            // An escaped backslash before it (`\\ud83d`) is text, not an escape.
            let backslashes = rest[..<found.lowerBound].reversed().prefix { $0 == "\\" }.count
            result += rest[..<found.lowerBound]
            let escape = rest[found]
            if backslashes % 2 == 0, let high = Int(escape.dropFirst(2).prefix(4), radix: 16),
                let low = Int(escape.dropFirst(8).prefix(4), radix: 16),
                let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += escape
            }
            rest = rest[found.upperBound...]
        }
        return result + rest
    }

    private struct Checker {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        var atEnd: Bool { index >= bytes.endIndex }
        var current: UInt8? { atEnd ? nil : bytes[index] }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        func found() -> String {
            guard let byte = current else { return "the end of the text" }
            if byte == 0xEF, bytes[index...].starts(with: [0xEF, 0xBB, 0xBF]) { return "a second byte order mark" }
            if byte < 0x20 || byte == 0x7F { return "a control character" }
            if byte >= 0x80 {
                // The whole character, for the message.
                var end = index + 1
                while end < bytes.endIndex, bytes[end] & 0xC0 == 0x80 { end += 1 }
                return "'" + PrintableText.escaped(String(decoding: bytes[index..<end], as: UTF8.self)) + "'"
            }
            return "'" + PrintableText.escaped(String(UnicodeScalar(byte))) + "'"
        }

        func fail(_ message: String) -> Failure {
            Failure(message: message, offset: index)
        }

        mutating func document() -> Failure? {
            skipWhitespace()
            if let failure = value(depth: 0) { return failure }
            skipWhitespace()
            guard atEnd else { return fail("nothing may follow the value, found \(found())") }
            return nil
        }

        mutating func value(depth: Int) -> Failure? {
            guard depth < StrictJSON.maximumDepth else { return fail("lists and objects nest deeper than \(StrictJSON.maximumDepth) levels") }
            switch current {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
                return number()
            default: return fail("a value is expected, found \(found())")
            }
        }

        mutating func object(depth: Int) -> Failure? {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return nil
            }
            while true {
                guard current == UInt8(ascii: "\"") else {
                    return fail("a key in double quotes is expected, found \(found())")
                }
                if let failure = string() { return failure }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { return fail("':' is expected after the key, found \(found())") }
                index += 1
                skipWhitespace()
                if let failure = value(depth: depth + 1) { return failure }
                switch afterMember(closing: "}") {
                case .failure(let failure): return failure
                case .success(let closed): if closed { return nil }
                }
            }
        }

        mutating func array(depth: Int) -> Failure? {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return nil
            }
            while true {
                if let failure = value(depth: depth + 1) { return failure }
                switch afterMember(closing: "]") {
                case .failure(let failure): return failure
                case .success(let closed): if closed { return nil }
                }
            }
        }

        /// What follows a member of an object or an element of a list: a comma, with another
        /// one after it (never the closing bracket), or the closing bracket.
        ///
        /// - Returns: true when the bracket closed the object or list, false after a comma.
        mutating func afterMember(closing: Unicode.Scalar) -> Result<Bool, Failure> {
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: closing) { return .failure(fail("a comma before '\(closing)' is not allowed in JSON")) }
                return .success(false)
            case UInt8(ascii: closing):
                index += 1
                return .success(true)
            default:
                return .failure(fail("',' or '\(closing)' is expected, found \(found())"))
            }
        }

        mutating func literal(_ word: String) -> Failure? {
            let expected = Array(word.utf8)
            guard bytes[index...].starts(with: expected) else { return fail("a value is expected, found \(found())") }
            index += expected.count
            return nil
        }

        /// Reads `u` and four hexadecimal digits at the index; nil (the index at the first
        /// digit that is not one) when they are not there.
        mutating func hexUnit() -> Int? {
            index += 1  // the `u`
            var unit = 0
            for _ in 0..<4 {
                guard let digit = current, digit.isHexDigit else { return nil }
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): unit = unit * 16 + Int(digit - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): unit = unit * 16 + Int(digit - UInt8(ascii: "a")) + 10
                default: unit = unit * 16 + Int(digit - UInt8(ascii: "A")) + 10
                }
                index += 1
            }
            return unit
        }

        mutating func string() -> Failure? {
            index += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return nil
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let escape = current else { return fail("the text ends inside a string") }
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        let escapeStart = index - 1
                        guard let unit = hexUnit() else { return fail("'\\u' needs four hexadecimal digits, found \(found())") }
                        // A surrogate stands for a character only in a pair: high, then low.
                        if (0xDC00...0xDFFF).contains(unit) {
                            index = escapeStart
                            return fail("'\\u\(String(unit, radix: 16))' is half of a character (a lone surrogate); write the character itself")
                        }
                        if (0xD800...0xDBFF).contains(unit) {
                            guard current == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "u") else {
                                index = escapeStart
                                return fail("'\\u\(String(unit, radix: 16))' is half of a character (a lone surrogate); write the character itself")
                            }
                            index += 1
                            guard let low = hexUnit(), (0xDC00...0xDFFF).contains(low) else {
                                index = escapeStart
                                return fail("'\\u\(String(unit, radix: 16))' is half of a character (a lone surrogate); write the character itself")
                            }
                        }
                    default:
                        return fail("'\\' \(found()) is not an escape JSON knows")
                    }
                case 0x00..<0x20:
                    return fail("a control character inside a string must be escaped")
                default:
                    index += 1
                }
            }
            return fail("the text ends inside a string")
        }

        mutating func number() -> Failure? {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, first.isDigit else { return fail("a digit is expected, found \(found())") }
            index += 1
            if first == UInt8(ascii: "0"), let next = current, next.isDigit {
                return Failure(message: "a number may not start with 0", offset: start)
            }
            while let digit = current, digit.isDigit { index += 1 }
            if current == UInt8(ascii: ".") {
                index += 1
                guard let digit = current, digit.isDigit else { return fail("a digit is expected after '.', found \(found())") }
                while let digit = current, digit.isDigit { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let digit = current, digit.isDigit else { return fail("a digit is expected in the exponent, found \(found())") }
                while let digit = current, digit.isDigit { index += 1 }
            }
            return nil
        }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    fileprivate var isHexDigit: Bool {
        isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
