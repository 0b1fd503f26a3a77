import JourneyModel
import TerminalUI
import Testing
import Workspace

@testable import Studio

@Suite struct NodeEditorTests {
    static let samples = [
        "california-messaging", "chat-qualified-to-closer", "email-silence-to-sms", "geographic-campaigns",
        "high-intent-fast-track", "high-score-to-human", "opened-email-sms-followup", "re-engagement",
        "sms-engaged-to-chat", "welcome-series",
    ]

    // MARK: - Round trips

    @Test(arguments: samples)
    func everyFormAppliesUnchangedGivesTheSameJourney(journeyID: String) throws {
        let workspace = try TestWorkspace()
        let journey = try seededJourney(workspace, journeyID)
        let targets = journey.nodes.map { EditTarget.node($0.id) } + [.entry, .goal, .policy]
        for target in targets {
            var editor = NodeEditor(journey: journey, target: target, completions: FieldCompletions())
            #expect(!editor.hasChanges, "\(journeyID) \(target) reads back changed")
            guard case .saved(let saved) = editor.press("ctrl+s") else {
                Issue.record("\(journeyID) \(target) not applied: \(editor.message ?? "")")
                continue
            }
            #expect(saved == journey, "\(journeyID) \(target)")
            #expect(JourneyValidator.validate(saved).errors.isEmpty)
        }
    }

    @Test func escapeWithoutChangesCancelsAtOnce() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(journey: journey, target: .node("wait-2d"), completions: FieldCompletions())
        guard case .cancelled = editor.press("esc") else {
            Issue.record("esc did not cancel")
            return
        }
    }

    @Test func escapeWithChangesAsksAndNoIsTheDefault() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(journey: journey, target: .node("wait-2d"), completions: FieldCompletions())
        editor.focusCell("wait.for")
        editor.replace(with: "5d")
        guard case .editing = editor.press("esc") else {
            Issue.record("esc left with changes")
            return
        }
        #expect(editor.confirm != nil)
        guard case .editing = editor.press("enter") else {
            Issue.record("enter discarded")
            return
        }
        #expect(editor.confirm == nil)
        #expect(
            editor.edited?.node("wait-2d")?.body
                == .wait(Wait(condition: .duration(.days(5)), next: "opened-welcome")))
        editor.press("esc")
        guard case .cancelled = editor.press("y") else {
            Issue.record("y did not discard")
            return
        }
    }

    // MARK: - Edits

    @Test func aWaitChangedTo2dIsExactlyThatWait() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(
            journey: journey, target: .node("wait-to-day-5"), completions: FieldCompletions())
        editor.focusCell("wait.for")
        editor.replace(with: "2d")
        let result = editor.apply()
        let saved = try #require(result)
        var expected = journey
        expected.nodes[4] = JourneyNode(
            id: "wait-to-day-5", body: .wait(Wait(condition: .duration(.days(2)), next: "educational")))
        #expect(saved == expected)
    }

    @Test func tabAndShiftTabWalkTheFields() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(
            journey: journey, target: .node("welcome-email"), completions: FieldCompletions())
        #expect(editor.currentCell?.label == "label")
        editor.press("tab")
        #expect(editor.currentCell?.label == "action.type")
        editor.press("tab", "tab", "tab")
        #expect(editor.currentCell?.label == "next")
        // Round again to the node's id, which comes first; the form opened just below it.
        editor.press("tab")
        #expect(editor.currentCell?.label == "id")
        editor.press("shift+tab")
        #expect(editor.currentCell?.label == "next")
    }

    @Test func anAnyGroupWithTwoRowsAddedToADecision() throws {
        let journey = try seededJourney(TestWorkspace(), "geographic-campaigns")
        var editor = NodeEditor(
            journey: journey, target: .node("near-a-dealer"), completions: FieldCompletions())
        editor.focusCell("field")
        editor.press("ctrl+g")  // the root row goes into an `all` with the new group
        #expect(editor.currentCell?.label == "group")
        editor.press("right")  // all → any
        editor.press("tab", "tab")
        editor.type("plan")
        editor.press("tab")  // the operator: a property of unknown kind offers every one
        editor.press("tab")
        editor.type("pro")
        editor.press("ctrl+n")
        editor.type("score")
        editor.press("tab", "enter")  // open the operators
        for _ in 0..<(ConditionOperator.allCases.firstIndex(of: .atLeast) ?? 0) { editor.press("down") }
        editor.press("enter", "tab")
        editor.type("50")
        let result = editor.apply()
        let saved = try #require(result)
        let original = Condition.leaf(
            ConditionLeaf(type: .property, field: "dealer_distance_km", op: .atMost, value: 25))
        let expected = Condition.all([
            original,
            .any([
                .leaf(ConditionLeaf(type: .property, field: "plan", op: .equals, value: "pro")),
                .leaf(ConditionLeaf(type: .property, field: "score", op: .atLeast, value: 50)),
            ]),
        ])
        guard case .decision(let decision) = saved.node("near-a-dealer")?.body else {
            Issue.record("not a decision")
            return
        }
        #expect(decision.branches == [DecisionBranch(condition: expected, next: "dealer-alert")])
        #expect(decision.otherwise == "done")
        let text = ConditionText.describe(expected)
        #expect(text == "dealer_distance_km ≤ 25 and (plan = \"pro\" or score ≥ 50)")
    }

    @Test func wrapInNotAndDeleteEditTheTree() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(
            journey: journey, target: .node("opened-welcome"), completions: FieldCompletions())
        editor.focusCell("field", occurrence: 1)  // score > 80
        editor.press("ctrl+o")
        let result = editor.apply()
        var saved = try #require(result)
        let opened = Condition.leaf(ConditionLeaf(type: .behavior, field: "email.opened", op: .exists))
        let score = Condition.leaf(
            ConditionLeaf(type: .engagement, field: "score", op: .greaterThan, value: 80))
        guard case .decision(let d) = saved.node("opened-welcome")?.body else {
            Issue.record("kind")
            return
        }
        #expect(d.branches[0].condition == .any([opened, .not(score)]))

        editor.focusCell("field", occurrence: 0)
        editor.press("ctrl+x")
        let result2 = editor.apply()
        saved = try #require(result2)
        guard case .decision(let d2) = saved.node("opened-welcome")?.body else {
            Issue.record("kind")
            return
        }
        #expect(d2.branches[0].condition == .any([.not(score)]))
    }

    @Test func splitWeightsSetTo70And30() throws {
        let journey = try seededJourney(TestWorkspace(), "geographic-campaigns")
        var editor = NodeEditor(
            journey: journey, target: .node("offer-test"), completions: FieldCompletions())
        editor.focusCell("path.weight", occurrence: 0)
        editor.replace(with: "70")
        editor.focusCell("path.weight", occurrence: 1)
        editor.replace(with: "30")
        // With the holdout of 10 still there the split adds up to 110: refused, with the reason.
        guard case .editing = editor.press("ctrl+s") else {
            Issue.record("applied a bad split")
            return
        }
        #expect(
            editor.message
                == "Not applied: split 'offer-test' weights add up to 110 (holdout 10 included), not 100")
        editor.focusCell("holdout")
        editor.replace(with: "")
        let result = editor.apply()
        let saved = try #require(result)
        guard case .split(let split) = saved.node("offer-test")?.body else {
            Issue.record("kind")
            return
        }
        #expect(split.paths.map(\.weight) == [70, 30])
        #expect(split.paths.map(\.name) == ["cash-rebate", "low-apr"])
        #expect(split.holdout == nil)
    }

    @Test func aSendBecomesANotifyWhenItsTypeChanges() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(journey: journey, target: .node("sms-nudge"), completions: FieldCompletions())
        editor.focusCell("action.type")
        editor.press("right", "right", "right", "right")  // send → update → score → handoff → notify
        #expect(editor.lines.contains { $0.cell("notify.to") != nil })
        editor.focusCell("notify.to")
        editor.type("#sales")
        editor.press("tab")
        editor.type("A lead did not open the welcome")
        let result = editor.apply()
        let saved = try #require(result)
        #expect(
            saved.node("sms-nudge")
                == JourneyNode(
                    id: "sms-nudge",
                    body: .action(
                        ActionStep(
                            action: .notify(
                                NotifyAction(target: "#sales", message: "A lead did not open the welcome")),
                            next: "wait-to-day-5"))))
    }

    @Test func aDurationWaitBecomesAnEventWaitWithATimeout() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(journey: journey, target: .node("wait-2d"), completions: FieldCompletions())
        editor.focusCell("wait.form")
        editor.press("right")  // for → event
        editor.focusCell("wait.event")
        editor.type("email.opened")
        editor.press("tab")
        editor.type("1d")
        editor.focusCell("on_timeout")
        editor.press("enter", "down", "down", "down", "down", "enter")  // (none) → ... → sms-nudge
        let result = editor.apply()
        let saved = try #require(result)
        #expect(
            saved.node("wait-2d")?.body
                == .wait(
                    Wait(
                        condition: .event("email.opened", timeout: .days(1)), next: "opened-welcome",
                        timeoutNext: "sms-nudge")))
    }

    @Test func updateAndHandoffActionsReadTheirFields() throws {
        let journey = try seededJourney(TestWorkspace(), "chat-qualified-to-closer")
        var update = NodeEditor(journey: journey, target: .node("mark-sql"), completions: FieldCompletions())
        update.focusCell("update.value")
        update.replace(with: "[a, 2, true]")
        let result = update.apply()
        let saved = try #require(result)
        guard case .action(let step) = saved.node("mark-sql")?.body else {
            Issue.record("kind")
            return
        }
        #expect(step.action == .update(field: "stage", value: ["a", 2, true]))

        let handoffID = try #require(
            journey.nodes.first { node in
                if case .action(let step) = node.body, case .handoff = step.action { return true }
                return false
            }?.id)
        var handoff = NodeEditor(journey: journey, target: .node(handoffID), completions: FieldCompletions())
        handoff.focusCell("to.kind")
        handoff.press("left", "left")  // human → bot → (none)
        handoff.focusCell("to.expertise")
        handoff.replace(with: "")
        #expect(
            handoff.lines.flatMap(\.messages) == [
                "a handoff target needs an agent, or a channel, kind or expertise to route by"
            ])
        handoff.focusCell("to.agent")
        handoff.type("ana-closer")
        let result2 = handoff.apply()
        let saved2 = try #require(result2)
        guard case .action(let step2) = saved2.node(handoffID)?.body, case .handoff(let h) = step2.action
        else {
            Issue.record("kind")
            return
        }
        #expect(h.to == HandoffTarget(agent: "ana-closer"))
    }

    @Test func pathsBranchesAndRulesAreAddedAndDeleted() throws {
        let workspace = try TestWorkspace()
        let geo = try seededJourney(workspace, "geographic-campaigns")
        var split = NodeEditor(journey: geo, target: .node("offer-test"), completions: FieldCompletions())
        split.press("ctrl+b")
        #expect(split.currentCell?.content == "path-3")
        split.focusCell("path.weight", occurrence: 2)
        split.replace(with: "10")
        split.focusCell("holdout")
        split.replace(with: "")
        let result = split.apply()
        let saved = try #require(result)
        guard case .split(let s) = saved.node("offer-test")?.body else {
            Issue.record("kind")
            return
        }
        #expect(s.paths.map(\.name) == ["cash-rebate", "low-apr", "path-3"])
        split.focusCell("path.name", occurrence: 0)
        split.press("ctrl+x")
        #expect(split.lines.filter { $0.role == .path }.count == 2)

        let welcome = try seededJourney(workspace, "welcome-series")
        var decision = NodeEditor(
            journey: welcome, target: .node("opened-welcome"), completions: FieldCompletions())
        decision.press("ctrl+b")
        guard case .editing = decision.press("ctrl+s") else {
            Issue.record("applied an empty branch")
            return
        }
        #expect(decision.message == "Not applied: a branch needs a condition: ctrl+n adds a row")
        decision.press("ctrl+n")
        decision.type("vip")
        decision.press(
            "tab", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right",
            "right")
        #expect(decision.currentCell?.content == "exists")
        let result2 = decision.apply()
        let saved2 = try #require(result2)
        guard case .decision(let d) = saved2.node("opened-welcome")?.body else {
            Issue.record("kind")
            return
        }
        #expect(d.branches.count == 2)
        #expect(d.branches[1].condition == .leaf(ConditionLeaf(type: .property, field: "vip", op: .exists)))

        let silence = try seededJourney(workspace, "email-silence-to-sms")
        var policy = NodeEditor(journey: silence, target: .policy, completions: FieldCompletions())
        policy.focusCell("rule.0.name")
        policy.press("ctrl+x")
        let result3 = policy.apply()
        let saved3 = try #require(result3)
        #expect(saved3.policy.handoffRules.isEmpty)
        #expect(saved3.policy.frequencyCap == FrequencyCap(perDay: 1))
    }

    // MARK: - Errors

    @Test func aBadDurationShowsTheReadersMessageAndIsNotApplied() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(journey: journey, target: .node("wait-2d"), completions: FieldCompletions())
        editor.focusCell("wait.for")
        editor.replace(with: "2days")
        let message = "bad duration '2days' for 'for' (expected a number and a unit: 30m, 2h, 3d, 1w)"
        #expect(editor.lines.flatMap(\.messages) == [message])
        guard case .editing = editor.press("ctrl+s") else {
            Issue.record("applied")
            return
        }
        #expect(editor.message == "Not applied: " + message)
    }

    @Test func aConditionRowShowsTheRulesProblem() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(
            journey: journey, target: .node("opened-welcome"), completions: FieldCompletions())
        editor.focusCell("value", occurrence: 1)
        editor.replace(with: "\"80\"")
        #expect(
            editor.lines.flatMap(\.messages) == [
                "'greater_than' compares numbers, but the value is a string (\"80\")"
            ])
        guard case .editing = editor.press("ctrl+s") else {
            Issue.record("applied")
            return
        }
    }

    @Test func removingADecisionsElseIsRefusedWithTheValidatorsMessage() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(
            journey: journey, target: .node("opened-welcome"), completions: FieldCompletions())
        editor.focusCell("else")
        editor.press("enter")
        for _ in 0..<12 { editor.press("up") }
        editor.press("enter")
        #expect(editor.currentCell?.content == "(none)")
        let message = "decision 'opened-welcome' has no 'else': leads matching no branch would be stuck"
        #expect(editor.problems == [message])
        guard case .editing = editor.press("ctrl+s") else {
            Issue.record("applied")
            return
        }
        #expect(editor.message == "Not applied: " + message)
    }

    @Test func entryAndPolicyFieldsReadWithTheLanguagesParsers() throws {
        let journey = try seededJourney(TestWorkspace(), "re-engagement")
        var entry = NodeEditor(journey: journey, target: .entry, completions: FieldCompletions())
        entry.focusCell("trigger.schedule")
        entry.replace(with: "daily at 9am")
        #expect(
            entry.lines.flatMap(\.messages) == [
                "bad schedule 'daily at 9am': bad time '9am' (expected HH:MM)"
            ])
        entry.replace(with: "weekdays at 08:00")
        let result = entry.apply()
        let saved = try #require(result)
        #expect(saved.entry.trigger == .time(try Schedule(parsing: "0 8 * * 1-5")))

        var policy = NodeEditor(journey: journey, target: .policy, completions: FieldCompletions())
        policy.focusCell("cap.sms.day")
        policy.replace(with: "x")
        policy.focusCell("max_steps")
        policy.replace(with: "0")
        #expect(
            policy.lines.flatMap(\.messages) == [
                "expected a whole number for 'per_day', found 'x'", "'max_steps' must be at least 1, found 0",
            ])
        policy.focusCell("max_steps")
        policy.replace(with: "5000")
        #expect(policy.lines.flatMap(\.messages).contains("'max_steps' must be at most 4000, found 5000"))
        policy.focusCell("cap.sms.day")
        policy.replace(with: "2")
        policy.focusCell("max_steps")
        policy.replace(with: "50")
        let result2 = policy.apply()
        let applied = try #require(result2)
        #expect(applied.policy.channelCaps[Channel.sms]?.perDay == 2)
        #expect(applied.policy.maxStepsPerLead == 50)
    }

    @Test func livePolicyFieldsReadAsTheFileDoes() throws {
        let journey = try seededJourney(TestWorkspace(), "re-engagement")
        var policy = NodeEditor(journey: journey, target: .policy, completions: FieldCompletions())
        policy.focusCell("stale_after")
        policy.replace(with: "0s")
        policy.focusCell("max_sends_per_minute")
        policy.replace(with: "0")
        policy.focusCell("max_steps_per_minute")
        policy.replace(with: "lots")
        #expect(
            policy.lines.flatMap(\.messages) == [
                "'stale_after' must be at least 1s, found 0s",
                "'max_sends_per_minute' must be at least 1, found 0",
                "expected a whole number for 'max_steps_per_minute', found 'lots'",
            ])
        guard case .editing = policy.press("ctrl+s") else {
            Issue.record("applied")
            return
        }
        policy.focusCell("stale_after")
        policy.replace(with: "soon")
        #expect(
            policy.lines.flatMap(\.messages).first
                == "bad duration 'soon' for 'stale_after' (expected a number and a unit: 30m, 2h, 3d, 1w)")
        policy.replace(with: "12h")
        policy.focusCell("max_sends_per_minute")
        policy.replace(with: "100")
        policy.focusCell("max_steps_per_minute")
        policy.replace(with: "1000")
        let result = policy.apply()
        let applied = try #require(result)
        #expect(applied.policy.staleAfter == .hours(12))
        #expect(applied.policy.maxSendsPerMinute == 100)
        #expect(applied.policy.maxStepsPerMinute == 1000)

        var again = NodeEditor(journey: applied, target: .policy, completions: FieldCompletions())
        let result2 = again.apply()
        let reapplied = try #require(result2)
        #expect(reapplied.policy == applied.policy)
    }

    // MARK: - Completion and operators

    @Test func completionsComeFromTheWorkspacesCohorts() throws {
        let workspace = try TestWorkspace()
        let completions = try FieldCompletions.load(workspace.workspace)
        for name in ["company_size", "first_name", "plan", "score", "state", "status"] {
            #expect(completions.properties.contains(name), "\(name)")
        }
        #expect(completions.propertyKinds["company_size"] == .number)
        #expect(completions.propertyKinds["state"] == .text)
        for event in ["email.opened", "email.clicked", "visited", "sms.replied", "lead.created"] {
            #expect(completions.eventTypes.contains(event), "\(event)")
        }

        let journey = try seededJourney(workspace, "california-messaging")
        var editor = NodeEditor(journey: journey, target: .node("in-california"), completions: completions)
        editor.focusCell("field")
        editor.replace(with: "comp")
        #expect(editor.completionMatches == ["company_size"])
        editor.press("tab")
        #expect(editor.currentCell?.content == "company_size")
        editor.press("tab")
        #expect(editor.currentCell?.label == "op")
    }

    @Test func operatorsFollowTheFieldsType() throws {
        let workspace = try TestWorkspace()
        let completions = try FieldCompletions.load(workspace.workspace)
        let journey = try seededJourney(workspace, "california-messaging")
        var editor = NodeEditor(journey: journey, target: .node("in-california"), completions: completions)
        func offered() -> [String] {
            guard case .choice(let state) = editor.lines[editor.focus.line].cell("op")?.value else {
                return []
            }
            return state.options
        }
        editor.focusCell("field")
        #expect(offered() == OperatorChoices.text.map(\.rawValue))  // state: text
        #expect(offered().contains("contains") && !offered().contains("greater_than"))
        editor.replace(with: "company_size")
        #expect(offered().contains("greater_than") && offered().contains("between"))
        // `equals` fits numbers too, so the row keeps it.
        #expect(editor.lines[editor.focus.line].cell("op")?.content == "equals")
        editor.focusCell("type")
        editor.press("right")  // property → behavior: events are counted
        #expect(!offered().contains("contains"))
        #expect(
            offered()
                == ConditionOperator.allCases.filter { ConditionRules.countOperators.contains($0) }.map(
                    \.rawValue))
    }

    @Test func aClickFocusesTheFieldUnderIt() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(
            journey: journey, target: .node("welcome-email"), completions: FieldCompletions())
        let area = Rect(x: 0, y: 0, width: 80, height: 22)
        var frame = Frame(size: Size(width: 80, height: 22))
        editor.view(in: area, frame: &frame)
        let row = try #require(
            frame.buffer.plainText.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("template") })
        editor.click(at: Point(x: 30, y: row), in: area)
        #expect(editor.currentCell?.label == "send.template")
    }

    @Test func aLongFormScrollsToKeepTheFocusInView() throws {
        let journey = try seededJourney(TestWorkspace(), "email-silence-to-sms")
        var editor = NodeEditor(journey: journey, target: .policy, completions: FieldCompletions())
        editor.press("ctrl+b", "ctrl+b")
        editor.type("third-rule")
        var frame = Frame(size: Size(width: 80, height: 24))
        editor.view(in: frame.area, frame: &frame)
        #expect(frame.buffer.plainText.contains("third-rule"))
        #expect(!frame.buffer.plainText.contains("frequency cap"))
        #expect(frame.cursor != nil)
        editor.focusCell("cap.all.day")
        frame = Frame(size: Size(width: 80, height: 24))
        editor.view(in: frame.area, frame: &frame)
        #expect(frame.buffer.plainText.contains("frequency cap"))
    }

    @Test func f2AppliesLikeCtrlS() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(journey: journey, target: .node("done"), completions: FieldCompletions())
        editor.focusCell("exit.reason")
        editor.replace(with: "finished")
        guard case .saved(let saved) = editor.press("f2") else {
            Issue.record("f2 did not apply")
            return
        }
        #expect(saved.node("done")?.body == .exit(ExitStep(reason: "finished")))
    }

    @Test func editorKeysAreWellFormed() {
        #expect(NodeEditor.keys.problems.isEmpty)
        #expect(NodeEditor.keyTables.allSatisfy { $0.takesEveryKey })
    }
}

/// Renaming a node from its form: every reference follows; a clash or a bad id says why.
@Suite struct NodeRenameTests {
    @Test func renamingANodeCarriesEveryReference() throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(
            journey: journey, target: .node("wait-to-day-5"), completions: FieldCompletions())
        editor.focusCell("id")
        editor.replace(with: "day-5")
        let applied = editor.apply()
        let renamed = try #require(applied)
        #expect(renamed.node("wait-to-day-5") == nil)
        #expect(renamed.node("day-5")?.edges.map(\.target) == ["educational"])
        guard case .decision(let decision) = renamed.node("opened-welcome")?.body else {
            Issue.record("opened-welcome is not a decision")
            return
        }
        #expect(decision.branches.map(\.next) == ["day-5"])
        #expect(renamed.node("sms-nudge")?.edges.map(\.target) == ["day-5"])
        #expect(JourneyValidator.validate(renamed).errors.isEmpty)
    }

    @Test(arguments: [
        ("wait-2d", "'wait-2d' is taken by another node"),
        (
            "Day 5",
            "'Day 5' will not do as an id: lowercase letters, digits, '-' and '_', starting with a letter"
        ),
        ("entry", "'entry' is the entry's own id: pick another"),
        ("", "a node needs an id"),
    ])
    func aClashOrABadIdIsRefusedWithWhy(id: String, message: String) throws {
        let journey = try seededJourney(TestWorkspace(), "welcome-series")
        var editor = NodeEditor(
            journey: journey, target: .node("wait-to-day-5"), completions: FieldCompletions())
        editor.focusCell("id")
        editor.replace(with: id)
        guard case .editing = editor.press("ctrl+s") else {
            Issue.record("a bad id was applied")
            return
        }
        #expect(editor.lines.flatMap(\.messages).contains(message))
    }

    @Test func theEntrysNextTimeoutsAndSplitPathsFollowToo() throws {
        let workspace = try TestWorkspace()
        let journey = try seededJourney(workspace, "welcome-series")
        let renamed = try JourneyEdits.rename("welcome-email", to: "hello", in: journey)
        #expect(renamed.entry.next == "hello")
        for sample in NodeEditorTests.samples {
            let original = try seededJourney(workspace, sample)
            for node in original.nodes {
                let edited = try JourneyEdits.rename(node.id, to: "renamed-node", in: original)
                let before = original.nodes.flatMap(\.edges).filter { $0.target == node.id }.count
                let after = edited.nodes.flatMap(\.edges).filter { $0.target == "renamed-node" }.count
                #expect(before == after, "\(sample) \(node.id)")
                #expect(!edited.nodes.flatMap(\.edges).contains { $0.target == node.id })
                #expect(JourneyValidator.validate(edited).errors.isEmpty, "\(sample) \(node.id)")
            }
        }
    }
}

/// The editor's hint line offers only the keys that do something where the focus is.
@Suite struct NodeEditorHintTests {
    @Test func addRowIsOfferedOnlyOnAConditionAndClearOnlyInText() throws {
        let workspace = try TestWorkspace()
        let welcome = try seededJourney(workspace, "welcome-series")
        var action = NodeEditor(
            journey: welcome, target: .node("welcome-email"), completions: FieldCompletions())
        var hints = action.keyMap.statusHints.map(\.help)
        #expect(!hints.contains("add row") && !hints.contains("add path/branch/rule"))
        #expect(hints.contains("clear"))  // the label, a text field
        action.focusCell("action.type")
        hints = action.keyMap.statusHints.map(\.help)
        #expect(!hints.contains("clear"))  // a choice
        var decision = NodeEditor(
            journey: welcome, target: .node("opened-welcome"), completions: FieldCompletions())
        decision.focusCell("field")
        #expect(decision.keyMap.statusHints.map(\.help).contains("add row"))
        // Help still lists every key.
        #expect(action.keyMap.helpSections.flatMap(\.entries).contains { $0.keys == "ctrl+n" })
    }
}
