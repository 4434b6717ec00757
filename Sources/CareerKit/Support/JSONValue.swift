import Foundation

/// A JSON document built in memory and written as pretty-printed text with sorted keys.
///
/// Bulk writes one plan document per person, and Foundation's `JSONEncoder` spent about half a
/// millisecond on each (a generic encoder, an intermediate tree, a sort per object). This type
/// writes the same bytes directly: the tests hold its text equal to `JSONEncoder`'s output
/// (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`) for every plan fixture, and the
/// `Encodable` conformance below is that reference.
enum JSONValue: Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in any order; they are written sorted by key.
    case object([(String, JSONValue)])

    init(_ text: String?) { self = text.map { .string($0) } ?? .null }
    init(_ number: Double?) { self = number.map { .number($0) } ?? .null }
    init(_ strings: [String]) { self = .array(strings.map { .string($0) }) }

    /// The document as text, two spaces per level, `"key" : value`, ending without a newline.
    func prettyText() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        write(to: &out, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// The document on one line, with sorted keys and no spaces (a JSON Lines record).
    func compactText() -> String {
        var out: [UInt8] = []
        writeCompact(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func writeCompact(to out: inout [UInt8]) {
        switch self {
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element.writeCompact(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, position) in Self.keyOrder(members).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(members[position].0, to: &out)
                out.append(UInt8(ascii: ":"))
                members[position].1.writeCompact(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            write(to: &out, depth: 0)
        }
    }

    private func write(to out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .number(let value): out.append(contentsOf: Self.numberText(value).utf8)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            out.append(UInt8(ascii: "\n"))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(&out, depth + 1)
                element.write(to: &out, depth: depth + 1)
            }
            // An empty array keeps its blank line, as Foundation writes it.
            out.append(UInt8(ascii: "\n"))
            Self.indent(&out, depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            out.append(UInt8(ascii: "\n"))
            for (index, position) in Self.keyOrder(members).enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(&out, depth + 1)
                Self.writeString(members[position].0, to: &out)
                out.append(contentsOf: " : ".utf8)
                members[position].1.write(to: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.indent(&out, depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ out: inout [UInt8], _ depth: Int) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// The members' positions in key order: positions are sorted, not the members, whose
    /// values would be copied at every move.
    private static func keyOrder(_ members: [(String, JSONValue)]) -> [Int] {
        members.indices.sorted { members[$0].0 < members[$1].0 }
    }

    /// Whole numbers without a decimal point; others in Swift's shortest round-trip form.
    /// JSON has no infinity or NaN: those are written as null (no score can be one).
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            // Most texts need no escape: the bytes between escapes are copied in runs.
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0x08: out.append(contentsOf: "\\b".utf8)
                case 0x0C: out.append(contentsOf: "\\f".utf8)
                default:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The reference: `JSONEncoder` given a `JSONValue` writes what `prettyText()` writes.
extension JSONValue: Encodable {
    func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let members):
            var container = encoder.container(keyedBy: DynamicKey.self)
            for (key, value) in members { try container.encode(value, forKey: DynamicKey(key)) }
        }
    }
}

/// Reads any JSON document, e.g. a plan document kept in the history, to embed it in another.
extension JSONValue: Decodable {
    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
            self = .array(elements)
        } else if let object = try? decoder.container(keyedBy: DynamicKey.self) {
            self = .object(try object.allKeys.map { ($0.stringValue, try object.decode(JSONValue.self, forKey: $0)) })
        } else {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .null
            } else if let bool = try? value.decode(Bool.self) {
                self = .bool(bool)
            } else if let integer = try? value.decode(Int.self) {
                self = .integer(integer)
            } else if let number = try? value.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try value.decode(String.self))
            }
        }
    }

    /// Parses JSON text.
    init(parsing text: String) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}

/// A coding key made from any string, for maps keyed by data (dimension names).
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
