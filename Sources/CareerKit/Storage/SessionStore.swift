import Foundation

/// Session files in one folder, one JSON file per session, owner-only, each written durably
/// after every accepted answer.
public struct SessionStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func path(for id: String) -> String {
        directory + "/" + id + ".json"
    }

    /// What a session's lock file is called after its id: beside the session file.
    public static let lockSuffix = ".lock"

    /// Writes the session: a new file, flushed to disk, renamed over the old one, the folder flushed.
    public func save(_ record: SessionRecord) throws {
        try PrivateFile.makeDirectory(directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
        try PrivateFile.write(text, to: path(for: record.id), durably: true)
    }

    /// Reads one session file, checked as strictly as an answers file (`SessionFile`): with
    /// `prompts`, its answers too.
    public static func load(path: String, prompts: PromptSet? = nil) throws -> SessionRecord {
        try SessionFile.read(path: path, prompts: prompts)
    }

    /// Whether `id` can name a session's files: made of what `SafeFileName` keeps (letters
    /// and digits of any script, `-` and `_`) and no longer than the longest id `newID` makes.
    /// Nothing else (a slash, a dot, an empty id) ever names a file.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= SafeFileName.byteLimit + 18 && id.unicodeScalars.allSatisfy(SafeFileName.keeps)
    }

    /// Every session in the folder, newest first. Unreadable files are skipped, and so is
    /// anything but a regular file: a link is not followed. With `prompts`, so is a file
    /// whose answers do not pass their checks.
    public func all(prompts: PromptSet? = nil) -> [(path: String, record: SessionRecord)] {
        files().compactMap { path in
            (try? Self.load(path: path, prompts: prompts)).map { (path, $0) }
        }.sorted { ($0.record.updated, $0.record.id) > ($1.record.updated, $1.record.id) }
    }

    /// The session files of the folder, by name: regular files only, so a link is never
    /// followed.
    private func files() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            let path = directory + "/" + name
            var status = stat()
            return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? path : nil
        }
    }

    /// Who a session file is about, and the plans talk wrote for it: all `forget` needs,
    /// read even from a file whose answers or review no longer read as a session.
    public struct Identity: Decodable, Sendable {
        public var id: String
        public var person: SessionRecord.PersonFields
        public var planFiles: [String]?

        enum CodingKeys: String, CodingKey {
            case id, person
            case planFiles = "plan_files"
        }
    }

    /// Every session file in the folder with who it is about (regular files only, as
    /// `all()`); a file in which not even that can be read is skipped.
    public func identities() -> [(path: String, identity: Identity)] {
        files().compactMap { path in
            guard let data = FileManager.default.contents(atPath: path),
                let identity = try? JSONDecoder().decode(Identity.self, from: data)
            else { return nil }
            return (path, identity)
        }
    }

    /// Finds a session by path, by id, or by person name or id when only one open session
    /// matches.
    ///
    /// - Parameter prompts: the file found is checked against them, as an answers file is.
    public func find(_ reference: String, prompts: PromptSet? = nil) throws -> (path: String, record: SessionRecord) {
        if reference.contains("/") || reference.hasSuffix(".json") {
            return (reference, try Self.load(path: reference, prompts: prompts))
        }
        // A session named by its id is read whatever state it is in: a damaged one is named.
        if Self.isValidID(reference), FileManager.default.fileExists(atPath: path(for: reference)) {
            return (path(for: reference), try Self.load(path: path(for: reference), prompts: prompts))
        }
        let sessions = all()
        if let match = sessions.first(where: { $0.record.id == reference }) { return match }
        let wanted = reference.lowercased()
        let open = sessions.filter {
            $0.record.status == .open
                && ($0.record.person.name.lowercased() == wanted || $0.record.person.id?.lowercased() == wanted)
        }
        switch open.count {
        case 1: return (open[0].path, try Self.load(path: open[0].path, prompts: prompts))
        case 0: throw CareerError.unknownPerson("no unfinished session matches '\(reference)'; `careerpath talk --list` shows them")
        default:
            let ids = open.map(\.record.id).joined(separator: ", ")
            throw CareerError.usage("more than one unfinished session matches '\(reference)' (\(ids)); resume by id")
        }
    }

    /// A new session id: the date, a safe form of the name, and a short random tail.
    public static func newID(person: String, date: String) -> String {
        let tail = String(format: "%08x", UInt32.random(in: 0...UInt32.max))
        return date.replacingOccurrences(of: "-", with: "") + "-" + SafeFileName.make(person).lowercased() + "-" + tail
    }
}
