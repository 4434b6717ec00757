import CSV
import Foundation

/// Who reports to whom, from a CSV file with the columns `person.id`, `person.name`, `login`
/// (the person's database login) and `manager.login` (their manager's; empty at the top).
/// The shared history's policies follow it: a manager sees the sessions of everyone below them.
public struct OrgChart: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var login: String
        public var personID: String?
        public var name: String
        public var managerLogin: String?

        public init(login: String, personID: String?, name: String, managerLogin: String?) {
            self.login = login
            self.personID = personID
            self.name = name
            self.managerLogin = managerLogin
        }
    }

    public var people: [Entry]

    public static let columns = ["person.id", "person.name", "login", "manager.login"]
    /// PostgreSQL's longest name (NAMEDATALEN - 1 bytes).
    static let loginLimit = 63

    /// Reads and checks the whole file.
    ///
    /// - Throws: `CareerError.cannotRead` when there is no such file; `CareerError.invalidData`
    ///   naming each problem's line and column (unknown or missing columns, an empty login or
    ///   name, a login or id given twice, a manager who is not in the file, a loop).
    public static func load(path: String) throws -> OrgChart {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let stream = LimitedCSVStream(path: path, cellLimit: Person.fieldLimit, cellCountLimit: 64)
        else { throw CareerError.cannotRead(path: path, reason: "no such file") }
        if let bad = UTF8Check.firstInvalidByte(inFileAtPath: path) {
            throw CareerError.invalidData([
                Diagnostic(path: path, line: bad.line, column: bad.column, message: "the file is not UTF-8 text from here; save it as \"CSV UTF-8\"")
            ])
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw CareerError.invalidData([Diagnostic(path: path, line: 1, column: 1, message: "the file has no header row; allowed columns: \(columns.joined(separator: ", "))")])
        }
        let log = DiagnosticLog(path: path)
        let header = (reader.headerRow ?? []).enumerated().map { index, cell in
            var name = cell.trimmingCharacters(in: .whitespaces)
            if index == 0, name.hasPrefix("\u{FEFF}") { name.removeFirst() }
            return name
        }
        var position: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if !columns.contains(name) {
                log.add("unknown column \(PrintableText.quoted(name)); allowed: \(columns.joined(separator: ", "))", line: 1, column: index + 1)
            } else if position[name] != nil {
                log.add("column \(PrintableText.quoted(name)) appears more than once in the header", line: 1, column: index + 1)
            } else {
                position[name] = index
            }
        }
        for name in columns where position[name] == nil { log.add("the header needs the column '\(name)'", line: 1, column: 1) }
        try log.throwIfAny()

        var people: [Entry] = []
        var lines: [String: (line: Int, column: Int)] = [:]
        var ids: [String: Int] = [:]
        var line = 2 + header.reduce(0) { $0 + CSVAnswersReader.lineBreaks(in: $1) }
        var record = 1
        while let cells = reader.next() {
            let here = line
            let cut = stream.takeCut(ofRecord: record)
            line += 1 + cells.reduce(0) { $0 + CSVAnswersReader.lineBreaks(in: $1) } + (cut?.lineFeeds ?? 0)
            record += 1
            if let cut {
                for index in cut.cells.keys.sorted() {
                    log.add("the cell has \(cut.cells[index]!) characters; allowed: up to \(Person.fieldLimit)", line: here, column: index + 1)
                }
                if let count = cut.cellCount { log.add("the row has \(count) cells; allowed: the 4 columns of the header", line: here, column: 65) }
                continue
            }
            if cells.allSatisfy(\.isBlank) { continue }
            func cell(_ name: String) -> String {
                let index = position[name]!
                return index < cells.count ? cells[index].trimmingCharacters(in: .whitespaces) : ""
            }
            func column(_ name: String) -> Int { position[name]! + 1 }
            let login = cell("login")
            let name = cell("person.name")
            let id = cell("person.id")
            let manager = cell("manager.login")
            var good = true
            for (field, value) in [("login", login), ("manager.login", manager)] where value.utf8.count > loginLimit {
                log.add("\(field) has \(value.utf8.count) bytes; allowed: a PostgreSQL login of up to \(loginLimit)", line: here, column: column(field))
                good = false
            }
            if login.isEmpty {
                log.add("login is empty; allowed: the person's database login", line: here, column: column("login"))
                good = false
            } else if let first = lines[login] {
                log.add("the login '\(login)' is already on line \(first.line)", line: here, column: column("login"), item: login)
                good = false
            }
            if name.isEmpty {
                log.add("person.name is empty; allowed: the person's name", line: here, column: column("person.name"), item: login)
                good = false
            }
            if !id.isEmpty, let first = ids[id] {
                log.add("the person.id '\(id)' is already on line \(first)", line: here, column: column("person.id"), item: login)
                good = false
            }
            if manager == login, !login.isEmpty {
                log.add("'\(login)' is named as their own manager", line: here, column: column("manager.login"), item: login)
                good = false
            }
            // Taken even from a row with mistakes, so a later row that repeats them is told.
            if !login.isEmpty, lines[login] == nil { lines[login] = (here, column("manager.login")) }
            if !id.isEmpty, ids[id] == nil { ids[id] = here }
            guard good else { continue }
            people.append(Entry(login: login, personID: id.isEmpty ? nil : id, name: name, managerLogin: manager.isEmpty ? nil : manager))
        }
        if let error = reader.error, case CSVError.cannotReadFile = error {
        } else if let error = reader.error {
            log.add("the file cannot be read further: \(error)", line: line, column: 1)
        }
        let byLogin = Dictionary(people.map { ($0.login, $0) }, uniquingKeysWith: { first, _ in first })
        for person in people {
            guard let manager = person.managerLogin else { continue }
            let place = lines[person.login]!
            if byLogin[manager] == nil {
                log.add(
                    "manager.login '\(manager)' is nobody's login in this file; allowed: a login of the file, or empty at the top",
                    line: place.line, column: place.column, item: person.login)
                continue
            }
            // A loop: following the managers up from here comes back here.
            var seen: Set<String> = [person.login]
            var next = byLogin[manager]
            while let up = next {
                if !seen.insert(up.login).inserted {
                    if up.login == person.login {
                        log.add("'\(person.login)' reports to themselves through \(seen.count - 1) managers", line: place.line, column: place.column, item: person.login)
                    }
                    break
                }
                next = up.managerLogin.flatMap { byLogin[$0] }
            }
        }
        try log.throwIfAny()
        if people.isEmpty {
            throw CareerError.invalidData([Diagnostic(path: path, line: 2, column: 1, message: "there is nobody in the file")])
        }
        return OrgChart(people: people)
    }
}
