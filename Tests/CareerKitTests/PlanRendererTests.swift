import Foundation
import Testing

@testable import CareerKit

/// Rendered plans compared with snapshot files. Set CAREERPATH_RECORD=1 to write them anew
/// after an intended change, then read the diff before committing.
@Suite struct PlanRendererTests {
    let prompts = TestSupport.prompts
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func renderer(_ fixture: String, prompts: PromptSet? = nil, edit: (inout Answers) -> Void = { _ in }) throws -> PlanRenderer {
        let prompts = prompts ?? self.prompts
        var answers = try AnswersFile.load(path: TestSupport.fixture(fixture), prompts: prompts)
        edit(&answers)
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-23")!)
        return PlanRenderer(answers: answers, assessment: assessment, plan: plan, prompts: prompts)
    }

    func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = Self.snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CAREERPATH_RECORD"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            // Recording is never a pass: read the diff, then run again without it.
            Issue.record("\(name) recorded; read the diff and run again without CAREERPATH_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if text != expected {
            let got = text.components(separatedBy: "\n")
            let want = expected.components(separatedBy: "\n")
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record(
                "\(name) differs from the snapshot at line \(line + 1):\n  got:  \(line < got.count ? got[line] : "<end>")\n  want: \(line < want.count ? want[line] : "<end>")",
                sourceLocation: sourceLocation)
        }
    }

    /// People whose plans take different paths: IC growth with a manager (Ana), management
    /// (Ben), a self-assessment with evidence and things to avoid (Chen), a follow-up (Dara), no
    /// signal (all sixes), no manager (self only), a manager who sees another track
    /// (divergent), hybrid (tech lead and manager).
    static let snapshotted = [
        "ana-silva", "ben-okafor", "chen-wang", "dara-novak", "personas/all-sixes", "personas/self-only",
        "personas/divergent", "personas/tech-lead-manager",
    ]

    /// A snapshot's file name: `personas/all-sixes` is `personas-all-sixes`.
    static func snapshotName(_ fixture: String, _ format: PlanRenderer.Format) -> String {
        fixture.replacingOccurrences(of: "/", with: "-") + "." + format.fileExtension
    }

    @Test(arguments: snapshotted)
    func markdownMatchesTheSnapshot(_ fixture: String) throws {
        try assertSnapshot(try renderer(fixture + ".yaml").render(.md), named: Self.snapshotName(fixture, .md))
    }

    @Test(arguments: snapshotted)
    func jsonMatchesTheSnapshot(_ fixture: String) throws {
        try assertSnapshot(try renderer(fixture + ".yaml").render(.json), named: Self.snapshotName(fixture, .json))
    }

    @Test(arguments: ["ana-silva", "ben-okafor", "personas/all-sixes"])
    func htmlMatchesTheSnapshot(_ fixture: String) throws {
        try assertSnapshot(try renderer(fixture + ".yaml").render(.html), named: Self.snapshotName(fixture, .html))
    }

    @Test func userTextIsEscapedInHTMLAndMarkdown() throws {
        let hostile = try renderer("ana-silva.yaml") { answers in
            answers.person.name = "<script>alert('x')</script> & Co"
            answers.notes = "<img src=x onerror=alert(1)> | pipe"
            answers.responses[.contributor]?["goal.statement"] = .text("<b>bold</b>")
        }
        let html = try hostile.render(.html)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>bold</b>"))
        #expect(html.contains("<h1>Development plan: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</h1>"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
        let markdown = try hostile.render(.md)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;img src=x onerror=alert(1)&gt; \\| pipe"))
    }

    /// The shipped HTML template's first line picks careerpath's faster HTML escape; a
    /// company template without that line gets swift-mustache's own. Both write the same.
    @Test func theFasterHTMLEscapeWritesWhatSwiftMustachesOwnWrites() throws {
        let folder = try TestSupport.promptsCopy(editing: PromptSet.weightsFile) { $0 }
        let path = folder + "/" + ReportTemplates.folder + "/" + ReportTemplates.htmlFile
        let shipped = try String(contentsOfFile: path, encoding: .utf8)
        #expect(shipped.hasPrefix("{{% CONTENT_TYPE: HTML}}\n"))
        try String(shipped.dropFirst("{{% CONTENT_TYPE: HTML}}\n".count)).write(toFile: path, atomically: true, encoding: .utf8)
        let withoutLine = try PromptSet.load(from: folder)
        let hostile = { (answers: inout Answers) in
            answers.person.name = "<b>Ana</b> & 'Co' \"quoted\" <\u{338} e\u{301} 👩🏽‍💻"
            answers.notes = "plain words only"
        }
        let fast = try renderer("ana-silva.yaml", edit: hostile).render(.html)
        let own = try renderer("ana-silva.yaml", prompts: withoutLine, edit: hostile).render(.html)
        #expect(fast.contains("&lt;b&gt;Ana&lt;/b&gt; &amp; &#39;Co&#39; &quot;quoted&quot;"))
        #expect(fast == own)
    }

    @Test func htmlIsOneSelfContainedFileWithThreeCharts() throws {
        let html = try renderer("ana-silva.yaml").render(.html)
        // Three charts, each drawn wide (screens and print) and narrow (phones).
        #expect(html.components(separatedBy: "<svg ").count - 1 == 6)
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-wide ").count - 1 == 3)
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-narrow ").count - 1 == 3)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        // The only address is the SVG namespace, once per drawing: nothing is fetched.
        #expect(html.components(separatedBy: "http").count - 1 == 6)
        #expect(html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1 == 6)
    }

    @Test func jsonHasTheContractKeyPaths() throws {
        let json = try renderer("ana-silva.yaml").render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func value(_ path: String) -> Any? {
            var node: Any? = object
            for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
            return node
        }
        #expect(value("schema") as? String == "careerpath.plan/1")
        // The contract's key paths, with Ana's values.
        #expect(value("person.name") as? String == "Ana Silva")
        #expect(value("person.id") as? String == "E1042")
        #expect(value("person.current_level") as? String == "ic.senior")
        #expect(value("track.recommended") as? String == "ic")
        #expect(value("track.archetype") as? String == "architect")
        #expect(value("track.confidence") as? String == "high")
        #expect(value("track.scores.ic") as? Double == 88.2)
        #expect(value("track.scores.management") as? Double == 25.8)
        #expect(value("track.scores.hybrid") as? Double == 25.8)
        #expect((value("divergence") as? [Any])?.isEmpty == true)
        #expect(value("flags") as? [String] == [])
        #expect(value("plan.current_level") as? String == "ic.senior")
        #expect(value("plan.target_level") as? String == "ic.staff")
        #expect(value("plan.equivalent_level") as? String == "mgmt.em")
        #expect(value("plan.horizon_months") as? Int == 12)
        #expect(value("plan.hours_per_month") as? Double == 13.5)
        let allocation = ["on_the_job", "social", "formal"].compactMap { value("plan.allocation.\($0)") as? Int }
        #expect(allocation.count == 3 && allocation.reduce(0, +) == 100)
        #expect(value("plan.special_project_percent") as? Int == 20)
        #expect(value("plan.budget.amount") as? Double == 3000)
        #expect(value("plan.budget.currency") as? String == "USD")
        #expect(value("plan.budget.committed") as? Double == 2200)
        #expect((value("plan.milestones") as? [[String: Any]])?.map { $0["due"] as? String ?? "" }
            == ["2026-12-22", "2027-02-20", "2027-05-23", "2027-11-22"])
        for name in Dimension.names {
            #expect((value("dimensions.\(name)") as? [String: Any])?.keys.sorted() == ["combined", "manager", "self"])
        }
        let items = try #require(value("plan.items") as? [[String: Any]])
        #expect(items.count == 9)
        for item in items {
            #expect(Catalog.Category(rawValue: item["category"] as? String ?? "") != nil)
            // From the catalog, or the person's own work for a criterion nothing else evidences.
            let own = item["source"] as? String == "criterion"
            #expect(own || prompts.catalog.item(item["id"] as? String ?? "") != nil)
            for key in ["title", "start", "due", "done_when"] { #expect((item[key] as? String)?.isEmpty == false, "\(key)") }
            #expect(item["cost"] is Double && item["hours"] is Double)
            #expect(own || (item["builds"] as? [String])?.isEmpty == false)
            #expect((item["levels"] as? [String])?.contains { ["ic.senior", "ic.staff"].contains($0) } == true)
            // kind and direction: a value where one applies, else null.
            let direction = item["direction"]
            #expect(item["category"] as? String == "mentoring" ? direction is String : direction is NSNull)
            #expect(item["kind"] is String || item["kind"] is NSNull)
        }
        let reasons = try #require(value("track.explanation") as? [[String: Any]])
        #expect(reasons.allSatisfy { $0["item"] is String })
    }

    // MARK: - Words people read

    /// Every fixture and persona the reports are checked against.
    static let people = [
        "ana-silva.yaml", "ben-okafor.yaml", "chen-wang.yaml", "dara-novak.yaml", "personas/divergent.yaml",
        "personas/self-only.yaml", "personas/manager-only.yaml", "personas/all-sixes.yaml", "personas/both-low.yaml",
    ]

    @Test(arguments: people)
    func documentsShowNoInternalIDs(_ fixture: String) throws {
        let renderer = try renderer(fixture)
        // Ids with a dot or an underscore: `challenge` is also a plain English word.
        let ids = (prompts.bank.items.map(\.id) + prompts.ladder.levels.map(\.id) + Dimension.names)
            .filter { $0.contains(".") || $0.contains("_") }
        for format in [PlanRenderer.Format.md, .html] {
            let text = try renderer.render(format)
            for id in ids { #expect(!text.contains(id), "\(format) for \(fixture) shows the id '\(id)'") }
            for phrase in ["top3", "toward ic", "ic at ", "The contributor", "the contributor", "confidence high",
                           "confidence medium", "confidence low", "plus 0%", "Budget 0 ", ": 0 USD committed", ") ("] {
                #expect(!text.contains(phrase), "\(format) for \(fixture) says '\(phrase)'")
            }
        }
    }

    @Test func reasonsAreQuotedInPlainWordsWithAnswersOutOfTheScale() throws {
        let markdown = try renderer("ana-silva.yaml").render(.md)
        #expect(markdown.contains("- You rated “the technical expert path” 7 of 7 (extremely): 15 points."))
        #expect(markdown.contains(
            "- Your top three picks (“mastering my specialty”, “designing how big systems fit together” and “keeping hands-on technical work”): 4 points."))
        #expect(markdown.contains("**Recommended track: Individual contributor**, high confidence."))
        #expect(markdown.contains("Your profile: **Architect**. You like to shape how large systems fit together"))
        #expect(!markdown.contains("Pointing the other way"))
    }

    @Test func reasonsAgainstTheRecommendationAreListedApart() throws {
        let markdown = try renderer("personas/tech-lead-manager.yaml").render(.md)
        let toward = try #require(markdown.range(of: "Pointing toward Hybrid:"))
        let against = try #require(markdown.range(of: "Pointing the other way, toward Management:"))
        #expect(toward.upperBound < against.lowerBound)
        let otherWay = markdown[against.upperBound...].prefix { $0 != "#" }
        #expect(otherWay.contains("- You rated “helping other people grow” 5 of 6 (usually true of me): 3 points."))
    }

    /// A pay or status motive is a conversation, never a reason shown with points.
    @Test func aPayOrStatusMotiveIsNeverAReasonWithPoints() throws {
        let markdown = try renderer("personas/pay-motivated-avoider.yaml").render(.md)
        #expect(!markdown.contains("pay or status as the reason to manage”"))
        #expect(markdown.contains("> Pay and recognition matter to you, which is fair."))
    }

    /// An undecided result says which way the answers lean, without recommending it.
    @Test func anUndecidedResultShowsBothLeansAndExploresFirst() throws {
        let renderer = try renderer("personas/all-sixes.yaml")
        let markdown = try renderer.render(.md)
        #expect(markdown.contains("**Recommended track: Not decided yet: explore first**, low confidence."))
        #expect(markdown.contains("Pointing toward Individual contributor:"))
        #expect(markdown.contains("Pointing the other way, toward Hybrid:"))
        #expect(markdown.contains("> Your answers do not point to one track yet, so this plan helps you find out"))
        #expect(renderer.plan.exploratory)
        #expect(renderer.plan.items.contains { $0.purpose == .trial })
    }

    @Test func theTrackDisagreementIsStatedOnceWithTheGapSizeSaidOnce() throws {
        let markdown = try renderer("personas/divergent.yaml").render(.md)
        #expect(markdown.components(separatedBy: "as the better fit").count - 1 == 1)
        #expect(markdown.components(separatedBy: "40 points or more").count - 1 == 1)
        #expect(markdown.contains("(2 points on the six-point answer scale)"))
        #expect(markdown.contains("- Growing people: you rate yourself 93, your manager rates you 20 (73 points apart)."))
        #expect(markdown.contains("- You and your manager see the track and 3 dimensions differently (see Worth talking about, below)."))
        #expect(!markdown.contains("below:"))
        #expect(!markdown.contains("disagreements below"))
    }

    @Test func selfAssessmentSaysOnceThatTheManagerHasNotAnsweredAndHidesTheirColumns() throws {
        let renderer = try renderer("dara-novak.yaml")
        let markdown = try renderer.render(.md)
        #expect(markdown.components(separatedBy: "has not answered").count - 1 == 1)
        #expect(markdown.contains("Software Engineer (E1045) · self-assessment (manager: Jordan Lee) · 2026-11-22"))
        #expect(markdown.contains("| Dimension | You | Target expects | Room to grow |"))
        #expect(markdown.contains("No budget or project time agreed yet."))
        #expect(markdown.contains("Learning mix, by hours: 65% on the job and 35% from other people."))
        // No commitment the manager has not made.
        #expect(!markdown.contains("your manager can free"))
        #expect(markdown.contains("against a default of 8 a month until your manager says what they can free"))
        let html = try renderer.render(.html)
        #expect(html.components(separatedBy: "has not answered").count - 1 == 1)
        #expect(!html.contains(">your manager</text>"))
        #expect(!html.contains("<th class=\"num\">Manager</th>"))
        #expect(!html.contains("<th class=\"num\">Combined</th>"))
    }

    /// "–" only where the score meets what the target expects; otherwise the cell says why the
    /// plan does not close it: a preference, or a skill this plan does not work on.
    @Test func roomToGrowIsADashOnlyWhereNothingIsLeftToClose() throws {
        let markdown = try renderer("ana-silva.yaml").render(.md)
        #expect(markdown.contains("| Dimension | You | Manager | Combined | Target expects | Room to grow |"))
        // Scores are whole numbers, as in the charts.
        #expect(markdown.contains("| Focus protection | 73 | – | 73 | 55 | a preference |"))
        // An IC plan does not work on people skills: room there is not shown as met.
        #expect(markdown.contains("| Growing people | 27 | 40 | 35 | 50 | not in this plan |"))
        #expect(markdown.contains("| Technical depth | 87 | 100 | 93 | 78 | 13 |"))
        #expect(markdown.contains("In Room to grow, – means you already meet what the target expects."))
        #expect(!markdown.contains("| none |"))
    }

    @Test func levelsSayWhichRankTheTargetSharesAndASidewaysMove() throws {
        #expect(try renderer("ana-silva.yaml").render(.md).contains("Staff Engineer is the same level as Engineering Manager."))
        #expect(try renderer("ben-okafor.yaml").render(.md).contains(
            "This is a sideways move to the management track: Tech Lead is the same level as Senior Engineer, your level now."))
    }

    @Test func activitiesAreListedOnceInDateOrder() throws {
        let markdown = try renderer("ana-silva.yaml").render(.md)
        #expect(markdown.components(separatedBy: "**Attend LeadDev StaffPlus**").count - 1 == 1)
        let titles = try renderer("ana-silva.yaml").plan.items.map(\.title)
        var last = markdown.startIndex
        for title in titles {
            let found = try #require(markdown.range(of: "- **\(title)**", range: last..<markdown.endIndex), "\(title) out of order")
            last = found.upperBound
        }
        #expect(!markdown.contains("### Training"))
        #expect(markdown.contains("| Track | Fit (0–100) | Bar |"))
    }

    @Test func checkInsListTheirItemsAndCriteriaAsSubLists() throws {
        let renderer = try renderer("ana-silva.yaml")
        #expect(renderer.plan.milestones[0].description
            == "The plan is under way and a regular check-in is in the calendar. Under way: Be mentored by a Staff Engineer in software; Drive a design that several teams adopt; Show it in your own work: is sought out by engineers outside their own team for advice on hard problems; Lead a cross-functional initiative.")
        #expect(renderer.plan.milestones[1].description
            == "Due by now: Attend LeadDev StaffPlus (done when: one practice from the conference tried in your area, such as a new way of writing or reviewing proposals, and its result shared with your peers); Be mentored by a Staff Engineer in software (done when: six sessions held, and one design or decision of yours improved by their advice, with the change written down). Under way: Drive a design that several teams adopt; Show it in your own work: is sought out by engineers outside their own team for advice on hard problems; Lead a cross-functional initiative; Google Cloud Professional Cloud Architect.")
        #expect(renderer.plan.milestones.last?.description.contains(
            "Ready for Staff Engineer when: has led a technical effort spanning several teams") == true)
        let markdown = try renderer.render(.md)
        #expect(markdown.contains("""
            - **90-day check-in, 2027-02-20.**
              - Due by now:
                - Attend LeadDev StaffPlus: One practice from the conference tried in your area, such as a new way of writing or reviewing proposals, and its result shared with your peers.
                - Be mentored by a Staff Engineer in software: Six sessions held, and one design or decision of yours improved by their advice, with the change written down.
              - Under way:
                - Drive a design that several teams adopt
                - Show it in your own work: is sought out by engineers outside their own team for advice on hard problems
                - Lead a cross-functional initiative
                - Google Cloud Professional Cloud Architect
            """))
        #expect(markdown.contains("""
              - Ready for Staff Engineer when:
                - Has led a technical effort spanning several teams
            """))
    }

    @Test func htmlPrintsWithoutBreakingChartsRowsOrHeadings() throws {
        let html = try renderer("ana-silva.yaml").render(.html)
        #expect(html.contains("@media print"))
        #expect(html.contains("h2 { break-after: avoid; }"))
        #expect(html.contains("svg, tr, .charts { break-inside: avoid; }"))
        // A chart stays with the words before it and the profile's table with its chart; the
        // footer never stands alone on a last page.
        #expect(html.contains(".charts, .charts + .note, .profile { break-before: avoid; }"))
        #expect(html.contains("footer { margin-top: 0.8em; break-before: avoid; }"))
        // A table that runs onto the next page repeats its header row there.
        #expect(html.contains("thead { display: table-header-group; }"))
        // The charts print smaller, so a section starts below the one before it: Dara's
        // Levels left page 1 40% blank on Letter when the ladders printed full width.
        #expect(html.contains(".charts .chart-ladders { width: 68%; }"))
        #expect(html.contains(".charts .chart-profile { width: 70%; }"))
        // Check-ins print each label ("Due by now:") beside its list, so the heading line is a
        // block of its own and a label never floats up beside it.
        #expect(html.contains(".checkins .part { float: left; clear: left; width: 7em;"))
        #expect(html.contains("<li><span class=\"checkin-head\"><strong>90-day check-in, 2027-02-20.</strong></span>"))
        // Print draws the wide charts: the narrow ones are switched on for screens only.
        #expect(html.contains("@media screen and (max-width: 45em) {"))
        let print = try #require(html.range(of: "@media print {"))
        #expect(!html[print.lowerBound...].prefix { $0 != "}" }.contains("chart-narrow"))
    }

    @Test func htmlOnAPhoneShowsTheNarrowChartsAndEachActivityAsABlock() throws {
        let html = try renderer("ana-silva.yaml").render(.html)
        #expect(html.contains("  .charts .chart-narrow { display: none; }"))
        let phone = try #require(html.range(of: "@media screen and (max-width: 45em) {"))
        let rules = html[phone.upperBound...].prefix { $0 != "@" }
        #expect(rules.contains(".charts .chart-wide { display: none; }"))
        #expect(rules.contains(".charts .chart-narrow { display: block; }"))
        #expect(rules.contains("table.items, .items tbody, .items tr, .items td { display: block; }"))
        #expect(rules.contains(".items td[data-label]::before { content: attr(data-label) \": \";"))
        // Each activity's cells say what they hold, for the stacked layout.
        #expect(html.contains("<td class=\"num when\" data-label=\"When\">2026-11-22 <br>to 2027-02-14</td><td class=\"what\"><strong>Be mentored by a Staff Engineer in software</strong>"))
        // What done looks like closes the Why cell: last on a phone, no extra column in print.
        #expect(html.contains("<br><span class=\"done-when\"><em>Done when:</em> Six sessions held"))
        for label in ["Category", "Hours", "Cost", "Why"] { #expect(html.contains("data-label=\"\(label)\"")) }
    }

    // MARK: - Charts

    @Test func ladderRowsPutEachManagementLevelBesideItsEquivalent() {
        let (rows, count) = prompts.ladder.rungRows()
        #expect(count == 7)
        for pair in prompts.ladder.equivalences { #expect(rows[pair.ic] == rows[pair.management]) }
        #expect(rows["ic.junior"] == 0)
        #expect(rows["mgmt.vp"] == 6)
        #expect(rows["ic.distinguished"] == 5)
    }

    @Test func ladderRowsPlaceLevelsWithoutAPeerInOrderForAnyLadder() {
        func level(_ id: String, _ track: String, _ rank: Int) -> Ladder.Level {
            Ladder.Level(id: id, track: track, title: id, summary: "", expects: [:], promotionCriteria: [], rank: rank)
        }
        let ladder = Ladder(
            tracks: [.init(id: "ic", title: "IC"), .init(id: "management", title: "Management")],
            levels: (0..<4).map { level("i\($0)", "ic", $0) } + (0..<4).map { level("m\($0)", "management", $0) },
            equivalences: [(ic: "i1", management: "m0"), (ic: "i2", management: "m2")])
        let (rows, count) = ladder.rungRows()
        #expect(count == 5)
        #expect(["i0", "i1", "m0", "m1", "i2", "m2", "i3", "m3"].map { rows[$0] } == [0, 1, 1, 2, 3, 3, 4, 4])
    }

    @Test func ladderChartDrawsLevelEquivalenceLinesAndTheArrowUnderTheBoxes() {
        let svg = PlanCharts.ladders(prompts.ladder, current: "ic.senior", target: "mgmt.tech_lead")
        let dashed = svg.components(separatedBy: "<line ").dropFirst().filter { $0.contains("stroke-dasharray") && !$0.contains("class") }
        #expect(dashed.count >= 4)
        for line in dashed {
            let y1 = line.range(of: "y1=\"").map { line[$0.upperBound...].prefix { $0 != "\"" } }
            let y2 = line.range(of: "y2=\"").map { line[$0.upperBound...].prefix { $0 != "\"" } }
            #expect(y1 == y2)
        }
        // The arrow runs from the right edge of the IC box to the left edge of the management box.
        #expect(svg.contains("<line x1=\"346\" y1=\"211\" x2=\"456\" y2=\"211\" fill=\"none\" stroke=\"#2f855a\""))
        let arrow = svg.firstRange(of: "marker-end=\"url(#arrow)\"")?.lowerBound
        let firstBox = svg.firstRange(of: "<rect ")?.lowerBound
        #expect(arrow != nil && firstBox != nil)
        if let arrow, let firstBox { #expect(arrow < firstBox) }
        #expect(svg.contains(">now</text>"))
        #expect(svg.contains(">target</text>"))
    }

    @Test func ladderChartGoesRoundTheOutsideForAStepUpOneTrack() {
        let svg = PlanCharts.ladders(prompts.ladder, current: "ic.senior", target: "ic.staff")
        #expect(svg.contains("<path d=\"M 96 211 H 82 V 169 H 96\""))
    }

    @Test func ladderChartSqueezesATitleTooLongForItsBox() {
        var ladder = prompts.ladder
        let index = ladder.levels.firstIndex { $0.id == "ic.senior" }!
        ladder.levels[index].title = "Senior Principal Distinguished Platform Engineer III"
        let svg = PlanCharts.ladders(ladder, current: "ic.senior", target: "ic.staff")
        #expect(svg.contains("textLength=\"230\" lengthAdjust=\"spacingAndGlyphs\">Senior Principal"))
    }

    @Test func profileChartHasAnAxisAndTheCombinedScore() throws {
        let renderer = try renderer("ana-silva.yaml")
        let svg = PlanCharts.dimensionProfile(renderer.assessment, expects: [:])
        for label in ["0", "50", "100"] { #expect(svg.contains("class=\"legend\">\(label)</text>")) }
        #expect(svg.contains("<title>combined 93</title>"))
        #expect(svg.contains(">your manager</text>"))
    }

    @Test func narrowChartsAreDrawnForAPhonesWidth() throws {
        let renderer = try renderer("ana-silva.yaml")
        let fits = PlanCharts.trackFits(renderer.assessment, layout: .narrow)
        #expect(fits.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-narrow chart-fits\" viewBox=\"0 0 340 134\" width=\"100%\" style=\"max-width:442px\" role=\"img\" aria-label=\"Track fit, 0 to 100\"><title>Track fit, 0 to 100</title>"))
        // The track's name over its bar, the bar 296 units long and the score after it.
        #expect(fits.contains("<text x=\"0\" y=\"13\" class=\"label\">Individual contributor</text><rect x=\"0\" y=\"18\" width=\"296\" height=\"18\""))
        #expect(fits.contains("<text x=\"302\" y=\"32\" class=\"value\">88</text>"))
        let wide = PlanCharts.trackFits(renderer.assessment, layout: .wide)
        #expect(wide.contains("class=\"chart-wide chart-fits\" viewBox=\"0 0 560 112\" width=\"100%\" style=\"max-width:560px\""))
        #expect(PlanCharts.trackFits(renderer.assessment) == wide + fits)
    }

    @Test func narrowProfileWrapsItsLegendAndKeepsTheAxisInsideEachRow() throws {
        let renderer = try renderer("ana-silva.yaml")
        let svg = PlanCharts.dimensionProfile(renderer.assessment, expects: ["technical_depth": 78], layout: .narrow)
        #expect(svg.contains("class=\"chart-narrow chart-profile\" viewBox=\"0 0 340 456\""))
        // Four legend entries do not fit on one 340-unit line: the fourth starts a second.
        #expect(svg.contains("<text x=\"16\" y=\"30\" class=\"legend\">target level expects</text>"))
        // Name over the band; the 0, 50 and 100 lines only as tall as the band.
        #expect(svg.contains("<text x=\"0\" y=\"59\" class=\"label\">Technical depth</text><rect x=\"0\" y=\"66\" width=\"336\" height=\"20\" fill=\"#f7fafc\"/><line x1=\"0\" y1=\"66\" x2=\"0\" y2=\"86\""))
        #expect(svg.contains("<line x1=\"168\" y1=\"66\" x2=\"168\" y2=\"86\""))
        // The target mark is edged in white to stay apart from a bar in black-and-white print.
        #expect(svg.contains("<rect x=\"260.6\" y=\"63\" width=\"3\" height=\"26\" fill=\"#2f855a\" stroke=\"#ffffff\" stroke-width=\"1.5\" paint-order=\"stroke\"><title>target level expects 78</title></rect>"))
        #expect(svg.contains("y=\"452\" text-anchor=\"end\" class=\"legend\">100</text>"))
    }

    @Test func narrowLaddersPutLongTitlesOnTwoLinesAndTagTheBoxesOnTheirTopEdge() {
        let svg = PlanCharts.ladders(prompts.ladder, current: "ic.senior", target: "mgmt.tech_lead", layout: .narrow)
        #expect(svg.contains("class=\"chart-narrow chart-ladders\" viewBox=\"0 0 340 448\" width=\"100%\" style=\"max-width:442px\""))
        // Its own arrow head, so it never points at the wide drawing's hidden one.
        #expect(svg.contains("<marker id=\"arrow-narrow\""))
        #expect(!svg.contains("url(#arrow)"))
        // From the right edge of the IC box to the left edge of the management box, one row.
        #expect(svg.contains("<line x1=\"152\" y1=\"271\" x2=\"188\" y2=\"271\" fill=\"none\" stroke=\"#2f855a\""))
        #expect(svg.contains(">Senior Engineering</text>"))
        #expect(svg.contains(">Manager</text>"))
        #expect(svg.contains("class=\"label inverse\">Senior Engineer</text>"))
        #expect(svg.contains("class=\"tag inverse\">now</text>"))
        #expect(svg.contains("class=\"tag inverse\">target</text>"))
        #expect(!svg.contains("textLength"))
        let step = PlanCharts.ladders(prompts.ladder, current: "ic.senior", target: "ic.staff", layout: .narrow)
        #expect(step.contains("<path d=\"M 14 271 H 4 V 217 H 14\""))
    }

    @Test func levelTitlesSplitWhereTheLongerLineIsShortest() {
        #expect(PlanCharts.titleLines("Tech Lead", room: 124, perCharacter: 6.8) == ["Tech Lead"])
        #expect(PlanCharts.titleLines("Senior Engineering Manager", room: 124, perCharacter: 6.8) == ["Senior Engineering", "Manager"])
        #expect(PlanCharts.titleLines("Distinguished Engineer", room: 124, perCharacter: 6.8) == ["Distinguished", "Engineer"])
        #expect(PlanCharts.titleLines("Supercalifragilisticexpialidocious", room: 124, perCharacter: 6.8) == ["Supercalifragilisticexpialidocious"])
    }

    // MARK: - Terminal

    @Test func terminalReportSpeaksPlainly() throws {
        let renderer = try renderer("personas/divergent.yaml")
        let report = TerminalReport(
            answers: renderer.answers, assessment: renderer.assessment, prompts: prompts, style: .init(width: 200)
        ).render()
        #expect(report.hasPrefix("Claire Dubois (Senior Engineer), one-on-one with Peter Vance, 2026-11-22\n"))
        #expect(report.contains("Recommended: Management, low confidence."))
        #expect(report.contains("  - You rated “the management path” 7 of 7 (extremely): 18 points."))
        #expect(!report.contains("pay or status as the reason"))
        #expect(report.contains("A difference of 40 points or more (2 points on the six-point answer scale) is worth talking about."))
        #expect(!report.contains("Flags:"))
        #expect(!report.contains("ladder."))
        let selfOnly = try self.renderer("dara-novak.yaml")
        let text = TerminalReport(
            answers: selfOnly.answers, assessment: selfOnly.assessment, bank: prompts.bank, style: .init(width: 200)
        ).render()
        #expect(text.contains(", self-assessment (manager: Jordan Lee), "))
        // Issue 23: a self-assessment is made apart on purpose: the manager has not "not answered".
        #expect(!text.contains("has not answered"))
        #expect(text.contains("Your manager's view is not part of a self-assessment: the two views meet in the one-on-one."))
        #expect(!text.contains("manager  combined"))
    }

    /// Each note of a talk is its own paragraph; blank lines and spaces-only notes are not.
    @Test func notesAreAParagraphEach() throws {
        let plan = try renderer("ana-silva.yaml") { $0.notes = "Wants to try the on-call rotation.\n  \nAsk about the conference budget.  " }
        let markdown = try plan.render(.md)
        // Under Notes, the plan's own notes for the end come first, then the session's.
        let budget = "- 800 USD of the budget is left; it could buy AWS Certified Solutions Architect, Professional (300 USD) next, when you agree it at a check-in.\n\n"
        #expect(markdown.contains("## Notes\n\n" + budget + "Wants to try the on-call rotation.\n\nAsk about the conference budget.\n\n---"))
        let html = try plan.render(.html)
        #expect(html.contains("</ul>\n<p>Wants to try the on-call rotation.</p>\n<p>Ask about the conference budget.</p>\n<footer>"))
        let blank = try renderer("ana-silva.yaml") { $0.notes = " \n " }.render(.md)
        #expect(blank.contains("## Notes\n\n" + budget + "---"))
    }

    /// A value at the start of a line cannot open a heading, list or rule in the Markdown.
    @Test(arguments: [
        ("# Leaving", 0), ("###### x", 0), ("####### x", nil), ("#hashtag", nil), ("#1 priority", nil), ("#", 0),
        ("- x", 0), ("-", 0), ("-12.3", nil), ("+ x", 0), ("+++", nil), ("* x", 0), ("*bold*", nil), ("***", 0),
        ("* * *", 0), ("---", 0), ("--", nil), ("___", 0), ("__init__", nil), ("12. x", 2), ("3)", 1), ("1986. good year", 4),
        ("1234567890. x", nil), ("3.5", nil), ("88", nil), ("2026-11-22", nil), ("", nil), ("Plain text", nil),
    ] as [(String, Int?)])
    func markdownLeadingMarks(_ text: String, mark: Int?) {
        #expect(ReportTemplates.MarkdownContentType.leadingMark(text) == mark)
    }

    @Test func notesCannotBecomeHeadingsListsOrRules() throws {
        let plan = try renderer("ana-silva.yaml") { $0.notes = "# Leaving\n1986. good year\n---\n- not a list\n#1 priority" }
        let markdown = try plan.render(.md)
        #expect(markdown.contains("\n\n\\# Leaving\n\n1986\\. good year\n\n\\---\n\n\\- not a list\n\n#1 priority\n\n"))
    }

    @Test func selfOnlyJSONHasNullManagerScores() throws {
        let json = try renderer("dara-novak.yaml").render(.json)
        #expect(json.contains("\"manager\" : null"))
    }
}
