import GRDB

/// The documented step-log tables as views over the compact storage (`CompactStepLogSchema`):
/// `workflow_executions`, `node_stays` and `messages` keep their columns, so the SQL in
/// docs/schema.md and docs/analytics.md, a BI tool and Cairn's own readers read them as they did.
/// Inserting into a view goes through its trigger, which turns words into codes and times into
/// offsets (the live runtime and fixtures write that way; a replay writes the compact rows
/// itself). An execution's id is its stored id (live executions, and those migrated), else the
/// UUID `RunRecorder.executionID` makes from the run and the key.
enum StepLogViews {
    static func create(_ db: Database) throws {
        try db.execute(sql: views)
        for trigger in triggers { try db.execute(sql: trigger) }
    }

    static let views = """
        CREATE VIEW workflow_executions AS
        SELECT
            COALESCE(e.uuid, printf('%08x-%04x-8000-8000-%012x', e.run_id & 4294967295, (e.key >> 48) & 65535,
                e.key & 281474976710655)) AS id,
            e.run_id, r.workflow_id, e.lead_id, e.rotation, st.word AS status, cs.word AS current_step,
            json_patch('{}', json_object('steps', e.steps, 'trigger', tr.word)) AS context,
            rr.word AS reason, e.started_at, e.started_at + e.ended_after AS completed_at
        FROM execution_rows e
        JOIN runs r ON r.id = e.run_id
        JOIN step_words st ON st.code = e.status
        LEFT JOIN step_words cs ON cs.code = e.current_step
        LEFT JOIN step_words tr ON tr.code = e.trigger
        LEFT JOIN step_words rr ON rr.code = e.reason;

        CREATE VIEW node_stays AS
        SELECT
            s.id, e.run_id, e.lead_id, e.rotation, n.word AS node_id, s.visit,
            e.started_at + s.entered AS entered_at,
            CASE WHEN s.dwell IS NULL THEN e.started_at + COALESCE(f.entered, e.ended_after)
                WHEN s.dwell >= 0 THEN e.started_at + s.entered + s.dwell END AS exited_at,
            o.word AS outcome, CASE WHEN s.next IS NULL THEN fn.word ELSE x.word END AS next_node_id,
            CASE WHEN s.verdicts IS NULL THEN NULL ELSE (
                SELECT json_group_array(json_object(
                    'actual', json_extract(substr(s.verdicts, instr(s.verdicts, '[')), '$[' || l.leaf || ']'),
                    'branch', l.branch, 'expected', l.expected, 'field', l.field,
                    'matched', json(CASE substr(s.verdicts, l.leaf + 1, 1) WHEN '1' THEN 'true' ELSE 'false' END),
                    'operator', l.operator, 'type', l.type))
                FROM runs r JOIN decision_leaves l ON l.workflow_id = r.workflow_id AND l.version = r.journey_version
                WHERE r.id = e.run_id AND l.node_id = n.word AND l.leaf < instr(s.verdicts, '[') - 1) END AS explanation
        FROM execution_rows e
        JOIN stay_rows s ON s.id BETWEEN e.key << 13 AND (e.key << 13) + 8191 AND e.key = s.id >> 13
        JOIN step_words n ON n.code = s.node
        LEFT JOIN stay_rows f ON f.id = s.id + 1
        LEFT JOIN step_words fn ON fn.code = f.node
        LEFT JOIN step_words o ON o.code = s.outcome
        LEFT JOIN step_words x ON x.code = s.next;

        CREATE VIEW messages AS
        SELECT
            m.id, e.run_id, e.lead_id, e.rotation, n.word AS node_id, c.word AS channel, t.word AS template,
            st.word AS status, rs.word AS reason,
            e.started_at + m.requested AS requested_at, e.started_at + m.requested + m.sent AS sent_at,
            e.started_at + m.requested + m.opened AS opened_at, e.started_at + m.requested + m.clicked AS clicked_at,
            e.started_at + m.requested + m.replied AS replied_at,
            e.started_at + m.requested + m.unsubscribed AS unsubscribed_at
        FROM execution_rows e
        JOIN message_rows m ON m.id BETWEEN e.key << 13 AND (e.key << 13) + 8191 AND e.key = m.id >> 13
        JOIN step_words n ON n.code = m.node
        JOIN step_words c ON c.code = m.channel
        JOIN step_words st ON st.code = m.status
        LEFT JOIN step_words t ON t.code = m.template
        LEFT JOIN step_words rs ON rs.code = m.reason;
        """

    // One statement per trigger: each body holds several statements ending in `;`.
    static let triggers = [
        """
        CREATE TRIGGER workflow_executions_insert INSTEAD OF INSERT ON workflow_executions
        BEGIN
            SELECT RAISE(ABORT, 'workflow_executions.status must be active, completed, converted, exited, halted or failed')
                WHERE NEW.status IS NULL OR NEW.status NOT IN ('active', 'completed', 'converted', 'exited', 'halted', 'failed');
            INSERT OR IGNORE INTO step_words (word)
                SELECT w FROM (SELECT NEW.status AS w UNION ALL SELECT NEW.current_step
                    UNION ALL SELECT json_extract(NEW.context, '$.trigger') UNION ALL SELECT NEW.reason)
                WHERE w IS NOT NULL;
            INSERT INTO execution_rows
                (run_id, lead_id, rotation, status, current_step, trigger, steps, reason, started_at, ended_after, uuid)
            VALUES (NEW.run_id, NEW.lead_id, NEW.rotation,
                (SELECT code FROM step_words WHERE word = NEW.status),
                (SELECT code FROM step_words WHERE word = NEW.current_step),
                (SELECT code FROM step_words WHERE word = json_extract(NEW.context, '$.trigger')),
                json_extract(NEW.context, '$.steps'), (SELECT code FROM step_words WHERE word = NEW.reason), NEW.started_at, NEW.completed_at - NEW.started_at, NEW.id);
        END;
        """,
        """
        CREATE TRIGGER node_stays_insert INSTEAD OF INSERT ON node_stays
        BEGIN
            SELECT RAISE(ABORT, 'node_stays: the run has no workflow_executions row for this lead and rotation')
                WHERE NOT EXISTS (SELECT 1 FROM execution_rows
                    WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id AND rotation = NEW.rotation);
            INSERT OR IGNORE INTO step_words (word)
                SELECT w FROM (SELECT NEW.node_id AS w UNION ALL SELECT NEW.outcome UNION ALL SELECT NEW.next_node_id)
                WHERE w IS NOT NULL;
            INSERT OR IGNORE INTO decision_leaves
                SELECT r.workflow_id, r.journey_version, NEW.node_id, j.key, json_extract(j.value, '$.branch'),
                    json_extract(j.value, '$.type'), json_extract(j.value, '$.field'), json_extract(j.value, '$.operator'),
                    json_extract(j.value, '$.expected')
                FROM runs r, json_each(NEW.explanation) j WHERE r.id = NEW.run_id;
            SELECT RAISE(ABORT, 'node_stays: an execution holds at most 8191 stays')
                FROM execution_rows e WHERE e.run_id = NEW.run_id AND e.lead_id = NEW.lead_id AND e.rotation = NEW.rotation
                    AND EXISTS (SELECT 1 FROM stay_rows WHERE id = (e.key << 13) + 8191);
            INSERT INTO stay_rows (id, node, visit, entered, dwell, outcome, next, verdicts)
            SELECT COALESCE((SELECT MAX(id) FROM stay_rows WHERE id BETWEEN e.key << 13 AND (e.key << 13) + 8191),
                    e.key << 13) + 1,
                n.code, NEW.visit, NEW.entered_at - e.started_at, COALESCE(NEW.exited_at - NEW.entered_at, -1),
                (SELECT code FROM step_words WHERE word = NEW.outcome),
                COALESCE((SELECT code FROM step_words WHERE word = NEW.next_node_id), 0),
                CASE WHEN NEW.explanation IS NULL THEN NULL ELSE
                    COALESCE((SELECT group_concat(CASE WHEN json_extract(value, '$.matched') THEN '1' ELSE '0' END, '')
                        FROM json_each(NEW.explanation)), '')
                    || (SELECT json_group_array(json_extract(value, '$.actual')) FROM json_each(NEW.explanation)) END
            FROM execution_rows e JOIN step_words n ON n.word = NEW.node_id
            WHERE e.run_id = NEW.run_id AND e.lead_id = NEW.lead_id AND e.rotation = NEW.rotation
                AND NOT EXISTS (SELECT 1 FROM stay_rows s WHERE s.id BETWEEN e.key << 13 AND (e.key << 13) + 8191
                    AND s.node = n.code AND s.visit = NEW.visit);
        END;
        """,
        """
        CREATE TRIGGER messages_insert INSTEAD OF INSERT ON messages
        BEGIN
            SELECT RAISE(ABORT, 'messages: the run has no workflow_executions row for this lead and rotation')
                WHERE NOT EXISTS (SELECT 1 FROM execution_rows
                    WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id AND rotation = NEW.rotation);
            SELECT RAISE(ABORT, 'messages.channel must be email, sms or chat')
                WHERE NEW.channel IS NULL OR NEW.channel NOT IN ('email', 'sms', 'chat');
            SELECT RAISE(ABORT, 'messages.status must be sent, suppressed or deferred')
                WHERE NEW.status IS NULL OR NEW.status NOT IN ('sent', 'suppressed', 'deferred');
            SELECT RAISE(ABORT, 'messages.reason must be consent, frequency_cap, quiet_hours, unsubscribed or rate_limit')
                WHERE NEW.reason NOT IN ('consent', 'frequency_cap', 'quiet_hours', 'unsubscribed', 'rate_limit');
            SELECT RAISE(ABORT, 'messages: an execution holds at most 8191 messages')
                FROM execution_rows e WHERE e.run_id = NEW.run_id AND e.lead_id = NEW.lead_id AND e.rotation = NEW.rotation
                    AND EXISTS (SELECT 1 FROM message_rows WHERE id = (e.key << 13) + 8191);
            INSERT OR IGNORE INTO step_words (word)
                SELECT w FROM (SELECT NEW.node_id AS w UNION ALL SELECT NEW.channel UNION ALL SELECT NEW.template
                    UNION ALL SELECT NEW.status UNION ALL SELECT NEW.reason) WHERE w IS NOT NULL;
            INSERT INTO message_rows
            SELECT COALESCE((SELECT MAX(id) FROM message_rows WHERE id BETWEEN e.key << 13 AND (e.key << 13) + 8191),
                    e.key << 13) + 1,
                (SELECT code FROM step_words WHERE word = NEW.node_id), (SELECT code FROM step_words WHERE word = NEW.channel),
                (SELECT code FROM step_words WHERE word = NEW.template), (SELECT code FROM step_words WHERE word = NEW.status),
                (SELECT code FROM step_words WHERE word = NEW.reason), NEW.requested_at - e.started_at,
                NEW.sent_at - NEW.requested_at, NEW.opened_at - NEW.requested_at, NEW.clicked_at - NEW.requested_at,
                NEW.replied_at - NEW.requested_at, NEW.unsubscribed_at - NEW.requested_at
            FROM execution_rows e WHERE e.run_id = NEW.run_id AND e.lead_id = NEW.lead_id AND e.rotation = NEW.rotation;
        END;
        """,
    ]
}
