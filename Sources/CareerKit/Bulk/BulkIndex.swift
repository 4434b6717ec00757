/// The front page of a bulk run's folder (`index.html`, `index.md`): the run's figures, the
/// reports, and everyone planned, by manager, each linked to their plans and, with
/// `--by-manager`, to the manager's team page. Thousands of plans in one folder are found
/// from here.
public struct BulkIndex: Sendable {
    /// One person planned.
    public struct Person: Sendable, Hashable {
        public var name: String
        public var id: String?
        /// The plan files, as paths inside the output folder (`Ben-Okafor/E1042.md` when plans
        /// are filed by manager).
        public var files: [String]
    }

    /// The people of one manager (nil: rows without a manager's name), in input order.
    public struct Team: Sendable {
        public var manager: String?
        /// The team page's file stem under `managers/`, when one was written.
        public var page: String?
        public var people: [Person] = []
    }

    public var planned = 0
    public var failed = 0
    /// The run's own files, in the order to list them.
    public var reports: [(name: String, about: String)] = []
    private var teams: [String: Team] = [:]
    private var unmanaged = Team(manager: nil)

    public init() {}

    mutating func add(_ person: Person, manager: String?) {
        if let manager, !manager.isEmpty {
            teams[manager, default: Team(manager: manager)].people.append(person)
        } else {
            unmanaged.people.append(person)
        }
    }

    /// Sets the team pages' file stems, by manager name.
    mutating func setPages(_ stems: [String: String]) {
        for (manager, stem) in stems { teams[manager]?.page = stem }
    }

    /// The teams in reading order ("Manager 2" before "Manager 10"), then the people without one.
    public var orderedTeams: [Team] {
        teams.values.sorted { NaturalOrder.precedes($0.manager ?? "", $1.manager ?? "") }
            + (unmanaged.people.isEmpty ? [] : [unmanaged])
    }

    private var figures: [String] {
        var lines = [
            "\(planned) \(planned == 1 ? "person" : "people") planned" + (failed > 0 ? ", \(failed) row\(failed == 1 ? "" : "s") could not be (see errors.csv)" : ""),
            "\(teams.count) manager\(teams.count == 1 ? "" : "s")",
        ]
        if !unmanaged.people.isEmpty {
            lines.append("\(unmanaged.people.count) \(unmanaged.people.count == 1 ? "person" : "people") without a manager's name")
        }
        return lines
    }

    private static let privacy =
        "This folder holds personal information about everyone in it: share each plan with its person and their manager, each team page with its manager, and the reports with the people who run the review."

    public func markdown() -> String {
        let escape = { (text: String) in ReportTemplates.MarkdownContentType().escapeText(text) }
        var lines = ["# Plans of this run", ""]
        lines += figures.map { "- " + $0 }
        lines += ["", "## Reports", ""]
        lines += reports.map { "- [\($0.name)](\($0.name)): \(escape($0.about))" }
        lines += ["", "## People by manager", ""]
        for team in orderedTeams {
            var heading = "### " + (team.manager.map(escape) ?? "Without a manager's name")
            if let page = team.page {
                heading += " ([team page](managers/\(page).md))"
            }
            lines += [heading, ""]
            for person in team.people {
                let who = escape(person.name) + (person.id.map { " (\(escape($0)))" } ?? "")
                lines.append("- \(who): " + person.files.map { "[\(escape(PathName.last(of: $0)))](\($0))" }.joined(separator: " "))
            }
            lines.append("")
        }
        lines += ["---", "Made with careerpath \(careerpathVersion). \(Self.privacy)", ""]
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        func escape(_ text: String) -> String { text.htmlEscaped }
        var body = "<ul>\n" + figures.map { "<li>\(escape($0).replacingOccurrences(of: "errors.csv", with: "<a href=\"errors.csv\">errors.csv</a>"))</li>\n" }.joined() + "</ul>\n"
        body += "<h2>Reports</h2>\n<ul>\n"
        body += reports.map { "<li><a href=\"\(escape($0.name))\">\(escape($0.name))</a>: \(escape($0.about))</li>\n" }.joined()
        body += "</ul>\n<h2>People by manager</h2>\n"
        for team in orderedTeams {
            body += "<h3>\(team.manager.map(escape) ?? "Without a manager's name")"
            if let page = team.page { body += " <small>(<a href=\"managers/\(escape(page)).html\">team page</a>)</small>" }
            body += "</h3>\n<ul>\n"
            for person in team.people {
                let who = escape(person.name) + (person.id.map { " (\(escape($0)))" } ?? "")
                body += "<li>\(who): " + person.files.map { "<a href=\"\(escape($0))\">\(escape(PathName.last(of: $0)))</a>" }.joined(separator: " ") + "</li>\n"
            }
            body += "</ul>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Plans of this run</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1a202c; line-height: 1.45; }
            h3 { margin-bottom: .2em; } ul { margin-top: .2em; } footer { color: #4a5568; font-size: .9em; margin-top: 2em; }
            </style></head><body>
            <h1>Plans of this run</h1>
            \(body)<footer>Made with careerpath \(careerpathVersion). \(Self.privacy)</footer>
            </body></html>

            """
    }
}
