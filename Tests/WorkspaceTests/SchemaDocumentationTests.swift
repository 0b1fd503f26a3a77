import Foundation
import GRDB
import Testing

@testable import Workspace

/// docs/schema.md is a public interface: every table and column the code creates must be
/// documented there (the step log's views too), and every table documented must exist.
@Suite struct SchemaDocumentationTests {
    /// `### \`table\`` sections and the `| \`column\` |` rows under each.
    static func documentedColumns() throws -> [String: Set<String>] {
        let text = try Repository.text("docs/schema.md")
        var tables: [String: Set<String>] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### `"), let name = line.split(separator: "`").dropFirst().first {
                current = String(name)
                tables[String(name), default: []] = []
            } else if line.hasPrefix("## ") || line.hasPrefix("### ") {
                current = nil
            } else if let table = current, line.hasPrefix("| `"),
                let column = line.split(separator: "`").dropFirst().first
            {
                tables[table, default: []].insert(String(column))
            }
        }
        return tables
    }

    @Test func everyTableAndColumnIsDocumented() throws {
        let test = try TestWorkspace()
        let schema: [String: [String]] = try test.workspace.pool.read { db in
            let tables = try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
            )
            var result: [String: [String]] = [:]
            for table in tables {
                result[table] = try Row.fetchAll(
                    db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]
                )
                .map { $0["name"] }
            }
            return result
        }
        let documented = try Self.documentedColumns()
        #expect(schema.count >= 19)
        for (table, columns) in schema.sorted(by: { $0.key < $1.key }) {
            guard let documentedColumns = documented[table] else {
                Issue.record("docs/schema.md does not document table \(table)")
                continue
            }
            for column in columns where !documentedColumns.contains(column) {
                Issue.record("docs/schema.md does not document column \(table).\(column)")
            }
            for column in documentedColumns.subtracting(columns) {
                Issue.record("docs/schema.md documents \(table).\(column), which does not exist")
            }
        }
        for table in documented.keys where schema[table] == nil {
            Issue.record("docs/schema.md documents table \(table), which does not exist")
        }
    }

    @Test func everyIndexIsDocumented() throws {
        let test = try TestWorkspace()
        let indexes = try test.workspace.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
        }
        let text = try Repository.text("docs/schema.md")
        for index in indexes {
            #expect(text.contains("`\(index)`"), "docs/schema.md does not mention index \(index)")
        }
    }
}
