/// Who one recorded session is filed under: what `candidates(for:)` reads to find a person, in
/// either store. One rule for both, so a reference means the same person in a SQLite file and
/// on a server.
struct PersonFiling: Sendable, Equatable {
    /// The session's id.
    var id: String?
    /// The id's key when the session has an id (`id:E1042`), else its key column.
    var key: String
    var name: String?
    var personID: String?

    /// - Parameter key: the key column; a session with an id is filed under the id whatever it holds.
    init(id: String?, key: String, name: String?, personID: String?) {
        self.id = id
        self.key = personID.map { "id:" + $0 } ?? key
        self.name = name
        self.personID = personID
    }

    /// The keys of everyone `reference` may mean, each person's main key first, then the keys
    /// of the sessions recorded earlier by their name alone, that join them (see
    /// `HistoryStorage.person(for:)`).
    ///
    /// A reference matches a person's id, a key, a session id, or a name, ignoring case (Swift's
    /// `lowercased()`, which folds every script, not SQL's ASCII-only `lower()`). A key recorded
    /// by name alone joins the one person with an id who has that name, when no other person
    /// without an id has it too.
    ///
    /// - Parameter filings: every filing, or at least every one under a matched key and every
    ///   one with a name such a filing has (what a server sends back for one reference).
    static func people(matching reference: String, in filings: [PersonFiling]) -> [[String]] {
        let wanted = reference.lowercased()
        // Names held by people with an id, and by people without one (each key once).
        var withID: [String: Set<String>] = [:]
        var byName: [String: Set<String>] = [:]
        for filing in filings {
            guard let name = filing.name?.lowercased() else { continue }
            if filing.key.hasPrefix("name:") { byName[name, default: []].insert(filing.key) } else { withID[name, default: []].insert(filing.key) }
        }
        var group: [String: String] = [:]
        for (name, keys) in byName where keys.count == 1 {
            if let owners = withID[name], owners.count == 1 { group[keys.first!] = owners.first! }
        }
        func main(_ key: String) -> String { group[key] ?? key }
        var matched: [String] = []
        for filing in filings {
            let isThem = filing.personID == reference || filing.key == reference || filing.id == reference
                || filing.key == "name:" + wanted || filing.name?.lowercased() == wanted
            if isThem, !matched.contains(main(filing.key)) { matched.append(main(filing.key)) }
        }
        return matched.map { key in [key] + group.filter { $0.value == key }.map(\.key).sorted() }
    }
}

extension HistoryStore.RecordedPerson {
    /// One session of a person as `summary` reads it: a value that could not be read is nil.
    struct Session {
        var name: String?
        var id: String?
        var level: String?
        /// Nil unless a real day, `YYYY-MM-DD`.
        var date: String?
        var manager: String?
    }

    /// A person's summary from their sessions, oldest first.
    init(keys: [String], sessions: [Session]) {
        func distinct(_ values: [String?]) -> [String] {
            var seen: [String] = []
            for case let value? in values where !value.isEmpty && seen.last != value { seen.append(value) }
            return seen
        }
        let dates = sessions.compactMap(\.date)
        let id = sessions.compactMap(\.id).last
        self.init(
            keys: keys, name: sessions.compactMap(\.name).last ?? id ?? keys[0], id: id, first: dates.first ?? "?",
            last: dates.last ?? "?", managers: distinct(sessions.map(\.manager)), levels: distinct(sessions.map(\.level)),
            sessions: sessions.count)
    }
}
