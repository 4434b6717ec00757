/// The shared history's tables in PostgreSQL (schema `careerpath`), and who may see what.
///
/// Every table has row-level security enabled and forced, so its owner is held to the policies
/// too, and the policies are the server's: they hold for anyone who connects with `psql` as
/// their login and types SQL. A session belongs to the person it is about: `person_login`,
/// which a trigger fills from the org chart (by employee id, else by a name only one person
/// has) on every insert and update, whatever the writer put there.
///
/// - A contributor reads the sessions about them except managers' preparations, and writes
///   their own self-assessments.
/// - A manager reads and writes the sessions of everyone below them in the org chart, directly
///   or through other managers (`careerpath.reports_of`, a recursive query).
/// - Members of the group role `careerpath_hr` read everything and may delete (forget) anyone.
/// - The role that ran `db init` (the organisation's administrator) owns the tables and may do
///   anything, as an owner can anyway.
/// - Nobody else sees a row. The org chart is readable by each person for their own row and
///   the rows of everyone below them (directly or through other managers), by HR and by the
///   administrator.
enum PostgresSchema {
    /// The newest schema version this careerpath knows.
    static let version = 3

    static let hrRole = "careerpath_hr"

    /// What each version adds, applied in order, once.
    static let migrations: [(version: Int, description: String, sql: String)] = [
        (
            1, "sessions, plan items, check-ins, preparations and the org chart",
            """
            CREATE TABLE careerpath.org (
                login text PRIMARY KEY,
                person_id text UNIQUE,
                person_name text NOT NULL,
                manager_login text
            );
            CREATE INDEX org_manager ON careerpath.org (manager_login);
            CREATE INDEX org_name ON careerpath.org (lower(person_name));
            CREATE TABLE careerpath.session (
                id text PRIMARY KEY,
                person_key text NOT NULL,
                person_name text NOT NULL,
                person_id text,
                person_login text,
                current_level text NOT NULL,
                date text NOT NULL,
                recorded_at text NOT NULL,
                mode text NOT NULL,
                source text NOT NULL,
                recommended text NOT NULL,
                archetype text NOT NULL,
                confidence text NOT NULL,
                fit_ic double precision NOT NULL,
                fit_management double precision NOT NULL,
                fit_hybrid double precision NOT NULL,
                dimensions text NOT NULL,
                flags text NOT NULL,
                target_level text NOT NULL,
                document text NOT NULL
            );
            CREATE INDEX session_person ON careerpath.session (person_key, date);
            CREATE INDEX session_person_id ON careerpath.session (person_id);
            CREATE INDEX session_name ON careerpath.session (lower(person_name));
            CREATE INDEX session_login ON careerpath.session (person_login);
            CREATE TABLE careerpath.plan_item (
                session_id text NOT NULL REFERENCES careerpath.session (id) ON DELETE CASCADE,
                item_id text NOT NULL,
                category text NOT NULL,
                title text NOT NULL,
                due text NOT NULL,
                status text NOT NULL DEFAULT 'not_started',
                note text,
                status_date text,
                PRIMARY KEY (session_id, item_id)
            );
            CREATE TABLE careerpath.milestone (
                session_id text NOT NULL REFERENCES careerpath.session (id) ON DELETE CASCADE,
                position integer NOT NULL,
                title text NOT NULL,
                due text NOT NULL,
                status text NOT NULL DEFAULT 'not_started',
                status_date text,
                PRIMARY KEY (session_id, position)
            );
            CREATE TABLE careerpath.preparation (
                session_id text PRIMARY KEY REFERENCES careerpath.session (id) ON DELETE CASCADE,
                record text NOT NULL
            );
            """
        ),
        (
            2, "each session's name as careerpath matches it (case folded in every script)",
            // Filled with the server's lower() here, which may fold only ASCII (the C locale);
            // `db init` then writes careerpath's own folding into every row (`refold`).
            """
            ALTER TABLE careerpath.session ADD COLUMN person_fold text;
            UPDATE careerpath.session SET person_fold = lower(person_name);
            ALTER TABLE careerpath.session ALTER COLUMN person_fold SET NOT NULL;
            CREATE INDEX session_fold ON careerpath.session (person_fold);
            """
        ),
        (
            3, "a manager reads the org chart rows of everyone below them, not only of their direct reports",
            // The rule itself is in `rules`, which every `db init` writes; this version is what
            // tells the laptops of a server not yet brought up to date to ask for it.
            "SELECT 1"
        ),
    ]

    /// A name as an SQL identifier.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The group role, the functions, the trigger, the policies and the grants: replaced whole
    /// on every `db init`, so a newer careerpath's rules take the place of an older one's.
    static func rules(owner: String) -> String {
        let owner = identifier(owner)
        let hr = "(SELECT pg_catalog.pg_has_role(current_user, '\(hrRole)', 'MEMBER'))"
        let below = "(SELECT careerpath.reports_of(current_user))"
        let ownSelf = "(person_login = current_user AND mode = 'self')"
        func sessionOf(_ condition: String) -> String {
            "EXISTS (SELECT 1 FROM careerpath.session s WHERE s.id = session_id\(condition))"
        }
        let writable = sessionOf(" AND ((s.person_login = current_user AND s.mode = 'self') OR s.person_login IN \(below))")
        var sql = """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '\(hrRole)') THEN
                    CREATE ROLE \(hrRole) NOLOGIN;
                END IF;
            END $$;

            -- Everyone below a manager in the org chart, for that manager's own login only.
            CREATE OR REPLACE FUNCTION careerpath.reports_of(manager name) RETURNS SETOF text
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
                WITH RECURSIVE below(login) AS (
                    SELECT o.login FROM careerpath.org o
                    WHERE o.manager_login = manager::text AND pg_catalog.pg_has_role(session_user, manager, 'MEMBER')
                    UNION
                    SELECT o.login FROM careerpath.org o JOIN below b ON o.manager_login = b.login
                )
                SELECT login FROM below
            $f$;

            -- Files a session under the person's login from the org chart.
            CREATE OR REPLACE FUNCTION careerpath.file_session() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
            BEGIN
                -- A row written without careerpath (psql) is still found by its name.
                IF NEW.person_fold IS NULL THEN
                    NEW.person_fold := lower(NEW.person_name);
                END IF;
                NEW.person_login := NULL;
                IF NEW.person_id IS NOT NULL THEN
                    SELECT o.login INTO NEW.person_login FROM careerpath.org o WHERE o.person_id = NEW.person_id;
                END IF;
                IF NEW.person_login IS NULL THEN
                    SELECT min(o.login) INTO NEW.person_login FROM careerpath.org o
                    WHERE lower(o.person_name) = lower(NEW.person_name)
                        AND (NEW.person_id IS NULL OR o.person_id IS NULL)
                    HAVING count(*) = 1;
                END IF;
                RETURN NEW;
            END
            $f$;
            DROP TRIGGER IF EXISTS file_session ON careerpath.session;
            CREATE TRIGGER file_session BEFORE INSERT OR UPDATE ON careerpath.session
                FOR EACH ROW EXECUTE FUNCTION careerpath.file_session();

            GRANT USAGE ON SCHEMA careerpath TO PUBLIC;
            GRANT SELECT ON careerpath.schema_version, careerpath.org TO PUBLIC;
            GRANT SELECT, INSERT, UPDATE, DELETE
                ON careerpath.session, careerpath.plan_item, careerpath.milestone, careerpath.preparation TO PUBLIC;

            """
        let policies: [(table: String, policies: [String])] = [
            ("schema_version", ["readers FOR SELECT USING (true)"]),
            (
                "org",
                [
                    "readers FOR SELECT USING (login = current_user OR login IN \(below) OR \(hr))"
                ]
            ),
            (
                "session",
                [
                    "hr_reads FOR SELECT USING (\(hr))",
                    "hr_forgets FOR DELETE USING (\(hr))",
                    "own_sessions FOR SELECT USING (person_login = current_user AND mode <> 'manager')",
                    "own_self_assessments FOR ALL USING \(ownSelf) WITH CHECK \(ownSelf)",
                    "managers FOR ALL USING (person_login IN \(below)) WITH CHECK (person_login IN \(below))",
                ]
            ),
        ] + ["plan_item", "milestone", "preparation"].map { table in
            (
                table,
                [
                    "readers FOR SELECT USING (\(sessionOf("")))",
                    "hr_forgets FOR DELETE USING (\(hr))",
                    "writers FOR ALL USING (\(writable)) WITH CHECK (\(writable))",
                ]
            )
        }
        for (table, rules) in policies {
            let name = "careerpath." + table
            sql += """
                ALTER TABLE \(name) ENABLE ROW LEVEL SECURITY;
                ALTER TABLE \(name) FORCE ROW LEVEL SECURITY;
                DO $$ DECLARE p record; BEGIN
                    FOR p IN SELECT policyname FROM pg_catalog.pg_policies WHERE schemaname = 'careerpath' AND tablename = '\(table)' LOOP
                        EXECUTE format('DROP POLICY %I ON \(name)', p.policyname);
                    END LOOP;
                END $$;
                CREATE POLICY administrator ON \(name) TO \(owner) USING (true) WITH CHECK (true);

                """
            for rule in rules {
                let words = rule.split(separator: " ", maxSplits: 1)
                sql += "CREATE POLICY \(words[0]) ON \(name) \(words[1]);\n"
            }
        }
        return sql
    }
}
