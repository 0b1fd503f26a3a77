import Analytics
import ArgumentParser
import Foundation
import Workspace

struct WebhookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Configure the webhooks 'cairn serve' takes lead events from (see docs/server.md).",
        subcommands: [WebhookAddCommand.self, WebhookListCommand.self, WebhookRemoveCommand.self]
    )
}

struct WebhookAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a webhook, or replace the one of that name.",
        discussion: """
            Deliveries to POST /api/webhooks/NAME are signed with the secret (HMAC-SHA256 over
            TIMESTAMP.BODY) and become 'webhook' events named NAME for the lead whose id is at
            --lead-id-field, in the cohort --cohort (created when missing).
            Example: cairn webhook add form --secret-file form.secret --lead-id-field contact.id \\
                       --map contact.state=state --map score=score
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The webhook's name (letters, digits, '-', '_', '.').")
    var name: String

    @Option(help: "A file holding the shared secret.")
    var secretFile: String

    @Option(
        name: .customLong("lead-id-field"),
        help: "Where the lead's id is in the payload, as a dotted path (contact.id).")
    var leadIDField: String

    @Option(help: "Where the event's time is (ISO-8601 or epoch seconds); default: the signature's time.")
    var timeField: String?

    @Option(
        name: .customLong("map"), parsing: .singleValue,
        help: "FIELD=PROPERTY: set the lead property from the payload field (repeatable).")
    var mappings: [String] = []

    @Option(help: "The cohort the leads and events go into.")
    var cohort: String = "webhooks"

    func propertyMap() throws -> [String: String] {
        var map: [String: String] = [:]
        for mapping in mappings {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--map takes FIELD=PROPERTY, not '\(mapping)'")
            }
            map[parts[0]] = parts[1]
        }
        return map
    }

    func validate() throws {
        _ = try propertyMap()
    }

    func run() throws {
        guard let text = try? String(contentsOfFile: secretFile, encoding: .utf8) else {
            WorkspaceFailure.printError("cannot read the secret file \(secretFile)")
            throw ExitCode(1)
        }
        let definition = WebhookDefinition(
            name: name, secret: text.trimmingCharacters(in: .whitespacesAndNewlines), cohort: cohort,
            leadIDField: leadIDField, timeField: timeField, propertyMap: try propertyMap())
        let opened = try workspace.open()
        try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in try opened.saveWebhook(definition) }
        print("webhook '\(name)' saved: POST /api/webhooks/\(name) records events into cohort '\(cohort)'")
    }
}

struct WebhookListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The webhooks, with their mappings (secrets are not shown).")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let opened = try workspace.open()
        let hooks = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in try opened.webhooks() }
        switch format {
        case .json: try JSONOutput.print(hooks)
        case .text:
            let rows = hooks.map { hook in
                [
                    hook.name, hook.cohort, hook.leadIDField,
                    hook.propertyMap.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                        .joined(separator: " "),
                    String(hook.deliveries),
                ]
            }
            print(
                TextTable.list(["WEBHOOK", "COHORT", "LEAD ID FIELD", "MAP", "RECENT DELIVERIES"], rows),
                terminator: "")
        }
    }
}

struct WebhookRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a webhook; the events it recorded stay in their cohort.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The webhook's name.")
    var name: String

    func run() throws {
        let opened = try workspace.open()
        try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in try opened.removeWebhook(named: name)
        }
        print("webhook '\(name)' removed")
    }
}
