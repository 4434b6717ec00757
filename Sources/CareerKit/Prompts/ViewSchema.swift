/// The keys the report templates may use, as one tree: what `PlanView` answers and what
/// `validate` checks every template tag against. A key is a value (text, number or flag), a
/// list of texts (`{{.}}` inside), a list of rows with their own keys, or a group of keys
/// reached with a dot (`plan.target`).
public indirect enum ViewSchema: Sendable, Equatable {
    case value
    /// Markup careerpath builds itself (the SVG charts), the only values a template may
    /// insert without escaping (`{{{charts.fits}}}`): no person-written text is in it unescaped.
    case markup
    case texts
    case rows([String: ViewSchema])
    case group([String: ViewSchema])

    /// The keys below this one, for a row list or a group.
    var keys: [String: ViewSchema] {
        switch self {
        case .rows(let keys), .group(let keys): return keys
        default: return [:]
        }
    }

    private static func values(_ names: String) -> [String: ViewSchema] {
        Dictionary(uniqueKeysWithValues: names.split(separator: " ").map { (String($0), ViewSchema.value) })
    }

    private static func markup(_ names: String) -> [String: ViewSchema] {
        Dictionary(uniqueKeysWithValues: names.split(separator: " ").map { (String($0), ViewSchema.markup) })
    }

    private static func merged(_ parts: [String: ViewSchema]...) -> [String: ViewSchema] {
        parts.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
    }

    /// The plan document's keys, from the top.
    public static let plan: ViewSchema = .group(merged(
        values("generator manager_missing manager_missing_text has_divergence material_gap material_gap_scale_points notes has_notes has_notes_section goal has_goal first_step has_first_step manager_support has_manager_support"),
        [
            "person": .group(values("name id has_id level level_id domain")),
            "session": .group(values("date mode summary manager has_manager")),
            "track": .group(merged(
                values("recommended recommended_id lead archetype archetype_id archetype_text has_archetype_text confidence confidence_text other has_reasons has_reasons_toward has_reasons_against"),
                [
                    "confidence_notes": .texts, "reasons_toward": .texts, "reasons_against": .texts,
                    "scores": .rows(values("title value recommended bar")),
                ])),
            "profile": .group(values("has_self has_manager has_both")),
            "dimensions": .rows(values("title name meaning self manager combined expected gap")),
            "divergence": .rows(values("text")),
            "flags": .texts,
            "note_paragraphs": .texts,
            "plan": .group(merged(
                values("current target target_id equivalent has_equivalent level_note has_level_note growth_in_place exploratory start end horizon_months hours_per_month hours_capacity total_hours busiest_month_hours on_the_job social formal special_project_percent special_project_hours special_project_hours_per_month budget committed remaining summary has_items has_lead_notes has_end_notes"),
                [
                    "items": .rows(values("category category_lower id title summary cost hours hours_text start due builds reason issuer has_issuer done_when kind direction_text has_direction")),
                    "milestones": .rows(merged(
                        values("due title description action has_action has_due_now has_under_way ready_title has_ready_when"),
                        [
                            "due_now": .rows(values("title done_when")), "under_way": .texts, "ready_when": .texts,
                        ])),
                    "gaps": .rows(values("title gap expected current")),
                    "criteria": .rows(merged(values("text status has_status shown_by_both has_evidence evidence has_examples examples_text"), ["examples": .texts])),
                    "has_criteria": .value,
                    "notes": .texts, "lead_notes": .texts, "end_notes": .texts,
                ])),
            "charts": .group(markup("fits profile ladders")),
        ]))

    /// Every key path, sorted, e.g. `plan.items.title`: for messages and the documentation.
    public var paths: [String] {
        func walk(_ schema: ViewSchema, _ prefix: String) -> [String] {
            schema.keys.flatMap { name, child -> [String] in
                let path = prefix.isEmpty ? name : prefix + "." + name
                return [path] + walk(child, path)
            }
        }
        return walk(self, "").sorted()
    }
}
